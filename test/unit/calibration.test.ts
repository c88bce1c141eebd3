import { calibrated, fitTemperature } from '../../src/nlu/calibration';
import { stratifiedFolds, trainTestSplits } from '../../src/nlu/folds';
import type { IntentLogit } from '../../src/nlu/intentModel';

const logits: IntentLogit[] = [
  { intent: 'greeting', logit: -2 },
  { intent: 'thanks', logit: -4 },
  { intent: 'help', logit: -9 },
];

describe('calibrated (softmax with a temperature)', () => {
  test('confidences sum to 1, best first, whatever the scale of the logits', () => {
    for (const shift of [0, -1000, 500]) {
      const scores = calibrated(logits.map((l) => ({ ...l, logit: l.logit + shift })), 1);
      expect(scores.map((s) => s.intent)).toEqual(['greeting', 'thanks', 'help']);
      expect(scores.reduce((a, s) => a + s.confidence, 0)).toBeCloseTo(1, 10);
    }
  });

  test('a higher temperature makes the model less sure, a lower one more', () => {
    const top = (t: number) => calibrated(logits, t)[0].confidence;
    expect(top(1)).toBeCloseTo(1 / (1 + Math.exp(-2) + Math.exp(-7)), 10);
    expect(top(4)).toBeLessThan(top(1));
    expect(top(0.25)).toBeGreaterThan(top(1));
  });
});

describe('fitTemperature', () => {
  test('an over-confident model (often wrong at a wide margin) gets a temperature above 1', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ logits, gold: i < 6 ? 'greeting' as const : 'thanks' as const }));
    expect(fitTemperature(samples)).toBeGreaterThan(1);
  });

  test('an under-confident model (always right at a narrow margin) gets a temperature below 1', () => {
    const narrow: IntentLogit[] = [{ intent: 'greeting', logit: -1 }, { intent: 'thanks', logit: -1.3 }];
    expect(fitTemperature(Array.from({ length: 10 }, () => ({ logits: narrow, gold: 'greeting' as const })))).toBeLessThan(1);
  });

  test('no samples leaves the scores as they are', () => {
    expect(fitTemperature([])).toBe(1);
  });
});

describe('stratifiedFolds', () => {
  const items = [...'aaaaaabbbc'].map((label, i) => ({ label, i }));
  const folds = stratifiedFolds(items, (x) => x.label, 3);

  test('every item lands in exactly one fold and each label is spread evenly', () => {
    expect(folds.flat().map((x) => x.i).sort((a, b) => a - b)).toEqual(items.map((x) => x.i));
    expect(folds.map((f) => f.filter((x) => x.label === 'a').length)).toEqual([2, 2, 2]);
    expect(folds.map((f) => f.filter((x) => x.label === 'b').length)).toEqual([1, 1, 1]);
  });

  test('each split trains on the other folds only', () => {
    for (const { train, test } of trainTestSplits(folds)) {
      expect(train.length + test.length).toBe(items.length);
      expect(train.filter((x) => test.includes(x))).toEqual([]);
    }
  });
});
