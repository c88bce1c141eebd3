import Fuse from 'fuse.js';
import type { Article } from '../knowledge/schema';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { NearestPhrases } from '../nlu/nearestPhrases';
import { words } from '../nlu/normalise';
import type { SpellingCorrector } from '../nlu/spelling';
import { STOP_WORDS } from '../nlu/stopWords';
import { FieldRelevance, type WeightedField } from './fieldRelevance';

export interface ArticleHit {
  article: Article;
  /** 0..1, higher is better. */
  score: number;
}

export interface SearchOptions {
  product?: string;
  limit?: number;
  kinds?: Article['kind'][];
  topics?: Article['topic'][];
}

// Words that say nothing about which article fits: the stop words, plus question words and the
// words for an error. (So does an error code every article is about; see sharedCodes.)
const IGNORED = new Set([
  ...STOP_WORDS, 'how', 'what', 'can', 'with', 'you', 'your', 'does', 'did', 'get', 'keeps', 'keep', 'showing',
  'shows', 'error', 'code', 'please', 'help', 'im', 'from', 'when', 'why', 'where', 'do',
]);

// "Why does…" asks for a cause article; "how do I…" for the fix.
const CAUSE_WORDS = new Set(['why', 'cause', 'causes', 'causing', 'reason', 'because', 'y']);
const CAUSE_BOOST = 1.3;
// Otherwise a cause article is rarely what a "how do I…" or a bare symptom is after.
const CAUSE_DAMPING = 0.85;
// Distinct words whose fuse matches are kept; real traffic repeats a small vocabulary.
const TERM_CACHE_SIZE = 20_000;
// The fields searched, and how much a word found in each counts (fuse.js and BM25F alike).
const FIELDS = [
  { name: 'title', weight: 3 },
  { name: 'keywords', weight: 3 },
  { name: 'symptoms', weight: 2 },
  { name: 'summary', weight: 1 },
  { name: 'askedAs', weight: 1 },
  { name: 'steps', weight: 1 },
] as const satisfies readonly (WeightedField & { name: keyof Article })[];
// The two scores count equally. Chosen on the development questions: BM25F alone ranked as well,
// fuse.js alone worse (top-1 0.867 vs 0.888 on the first 188); the blend keeps fuse's near-word matches.
const FUSE_SHARE = 0.5;
// And the question most like the query among each article's title, symptoms and askedAs counts for
// this much: a question close to one the article is asked as, as a whole, finds it where single words
// are shared with many articles. 0.2 was best on the development questions (top-3 0.979 → 0.985,
// top-1 0.899 → 0.912; 0.1 to 0.5 all within two questions of it).
const QUESTION_SHARE = 0.2;

interface TermHit {
  article: Article;
  /** 0..1, higher is better. */
  match: number;
}

/** Each known word's fuse matches as [article index, match], worked out once by the build. */
export type TermIndex = Record<string, [number, number][]>;

/** What the build works out once so a start need not: the known words' matches, each article's words. */
export interface SearchIndex {
  terms: TermIndex;
  /** Per article, per searched field: its words as BM25F reads them (stemmed, ignored words out). */
  fields: string[][][];
  /** Per article, per example question (title, symptoms, askedAs): its words, reduced the same way. */
  questions: string[][][];
}

/**
 * Typo-tolerant search over the articles, three scores blended:
 * - fuse.js over the weighted fields, each query word searched on its own (fuse matches a whole query
 *   against one field at a time), the word scores summed, each weighted by how rare the word is among
 *   the articles (a word every article matches says little about which one is meant);
 * - BM25F over the same fields' stemmed words (see FieldRelevance), which counts how often and in how
 *   short a field a word appears, where fuse only sees the best match;
 * - the nearest of the article's example questions (see NearestPhrases).
 */
export class ArticleSearch {
  private readonly fuse: Fuse<Article>;
  private readonly relevance: FieldRelevance;
  private readonly termCache = new Map<string, TermHit[]>();
  private readonly known: Map<string, TermHit[]>;
  private readonly stems = new Map<string, string>();
  private readonly questions: NearestPhrases<number>;
  private readonly ignored: ReadonlySet<string>;

  /**
   * `speller` maps a typo to a known word first, and `index` holds the known words' matches, so most
   * words cost a lookup instead of a fuzzy scan of every article (about 2 ms each), and the articles'
   * words, which take 40 ms to work out (their example questions another 40).
   */
  constructor(private readonly articles: Article[], private readonly speller?: SpellingCorrector, index: Partial<SearchIndex> = {}) {
    this.ignored = new Set([...IGNORED, ...sharedCodes(articles)]);
    this.known = new Map(Object.entries(index.terms ?? {}).map(([term, hits]) => [term, hits.map(([i, match]) => ({ article: articles[i], match }))]));
    this.fuse = new Fuse(articles, { includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 3, keys: [...FIELDS] });
    this.relevance = new FieldRelevance(index.fields ?? this.fieldWords(), FIELDS);
    const questions = index.questions ?? this.questionWords();
    this.questions = new NearestPhrases(questions.flatMap((asked, i) => asked.map((tokens) => ({ label: i, tokens }))));
  }

  search(query: string, options: SearchOptions = {}): ArticleHit[] {
    const all = words(query).map((w) => this.speller?.correct(w) ?? w);
    const terms = [...new Set(this.searchable(all))].slice(0, 12);
    if (terms.length === 0) return [];
    const asksWhy = all.some((w) => CAUSE_WORDS.has(w));
    const fuzzy = this.fuzzyScores(terms);
    const stems = this.stemmed(terms);
    const relevance = this.relevance.score(stems);
    const near = this.questions.similarity(stems);
    const wordScore = (article: Article, i: number) => FUSE_SHARE * (fuzzy.get(article) ?? 0) + (1 - FUSE_SHARE) * relevance[i];
    return this.articles
      .map((article, i) => ({ article, score: (1 - QUESTION_SHARE) * wordScore(article, i) + QUESTION_SHARE * (near.get(i) ?? 0) }))
      .filter((h) => h.score > 0 && this.accepts(h.article, options))
      .map(({ article, score }) => ({ article, score: round(Math.min(1, score * kindWeight(article, asksWhy))) }))
      .sort((x, y) => y.score - x.score || x.article.id.localeCompare(y.article.id))
      .slice(0, options.limit ?? 3);
  }

  /** fuse.js's view: each article's word matches, weighted by rarity, as a share of the most possible. */
  private fuzzyScores(terms: readonly string[]): Map<Article, number> {
    const totals = new Map<Article, number>();
    let weights = 0;
    for (const term of terms) {
      const hits = this.termHits(term);
      const weight = Math.log(1 + this.articles.length / Math.max(1, hits.length));
      weights += weight;
      for (const h of hits) totals.set(h.article, (totals.get(h.article) ?? 0) + weight * h.match);
    }
    for (const [article, total] of totals) totals.set(article, total / weights);
    return totals;
  }

  private stemmed(terms: readonly string[]): string[] {
    return terms.map((term) => {
      let stem = this.stems.get(term);
      if (stem !== undefined) return stem;
      if (this.stems.size >= TERM_CACHE_SIZE) this.stems.clear();
      this.stems.set(term, (stem = PorterStemmer.stem(term)));
      return stem;
    });
  }

  /** The matches of every word the speller knows, and the articles' words, for the build to keep. */
  buildIndex(): SearchIndex {
    const terms: TermIndex = {};
    for (const term of this.searchable([...(this.speller?.words ?? [])])) {
      terms[term] = this.termHits(term).map((h) => [this.articles.indexOf(h.article), h.match]);
    }
    return { terms, fields: this.fieldWords(), questions: this.questionWords() };
  }

  private fieldWords(): string[][][] {
    return this.articles.map((a) => FIELDS.map(({ name }) => [a[name]].flat().flatMap((text) => this.reduced(text))));
  }

  private questionWords(): string[][][] {
    return this.articles.map((a) => [a.title, ...a.symptoms, ...a.askedAs].map((text) => this.reduced(text)));
  }

  /** A text's words as the scores read them: stemmed, ignored words out. */
  private reduced(text: string): string[] {
    return this.stemmed(this.searchable(words(text)));
  }

  private termHits(term: string): TermHit[] {
    const cached = this.known.get(term) ?? this.termCache.get(term);
    if (cached) return cached;
    // A word in no article, phrase or alias, that the speller could not turn into one: fuse's near
    // matches for it are bits of other words (noise; none lost on the development questions), and
    // each costs a 2–30 ms scan of every article, a stall for every conversation on the server.
    if (this.speller && !this.speller.words.has(term)) return [];
    // The word and its stem: "freezing" should also find "freezes" and "frozen screen".
    const best = new Map<Article, number>();
    for (const form of new Set([term, PorterStemmer.stem(term)])) {
      if (form.length < 3) continue;
      for (const r of this.fuse.search(form, { limit: 20 })) best.set(r.item, Math.max(best.get(r.item) ?? 0, 1 - (r.score ?? 1)));
    }
    const hits = [...best].map(([article, match]) => ({ article, match }));
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.clear();
    this.termCache.set(term, hits);
    return hits;
  }

  byId(id: string): Article | undefined {
    return this.articles.find((a) => a.id === id);
  }

  /** The words that can tell articles apart: three letters or more, and not ignored. */
  private searchable(all: readonly string[]): string[] {
    return all.filter((w) => w.length >= 3 && !this.ignored.has(w));
  }

  private accepts(a: Article, o: SearchOptions): boolean {
    return (!o.product || a.product === o.product)
      && (!o.kinds || o.kinds.includes(a.kind))
      && (!o.topics || o.topics.includes(a.topic));
  }
}

/**
 * Error codes every article is about: they tell no article apart. Once some articles are about
 * another code, each code is a word worth matching.
 */
function sharedCodes(articles: readonly Article[]): string[] {
  const [first, ...rest] = articles;
  return (first?.errorCodes ?? []).filter((code) => rest.every((a) => a.errorCodes.includes(code)));
}

function kindWeight(article: Article, asksWhy: boolean): number {
  if (article.kind !== 'cause') return 1;
  return asksWhy ? CAUSE_BOOST : CAUSE_DAMPING;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
