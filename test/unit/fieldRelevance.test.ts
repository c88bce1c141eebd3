import { FieldRelevance } from '../../src/search/fieldRelevance';

const FIELDS = [
  { name: 'title', weight: 3 },
  { name: 'steps', weight: 1 },
];
const doc = (title: string, steps: string) => [title.split(' ').filter(Boolean), steps.split(' ').filter(Boolean)];

describe('FieldRelevance (BM25F)', () => {
  const relevance = new FieldRelevance(
    [
      doc('restart watch', 'hold the button then wait'),
      doc('pair watch', 'open the app and restart bluetooth then pair the watch again with the phone'),
      doc('charge watch', 'clean the contacts and charge'),
      doc('update app', 'open the store and update'),
    ],
    FIELDS,
  );

  test('a word in a heavier field counts more than the same word in a lighter one', () => {
    const [inTitle, inSteps] = relevance.score(['restart']);
    expect(inTitle).toBeGreaterThan(inSteps);
    expect(inSteps).toBeGreaterThan(0);
  });

  test('a word few documents have tells them apart more than one they all have', () => {
    const scores = relevance.score(['charge', 'watch']);
    expect(scores[2]).toBeGreaterThan(scores[0]);
    // "watch" alone: three documents share it, so it is worth less than "charge" alone.
    expect(relevance.score(['watch'])[0]).toBeLessThan(relevance.score(['charge'])[2]);
  });

  test('scores run from 0 (no word found) towards 1 (every word found), and an unknown word lowers all alike', () => {
    const known = relevance.score(['update', 'store']);
    expect(known[3]).toBeGreaterThan(0.5);
    expect(known[3]).toBeLessThanOrEqual(1);
    expect(known[0]).toBe(0);
    const withUnknown = relevance.score(['update', 'store', 'zebra']);
    expect(withUnknown[3]).toBeLessThan(known[3]);
    expect(relevance.score(['zebra'])).toEqual([0, 0, 0, 0]);
    expect(relevance.score([])).toEqual([0, 0, 0, 0]);
  });

  test('a word repeated in the query counts once', () => {
    expect(relevance.score(['update', 'update'])).toEqual(relevance.score(['update']));
  });
});
