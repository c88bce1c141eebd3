import Fuse from 'fuse.js';
import type { Article } from '../knowledge/schema';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words } from '../nlu/normalise';
import type { SpellingCorrector } from '../nlu/spelling';
import { STOP_WORDS } from '../nlu/stopWords';

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
// error itself (every article is about error 1002).
const IGNORED = new Set([
  ...STOP_WORDS, 'how', 'what', 'can', 'with', 'you', 'your', 'does', 'did', 'get', 'keeps', 'keep', 'showing',
  'shows', 'error', 'code', '1002', 'please', 'help', 'im', 'from', 'when', 'why', 'where', 'do',
]);

// "Why does…" asks for a cause article; "how do I…" for the fix.
const CAUSE_WORDS = new Set(['why', 'cause', 'causes', 'causing', 'reason', 'because', 'y']);
const CAUSE_BOOST = 1.3;
// Otherwise a cause article is rarely what a "how do I…" or a bare symptom is after.
const CAUSE_DAMPING = 0.85;
// Distinct words whose fuse matches are kept; real traffic repeats a small vocabulary.
const TERM_CACHE_SIZE = 20_000;

interface TermHit {
  article: Article;
  /** 0..1, higher is better. */
  match: number;
}

/** Each known word's fuse matches as [article index, match], worked out once by the build. */
export type TermIndex = Record<string, [number, number][]>;

/**
 * Typo-tolerant search over the articles (fuse.js, weighted fields). Each query word is searched on
 * its own, because fuse matches a whole query against one field at a time; the word scores are then
 * summed, each weighted by how rare the word is among the articles (a word every article matches
 * says little about which one is meant).
 */
export class ArticleSearch {
  private readonly fuse: Fuse<Article>;
  private readonly termCache = new Map<string, TermHit[]>();
  private readonly known: Map<string, TermHit[]>;

  /**
   * `speller` maps a typo to a known word first, and `index` holds the known words' matches, so most
   * words cost a lookup instead of a fuzzy scan of every article (about 2 ms each).
   */
  constructor(private readonly articles: Article[], private readonly speller?: SpellingCorrector, index: TermIndex = {}) {
    this.known = new Map(Object.entries(index).map(([term, hits]) => [term, hits.map(([i, match]) => ({ article: articles[i], match }))]));
    this.fuse = new Fuse(articles, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
      minMatchCharLength: 3,
      keys: [
        { name: 'title', weight: 3 },
        { name: 'keywords', weight: 3 },
        { name: 'symptoms', weight: 2 },
        { name: 'summary', weight: 1 },
        { name: 'askedAs', weight: 1 },
        { name: 'steps', weight: 1 },
      ],
    });
  }

  search(query: string, options: SearchOptions = {}): ArticleHit[] {
    const all = words(query).map((w) => this.speller?.correct(w) ?? w);
    const terms = [...new Set(all.filter((w) => w.length >= 3 && !IGNORED.has(w)))].slice(0, 12);
    if (terms.length === 0) return [];
    const asksWhy = all.some((w) => CAUSE_WORDS.has(w));
    const totals = new Map<Article, number>();
    let weights = 0;
    for (const term of terms) {
      const hits = this.termHits(term);
      const weight = Math.log(1 + this.articles.length / Math.max(1, hits.length));
      weights += weight;
      for (const h of hits) totals.set(h.article, (totals.get(h.article) ?? 0) + weight * h.match);
    }
    return [...totals.entries()]
      .filter(([a]) => this.accepts(a, options))
      .map(([article, total]) => ({ article, score: round(Math.min(1, (total / weights) * kindWeight(article, asksWhy))) }))
      .filter((h) => h.score > 0)
      .sort((x, y) => y.score - x.score || x.article.id.localeCompare(y.article.id))
      .slice(0, options.limit ?? 3);
  }

  /** The matches of every word the speller knows, for the build to keep. */
  buildTermIndex(): TermIndex {
    const index: TermIndex = {};
    for (const term of this.speller?.words ?? []) {
      if (term.length < 3 || IGNORED.has(term)) continue;
      index[term] = this.termHits(term).map((h) => [this.articles.indexOf(h.article), h.match]);
    }
    return index;
  }

  private termHits(term: string): TermHit[] {
    const cached = this.known.get(term) ?? this.termCache.get(term);
    if (cached) return cached;
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

  private accepts(a: Article, o: SearchOptions): boolean {
    return (!o.product || a.product === o.product)
      && (!o.kinds || o.kinds.includes(a.kind))
      && (!o.topics || o.topics.includes(a.topic));
  }
}

function kindWeight(article: Article, asksWhy: boolean): number {
  if (article.kind !== 'cause') return 1;
  return asksWhy ? CAUSE_BOOST : CAUSE_DAMPING;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
