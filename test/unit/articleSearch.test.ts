import Fuse from 'fuse.js';
import { ArticleSearch } from '../../src/search/articleSearch';
import { SpellingCorrector } from '../../src/nlu/spelling';
import type { Article } from '../../src/knowledge/schema';
import { realKnowledge } from '../helpers/testCore';

describe('ArticleSearch over the real articles', () => {
  const search = new ArticleSearch(realKnowledge().articles);
  const top = (q: string, o = {}) => search.search(q, o)[0]?.article.id;

  test('"how do i enable cloud access" finds the Cloud Access article first', () => {
    expect(top('how do i enable cloud access')).toBe('nas-enable-cloud-access');
  });

  test('"factory reset watch" finds the factory reset article first', () => {
    expect(top('factory reset watch')).toBe('sw-factory-reset');
  });

  test('tolerates typos', () => {
    expect(top('factroy reset')).toBe('sw-factory-reset');
    expect(top('how do i enabel clould access')).toBe('nas-enable-cloud-access');
  });

  test('the product filter keeps only that product\'s articles', () => {
    const nas = search.search('restart', { product: 'nas', limit: 10 });
    expect(nas.length).toBeGreaterThan(0);
    expect(nas.every((h) => h.article.product === 'nas')).toBe(true);
    const watch = search.search('restart', { product: 'smartwatch', limit: 10 });
    expect(watch.length).toBeGreaterThan(0);
    expect(watch.every((h) => h.article.product === 'smartwatch')).toBe(true);
    expect(watch[0].article.id).toBe('sw-restart');
  });

  test('kind and topic filters apply', () => {
    const hits = search.search('warranty repair', { kinds: ['info'], topics: ['warranty'], limit: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.article.kind === 'info' && h.article.topic === 'warranty')).toBe(true);
  });

  test.each(['', '   ', 'how do i do it', 'the error code 1002', '?!'])('a query of only stop words (%j) finds nothing', (q) => {
    expect(search.search(q)).toEqual([]);
  });

  test('scores are in (0, 1] and sorted best first; the limit applies', () => {
    for (const q of ['bluetooth pairing watch', 'port forwarding router upnp', 'battery charger', 'cloud access']) {
      const hits = search.search(q, { limit: 5 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(5);
      for (const h of hits) {
        expect(h.score).toBeGreaterThan(0);
        expect(h.score).toBeLessThanOrEqual(1);
      }
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(search.search('cloud access')).toHaveLength(3);
  });

  test('byId finds an article or nothing', () => {
    expect(search.byId('sw-restart')?.title).toBeTruthy();
    expect(search.byId('no-such-article')).toBeUndefined();
  });
});

describe('ArticleSearch over hand-made articles', () => {
  const article = (id: string, title: string, keywords: string[]): Article => ({
    id, product: 'kettle', errorCodes: [], kind: 'fix', topic: 'troubleshooting', title, summary: title, keywords, symptoms: [], askedAs: [], steps: ['Do it.'],
  });
  const search = new ArticleSearch([
    article('descale', 'Descale the kettle', ['limescale', 'descale', 'vinegar']),
    article('fuse', 'Replace the plug fuse', ['fuse', 'plug', 'no power']),
  ]);

  test('the article matching every word scores highest', () => {
    const hits = search.search('limescale vinegar');
    expect(hits.map((h) => h.article.id)).toEqual(['descale']);
    expect(hits[0].score).toBeGreaterThan(0.5);
  });

  test('an unrelated query finds nothing', () => {
    expect(search.search('bluetooth pairing')).toEqual([]);
  });
});

describe('error codes in the search', () => {
  const article = (id: string, title: string, errorCodes: string[]): Article => ({
    id, product: 'kettle', errorCodes, kind: 'fix', topic: 'troubleshooting', title, summary: title, keywords: [title.toLowerCase(), ...errorCodes], symptoms: [], askedAs: [], steps: ['Do it.'],
  });

  test('a code every article is about tells none apart, so a message of only that code finds nothing', () => {
    const search = new ArticleSearch([article('descale', 'Descale', ['1002']), article('fuse', 'Fuse', ['1002'])]);
    expect(search.search('error 1002')).toEqual([]);
    expect(search.search('descale 1002').map((h) => h.article.id)).toEqual(['descale']);
  });

  test('once some articles are about another code, each code finds its own articles', () => {
    const search = new ArticleSearch([article('descale', 'Descale', ['1002']), article('fuse', 'Fuse', ['2001'])]);
    expect(search.search('error 2001')[0]?.article.id).toBe('fuse');
    expect(search.search('error 1002')[0]?.article.id).toBe('descale');
  });
});

describe('ArticleSearch with a speller', () => {
  const article = (id: string, title: string, keywords: string[], steps: string[]): Article => ({
    id, product: 'kettle', errorCodes: [], kind: 'fix', topic: 'troubleshooting', title, summary: title, keywords, symptoms: [], askedAs: [], steps,
  });
  const articles = [
    article('descale', 'Descale the kettle', ['limescale', 'vinegar'], ['Boil vinegar and water, then rinse.']),
    article('fuse', 'Replace the plug fuse', ['fuse', 'plug'], ['Unplug it and swap the fuse.']),
  ];
  const speller = new SpellingCorrector(['descale', 'kettle', 'limescale', 'vinegar', 'replace', 'plug', 'fuse']);
  afterEach(() => jest.restoreAllMocks());

  test('a word the speller knows is matched fuzzily, once', () => {
    const fuzzy = jest.spyOn(Fuse.prototype, 'search');
    const search = new ArticleSearch(articles, speller);
    expect(search.search('vinegar')[0]?.article.id).toBe('descale');
    expect(fuzzy).toHaveBeenCalled();
    fuzzy.mockClear();
    search.search('vinegar');
    expect(fuzzy).not.toHaveBeenCalled();
  });

  // A fuzzy scan of every article takes milliseconds, and words outside the domain are common.
  test('a word in no article or phrase, that the speller cannot correct, costs no fuzzy scan and still counts by its stem', () => {
    const fuzzy = jest.spyOn(Fuse.prototype, 'search');
    const search = new ArticleSearch(articles, speller);
    expect(search.search('sourdough recipes')).toEqual([]);
    // "rinsing" is in no phrase, but its stem is in the descale steps.
    expect(search.search('rinsing')[0]?.article.id).toBe('descale');
    expect(fuzzy).not.toHaveBeenCalled();
  });
});

