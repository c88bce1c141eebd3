import Fuse from 'fuse.js';
import type { Article } from '../knowledge/schema';
import { words } from '../nlu/normalise';
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

/**
 * Typo-tolerant search over the articles (fuse.js, weighted fields). Each query word is searched on
 * its own and the scores are summed, because fuse matches a whole query against one field at a time.
 */
export class ArticleSearch {
  private readonly fuse: Fuse<Article>;

  constructor(private readonly articles: Article[]) {
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
      ],
    });
  }

  search(query: string, options: SearchOptions = {}): ArticleHit[] {
    const terms = [...new Set(words(query).filter((w) => w.length >= 3 && !IGNORED.has(w)))].slice(0, 12);
    if (terms.length === 0) return [];
    const totals = new Map<Article, number>();
    for (const term of terms) {
      for (const r of this.fuse.search(term, { limit: 20 })) {
        totals.set(r.item, (totals.get(r.item) ?? 0) + (1 - (r.score ?? 1)));
      }
    }
    return [...totals.entries()]
      .filter(([a]) => this.accepts(a, options))
      .map(([article, total]) => ({ article, score: round(total / terms.length) }))
      .sort((x, y) => y.score - x.score || x.article.id.localeCompare(y.article.id))
      .slice(0, options.limit ?? 3);
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

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
