/** A phrase's words (already reduced: stems, features) and what it is an example of. */
export interface LabelledPhrase<L> {
  tokens: string[];
  label: L;
}

/**
 * The example phrase most like a message, per label: cosine similarity over word stems weighted by
 * how rare they are (IDF), through an inverted index. Naive Bayes and BM25 weigh every word on its
 * own; this sees the message as a whole ("scratch that" is near "scrap that"), which short replies
 * need, and a question near one an article is asked as finds that article.
 */
export class NearestPhrases<L> {
  private readonly labels: L[];
  private readonly norms: Float64Array;
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  // Scratch space for one call's dot products, kept between calls: common words ("watch") reach
  // thousands of phrases, and a typed array indexed by phrase is many times cheaper than a Map.
  private readonly dots: Float64Array;

  constructor(docs: readonly LabelledPhrase<L>[]) {
    const unique = docs.map((d) => ({ label: d.label, tokens: [...new Set(d.tokens)] })).filter((d) => d.tokens.length > 0);
    for (const [i, d] of unique.entries()) {
      for (const t of d.tokens) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    }
    for (const [t, list] of this.postings) this.idf.set(t, Math.log(1 + unique.length / list.length));
    this.labels = unique.map((d) => d.label);
    this.norms = Float64Array.from(unique, (d) => Math.hypot(...d.tokens.map((t) => this.idf.get(t)!)));
    this.dots = new Float64Array(unique.length);
  }

  /** For each label with a phrase sharing a word with the message, the best cosine similarity (0..1). */
  similarity(tokens: readonly string[]): Map<L, number> {
    const query = [...new Set(tokens)].filter((t) => this.idf.has(t));
    const queryNorm = Math.hypot(...query.map((t) => this.idf.get(t)!));
    const { dots } = this;
    const touched: number[] = [];
    for (const t of query) {
      const w = this.idf.get(t)! ** 2;
      for (const i of this.postings.get(t)!) {
        if (dots[i] === 0) touched.push(i);
        dots[i] += w;
      }
    }
    const best = new Map<L, number>();
    for (const i of touched) {
      const cosine = dots[i] / (queryNorm * this.norms[i]);
      dots[i] = 0;
      const label = this.labels[i];
      if (cosine > (best.get(label) ?? 0)) best.set(label, cosine);
    }
    return best;
  }
}
