import { createSupportCore, type CoreOptions } from '../core/supportCore';
import type { Knowledge } from '../knowledge';
import type { IntentName } from '../knowledge/schema';
import { stratifiedFolds, trainTestSplits } from '../nlu/folds';
import type { IntentExample } from './evalData';
import { scoreUnderstandings, type IntentEvaluation } from './intentEval';

/**
 * k-fold cross-validation on the training phrases: each fold is understood by a core trained on the
 * other folds only (classifier, spelling vocabulary and all), and the predictions are scored together.
 */
export function crossValidate(k: Knowledge, folds: number, options: CoreOptions = {}): IntentEvaluation {
  const phrases = k.intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.intent })));
  const results: Parameters<typeof scoreUnderstandings>[0] = [];
  for (const { train, test } of trainTestSplits(stratifiedFolds(phrases, (p) => p.intent, folds))) {
    const core = createSupportCore({ ...k, intents: asIntentFiles(train) }, options);
    for (const p of test) {
      const example: IntentExample = { text: p.text, intent: p.intent };
      results.push({ example, got: core.understander.understand(p.text) });
    }
  }
  return scoreUnderstandings(results);
}

function asIntentFiles(phrases: { text: string; intent: IntentName }[]) {
  const byIntent = new Map<IntentName, string[]>();
  for (const p of phrases) byIntent.set(p.intent, [...(byIntent.get(p.intent) ?? []), p.text]);
  return [...byIntent].map(([intent, examples]) => ({ intent, examples }));
}
