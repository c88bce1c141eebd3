import { classificationReport, scopeScores } from '../../src/eval/metrics';
import { reliability } from '../../src/eval/calibrationTable';
import type { Understanding } from '../../src/nlu/understand';
import type { IntentName } from '../../src/knowledge/schema';

describe('classificationReport', () => {
  // 4 greetings (3 found), 2 thanks (both found), 1 greeting predicted as thanks.
  const outcomes = [
    { gold: 'greeting', predicted: 'greeting' },
    { gold: 'greeting', predicted: 'greeting' },
    { gold: 'greeting', predicted: 'greeting' },
    { gold: 'greeting', predicted: 'thanks' },
    { gold: 'thanks', predicted: 'thanks' },
    { gold: 'thanks', predicted: 'thanks' },
  ];
  const report = classificationReport(outcomes, ['greeting', 'thanks', 'help']);

  test('precision, recall and F1 per label, worked out by hand', () => {
    const [greeting, thanks] = report.labels;
    expect(greeting).toMatchObject({ label: 'greeting', precision: 1, recall: 0.75, support: 4 });
    expect(greeting.f1).toBeCloseTo(6 / 7, 10);
    expect(thanks).toMatchObject({ label: 'thanks', recall: 1, support: 2 });
    expect(thanks.precision).toBeCloseTo(2 / 3, 10);
    expect(thanks.f1).toBeCloseTo(0.8, 10);
  });

  test('macro-F1 averages the labels that occur; accuracy counts messages', () => {
    expect(report.order).toEqual(['greeting', 'thanks']);
    expect(report.macroF1).toBeCloseTo((6 / 7 + 0.8) / 2, 10);
    expect(report.accuracy).toBeCloseTo(5 / 6, 10);
  });

  test('the confusion matrix has expected labels as rows and predictions as columns', () => {
    expect(report.confusion).toEqual([[3, 1], [0, 2]]);
  });

  test('a label only ever predicted still counts, with zero recall support', () => {
    const r = classificationReport([{ gold: 'help', predicted: 'thanks' }], ['help', 'thanks']);
    expect(r.labels.map((l) => [l.label, l.f1, l.support])).toEqual([['help', 0, 1], ['thanks', 0, 0]]);
    expect(r.macroF1).toBe(0);
  });
});

describe('scopeScores', () => {
  test('in-scope accuracy and out-of-scope recall are computed on their own halves', () => {
    const s = scopeScores([
      { gold: 'out_of_scope', predicted: 'out_of_scope' },
      { gold: 'out_of_scope', predicted: 'troubleshoot' },
      { gold: 'troubleshoot', predicted: 'troubleshoot' },
      { gold: 'warranty', predicted: 'out_of_scope' },
      { gold: 'warranty', predicted: 'warranty' },
    ]);
    expect(s.outOfScopeRecall).toBe(0.5);
    expect(s.inScopeAccuracy).toBeCloseTo(2 / 3, 10);
  });
});

describe('reliability', () => {
  const result = (intent: IntentName, gold: IntentName, confidence: number) => ({
    example: { text: '', intent: gold },
    got: { text: '', intent, confidence, ranking: [], entities: {}, clarify: false } as Understanding,
  });

  test('bins confidences and reports the gap to accuracy as the calibration error', () => {
    const { bins, ece } = reliability([
      result('greeting', 'greeting', 0.9),
      result('greeting', 'thanks', 0.9),
      result('thanks', 'thanks', 0.1),
      result('help', 'help', 0.1),
    ]);
    expect(bins.map((b) => [b.from, b.count, b.accuracy])).toEqual([[0, 2, 1], [0.8, 2, 0.5]]);
    // Half the messages 0.9 sure and half right (gap 0.4); half 0.1 sure and all right (gap 0.9).
    expect(ece).toBeCloseTo(0.5 * 0.4 + 0.5 * 0.9, 10);
  });
});
