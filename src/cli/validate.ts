import { resolve } from 'node:path';
import { crossCheck } from '../knowledge/crossCheck';
import { DataError, formatProblem } from '../knowledge/dataError';
import { loadKnowledgeSources, toKnowledge } from '../knowledge/loadKnowledge';
import { checkEvalData } from '../eval/evalData';
import { checkHandoffFiles } from '../handoff/checkHandoffFiles';

// `npm run validate [dir]`: checks knowledge/, dialogs/ and the evaluation sets like `rasa data validate`.
// Exit code 1 on errors; warnings are printed but do not fail.
function main(): number {
  const root = resolve(process.argv[2] ?? process.cwd());
  try {
    const sources = loadKnowledgeSources(root);
    const { errors: knowledgeErrors, warnings } = crossCheck(sources);
    // The evaluation sets are checked against the knowledge too (labels exist, no training phrase reused).
    const errors = [...knowledgeErrors, ...checkEvalData(root, toKnowledge(sources)), ...checkHandoffFiles(root)];
    warnings.forEach((w) => console.log(`warning ${formatProblem(w)}`));
    errors.forEach((e) => console.log(`error   ${formatProblem(e)}`));
    const k = toKnowledge(sources);
    const examples = k.intents.reduce((n, i) => n + i.examples.length, 0);
    console.log(`${k.articles.length} articles, ${k.flows.length} flows, ${k.intents.length} intents (${examples} examples), ${Object.keys(k.responses).length} responses: ${errors.length} errors, ${warnings.length} warnings`);
    return errors.length > 0 ? 1 : 0;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    err.problems.forEach((p) => console.log(`error   ${formatProblem(p)}`));
    console.log(`${err.problems.length} errors`);
    return 1;
  }
}

process.exitCode = main();
