import type { IntentEvaluation } from './intentEval';
import type { Evaluation } from './runEvaluation';
import { FLOORS, TARGETS } from './targets';

export interface TargetCheck {
  name: string;
  value: number;
  target: number;
  /** What CI holds it to (test/quality.test.ts). */
  floor: number;
  met: boolean;
}

/** The held-out numbers the issue sets targets for, each with whether it is met. */
export function targetChecks(e: Evaluation): TargetCheck[] {
  const check = (name: string, value: number, key: keyof typeof FLOORS) =>
    ({ name, value, target: TARGETS[key], floor: FLOORS[key], met: value >= TARGETS[key] });
  return [
    check('intent macro-F1', e.heldout.report.macroF1, 'macroF1'),
    check('in-scope accuracy', e.heldout.scope.inScopeAccuracy, 'inScopeAccuracy'),
    check('out-of-scope recall', e.heldout.scope.outOfScopeRecall, 'outOfScopeRecall'),
    check('product detection', e.heldout.entities.product, 'product'),
    check('search top-1', e.search.heldout.top1, 'searchTop1'),
    check('search top-3', e.search.heldout.top3, 'searchTop3'),
  ];
}

/** The Markdown report `npm run eval` writes to reports/eval.md. */
export function evalReport(e: Evaluation, generatedAt: string): string {
  return [
    '# Understanding quality',
    '',
    `Generated ${generatedAt} by \`npm run eval\`. Classifier: natural ${e.algorithm}, calibrated with temperature ${e.temperature}; ` +
      `confidence threshold ${e.threshold}, clarifying margin ${e.clarifyMargin}; ${e.trainingPhrases} training phrases. ` +
      `Development set: ${e.dev.size} messages; held-out set: ${e.heldout.size} messages (never tuned on).`,
    '',
    '## Targets (held-out set)',
    '',
    table(['measure', 'value', 'target', '', 'CI floor'], targetChecks(e).map((c) => [c.name, f(c.value), `≥ ${c.target}`, c.met ? 'met' : '**missed**', `≥ ${c.floor}`])),
    '',
    '## Classifiers compared',
    '',
    table(['classifier', 'train ms', 'dev macro-F1', 'held-out macro-F1', 'held-out in-scope acc.', 'held-out OOS recall'],
      e.variants.map((v) => [v.name, String(v.trainMs), f(v.dev.report.macroF1), f(v.heldout.report.macroF1), f(v.heldout.scope.inScopeAccuracy), f(v.heldout.scope.outOfScopeRecall)])),
    '',
    '## Confidence threshold (development set)',
    '',
    '![threshold sweep](eval-threshold.svg)',
    '',
    table(['threshold', 'in-scope accuracy', 'out-of-scope recall', 'macro-F1', 'asks to clarify'],
      e.sweep.map((p) => [p.threshold === e.threshold ? `**${p.threshold}**` : String(p.threshold), f(p.inScopeAccuracy), f(p.outOfScopeRecall), f(p.macroF1), f(p.clarifyRate)])),
    '',
    '## Per intent (held-out set)',
    '',
    '![F1 per intent](eval-f1.svg)',
    '',
    perIntent(e.heldout),
    '',
    '### Confusion matrix (rows: expected, columns: predicted)',
    '',
    confusion(e.heldout),
    '',
    '## Calibration (held-out set)',
    '',
    `Expected calibration error: ${f(e.calibration.ece)}.`,
    '',
    table(['confidence', 'messages', 'mean confidence', 'accuracy'], e.calibration.bins.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.count), f(b.confidence), f(b.accuracy)])),
    '',
    '## Entities',
    '',
    table(['entity', 'development', 'held-out'], [
      ['product (messages that name or imply the device)', f(e.dev.entities.product), f(e.heldout.entities.product)],
      ['brand', f(e.dev.entities.brand), f(e.heldout.entities.brand)],
      ['errorCode', f(e.dev.entities.errorCode), f(e.heldout.entities.errorCode)],
    ]),
    '',
    '## Knowledge search',
    '',
    table(['set', 'questions', 'top-1', 'top-3', 'MRR'], [
      ['development', String(e.search.dev.size), f(e.search.dev.top1), f(e.search.dev.top3), f(e.search.dev.mrr)],
      ['held-out', String(e.search.heldout.size), f(e.search.heldout.top1), f(e.search.heldout.top3), f(e.search.heldout.mrr)],
    ]),
    '',
    `## ${e.crossValidation.folds}-fold cross-validation on the training phrases`,
    '',
    `macro-F1 ${f(e.crossValidation.evaluation.report.macroF1)}, accuracy ${f(e.crossValidation.evaluation.report.accuracy)}.`,
    '',
    perIntent(e.crossValidation.evaluation),
    '',
    '## Development-set misses (to improve the training data; the held-out misses are not listed)',
    '',
    ...e.dev.misses.map((m) => `- expected ${m.example.intent}, got ${m.got.intent} (${f(m.got.confidence)}): "${m.example.text}"`),
    ...e.search.dev.misses.map((m) => `- search: expected ${m.question.article}, got ${m.got.join(', ') || 'nothing'}: "${m.question.text}"`),
    '',
  ].join('\n');
}

function perIntent(e: IntentEvaluation): string {
  return table(['intent', 'precision', 'recall', 'F1', 'support'], [
    ...e.report.labels.map((l) => [l.label, f(l.precision), f(l.recall), f(l.f1), String(l.support)]),
    ['**macro average**', '', '', f(e.report.macroF1), String(e.size)],
  ]);
}

function confusion(e: IntentEvaluation): string {
  const short = e.report.order.map((l) => l.slice(0, 7));
  return table(['', ...short], e.report.order.map((l, i) => [l, ...e.report.confusion[i].map((n) => (n ? String(n) : '·'))]));
}

/** A Markdown table (the support report uses it too). */
export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function f(n: number): string {
  return n.toFixed(3);
}
