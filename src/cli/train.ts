import { loadConfig } from '../config';
import { sourceFingerprint, upToDateArtifact, writeModelArtifact } from '../core/modelArtifact';
import { createSupportCore } from '../core/supportCore';
import { loadKnowledge } from '../knowledge/loadKnowledge';

// `npm run train` (and every build): checks the data, trains the intent model once, works out the
// search matches of every known word, and keeps all three in MODEL_FILE, so the bot starts from
// them instead of parsing, training and fuzzy-matching at every start. When the kept model already
// comes from the current data and code (the fingerprint), it is kept: `--force` trains anyway.
function main(): void {
  const config = loadConfig();
  const started = performance.now();
  const fingerprint = sourceFingerprint(config.knowledgeDir);
  const kept = upToDateArtifact(config.modelFile, fingerprint, config.classifier);
  if (kept && !process.argv.includes('--force')) {
    console.log(`the trained model is up to date with the data and code (built ${kept.builtAt}); kept ${config.modelFile} (npm run train -- --force trains anyway)`);
    return;
  }
  const knowledge = loadKnowledge(config.knowledgeDir);
  const core = createSupportCore(knowledge, { classifier: config.classifier });
  const searchIndex = core.search.buildIndex();
  writeModelArtifact(config.modelFile, {
    fingerprint,
    builtAt: new Date().toISOString(),
    knowledge,
    intentModel: core.classifier.toData(),
    searchIndex,
  });
  const phrases = knowledge.intents.reduce((n, i) => n + i.examples.length, 0);
  console.log(
    `trained ${core.classifier.algorithm} on ${phrases} phrases (temperature ${core.classifier.temperature}), ` +
    `indexed ${Object.keys(searchIndex.terms).length} words for search ` +
    `in ${Math.round(performance.now() - started)} ms → ${config.modelFile}`,
  );
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
