/** A phrase's words (already reduced: stems, features) and what it is an example of. */
export interface LabelledPhrase<L> {
  tokens: string[];
  label: L;
}

interface Phrase<L> {
  label: L;
  norm: number;
}

/**
 * The example phrase most like a message, per label: cosine similarity over word stems weighted by
 * how rare they are (IDF), through an inverted index. Naive Bayes and BM25 weigh every word on its
 * own; this sees the message as a whole ("scratch that" is near "scrap that"), which short replies
 * need, and a question near one an article is asked as finds that article.
 */
export class NearestPhrases<L> {
  private readonly phrases: Phrase<L>[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();

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
    for (const d of unique) this.phrases.push({ label: d.label, norm: Math.hypot(...d.tokens.map((t) => this.idf.get(t)!)) });
  }

  /** For each label with a phrase sharing a word with the message, the best cosine similarity (0..1). */
  similarity(tokens: readonly string[]): Map<L, number> {
    const query = [...new Set(tokens)].filter((t) => this.idf.has(t));
    const queryNorm = Math.hypot(...query.map((t) => this.idf.get(t)!));
    const dots = new Map<number, number>();
    for (const t of query) {
      const w = this.idf.get(t)! ** 2;
      for (const i of this.postings.get(t)!) dots.set(i, (dots.get(i) ?? 0) + w);
    }
    const best = new Map<L, number>();
    for (const [i, dot] of dots) {
      const p = this.phrases[i];
      const cosine = dot / (queryNorm * p.norm);
      if (cosine > (best.get(p.label) ?? 0)) best.set(p.label, cosine);
    }
    return best;
  }
}
