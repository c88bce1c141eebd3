import { classifyLine } from '../../src/cli/classifyLine';
import { testCore } from '../helpers/testCore';

describe('classifyLine', () => {
  const core = testCore();

  test('returns exactly the documented keys', () => {
    const r = classifyLine(core, 'my galaxy watch shows error 1002 after a factory reset');
    expect(Object.keys(r).sort()).toEqual(['articles', 'confidence', 'entities', 'intent', 'text']);
    expect(Object.keys(r.entities).sort()).toEqual(['brand', 'errorCode', 'product']);
    expect(r.articles.length).toBeGreaterThan(0);
    for (const a of r.articles) expect(Object.keys(a).sort()).toEqual(['id', 'product', 'score', 'title']);
  });

  test('fills the values from the understanding and the search', () => {
    const r = classifyLine(core, 'my galaxy watch shows error 1002 after a factory reset');
    expect(r.text).toBe('my galaxy watch shows error 1002 after a factory reset');
    expect(r.intent).toBe('troubleshoot');
    expect(r.entities).toEqual({ product: 'smartwatch', brand: 'samsung', errorCode: '1002' });
    expect(r.articles.length).toBeLessThanOrEqual(3);
    expect(r.articles.every((a) => a.product === 'smartwatch')).toBe(true);
    expect(r.articles[0].id).toBe('sw-factory-reset');
  });

  test('confidence is rounded to three decimals within [0, 1]', () => {
    for (const text of ['is my fitbit still under warranty', 'qwxz plorf', 'yes']) {
      const { confidence } = classifyLine(core, text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(Math.round(confidence * 1000) / 1000).toBe(confidence);
    }
  });

  test('missing entities are null, not absent, and the result is JSON-stable', () => {
    const r = classifyLine(core, 'hello');
    expect(r.entities).toEqual({ product: null, brand: null, errorCode: null });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test('never more than 3 articles, scores sorted best first', () => {
    const r = classifyLine(core, 'cloud access port forwarding router restart date time static ip');
    expect(r.articles).toHaveLength(3);
    const scores = r.articles.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
