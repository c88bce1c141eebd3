/** One searchable field of a document and how much a word found there counts. */
export interface WeightedField {
  name: string;
  weight: number;
}

// BM25's usual settings: how fast repeats of a word stop adding, and how much a long field is discounted.
const K1 = 1.2;
const B = 0.75;

/**
 * BM25F relevance: each query word's weighted, length-normalised count across a document's fields,
 * saturated and weighted by how rare the word is, summed. Scores are divided by the most the query's
 * words could score, so 1 means every word is found and 0 none; a word no document has counts against
 * all alike, as it does in a person's judgement of a match.
 */
export class FieldRelevance {
  /** Per document, per field: word → count. */
  private readonly counts: Map<string, number>[][];
  /** Per document, per field: 1 - B + B × length / average length. */
  private readonly lengthNorms: number[][];
  private readonly documentFrequency = new Map<string, number>();

  /** `fields[f]` of each document holds its words, already reduced the way query words will be. */
  constructor(documents: string[][][], private readonly fields: readonly WeightedField[]) {
    this.counts = documents.map((doc) => doc.map(countWords));
    const averages = fields.map((_, f) => documents.reduce((sum, doc) => sum + doc[f].length, 0) / Math.max(1, documents.length) || 1);
    this.lengthNorms = documents.map((doc) => doc.map((words, f) => 1 - B + (B * words.length) / averages[f]));
    for (const doc of this.counts) {
      for (const word of new Set(doc.flatMap((field) => [...field.keys()]))) {
        this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
      }
    }
  }

  /** Relevance of each document (by index) to the words, 0..1. */
  score(words: readonly string[]): number[] {
    const scores = new Array<number>(this.counts.length).fill(0);
    let most = 0;
    for (const word of new Set(words)) {
      const frequency = this.documentFrequency.get(word);
      most += this.rarity(frequency ?? 1);
      if (frequency === undefined) continue;
      const rarity = this.rarity(frequency);
      this.counts.forEach((doc, d) => {
        let count = 0;
        doc.forEach((field, f) => (count += (this.fields[f].weight * (field.get(word) ?? 0)) / this.lengthNorms[d][f]));
        if (count > 0) scores[d] += (rarity * count) / (K1 + count);
      });
    }
    return most > 0 ? scores.map((s) => s / most) : scores;
  }

  private rarity(frequency: number): number {
    const n = this.counts.length;
    return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
  }
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
