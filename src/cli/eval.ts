import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { createSupportCore } from '../core/supportCore';
import { evalReport, targetChecks } from '../eval/evalReport';
import { runEvaluation } from '../eval/runEvaluation';
import { barChart, lineChart } from '../eval/svgChart';
import { TARGETS } from '../eval/targets';
import { loadKnowledge } from '../knowledge/loadKnowledge';

// `npm run eval [-- --folds 5] [-- --logistic]`: how well the bot understands, on labelled messages
// it never trained on. Prints the key numbers and writes reports/eval.md with two SVG charts.
// --logistic adds natural's logistic regression to the comparison (it trains for many minutes).
function main(): void {
  const config = loadConfig();
  const started = performance.now();
  const args = process.argv.slice(2);
  const folds = Number(args[args.indexOf('--folds') + 1]) || 5;
  const k = loadKnowledge(config.knowledgeDir);
  const core = createSupportCore(k, {
    classifier: config.classifier,
    confidenceThreshold: config.confidenceThreshold,
    clarifyMargin: config.clarifyMargin,
  });
  const e = runEvaluation(config.knowledgeDir, k, core, { folds, compareLogistic: args.includes('--logistic') });

  const dir = join(config.knowledgeDir, 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'eval.md'), evalReport(e, new Date().toISOString()));
  writeFileSync(join(dir, 'eval-threshold.svg'), lineChart({
    title: 'Confidence threshold on the development set',
    xLabel: 'confidence threshold',
    series: [
      { name: 'in-scope accuracy', points: e.sweep.map((p) => [p.threshold, p.inScopeAccuracy]) },
      { name: 'out-of-scope recall', points: e.sweep.map((p) => [p.threshold, p.outOfScopeRecall]) },
      { name: 'macro-F1', points: e.sweep.map((p) => [p.threshold, p.macroF1]) },
    ],
    markerX: e.threshold,
    markerLabel: `chosen ${e.threshold}`,
  }));
  writeFileSync(join(dir, 'eval-f1.svg'), barChart({
    title: 'F1 per intent on the held-out set',
    bars: e.heldout.report.labels.map((l) => ({ label: l.label, value: l.f1 })),
    target: TARGETS.macroF1,
  }));

  const row = (name: string, value: string) => console.log(`${name.padEnd(34)} ${value}`);
  row('classifier', `${e.algorithm} (temperature ${e.temperature}, threshold ${e.threshold})`);
  for (const v of e.variants) row(`  ${v.name}`, `held-out macro-F1 ${v.heldout.report.macroF1.toFixed(3)} (train ${v.trainMs} ms)`);
  row('held-out messages', String(e.heldout.size));
  for (const c of targetChecks(e)) row(c.name, `${c.value.toFixed(3)}  target ≥ ${c.target}  ${c.met ? 'met' : 'MISSED'}`);
  row('accuracy (all intents)', e.heldout.report.accuracy.toFixed(3));
  row('brand / errorCode', `${e.heldout.entities.brand.toFixed(3)} / ${e.heldout.entities.errorCode.toFixed(3)}`);
  row('search MRR', e.search.heldout.mrr.toFixed(3));
  row('calibration error (ECE)', e.calibration.ece.toFixed(3));
  row(`${folds}-fold CV macro-F1 (training)`, e.crossValidation.evaluation.report.macroF1.toFixed(3));
  row('development macro-F1', e.dev.report.macroF1.toFixed(3));
  console.log(`report: ${join(dir, 'eval.md')} (${Math.round(performance.now() - started)} ms)`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
