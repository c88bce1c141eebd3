import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';

/**
 * Corrects typos against a known vocabulary ("smartwtach" → "smartwatch", "eror" → "error").
 * Only words of four letters or more are corrected, and only to a close, unique-enough match.
 */
export class SpellingCorrector {
  private readonly vocabulary: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set(vocabulary);
    for (const w of this.vocabulary) {
      if (!/^\p{L}+$/u.test(w)) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The known words. */
  get words(): ReadonlySet<string> {
    return this.vocabulary;
  }

  correct(word: string): string {
    if (word.length < 4 || this.vocabulary.has(word) || !/^\p{L}+$/u.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const best = this.closest(word);
    if (this.cache.size < 50_000) this.cache.set(word, best);
    return best;
  }

  private closest(word: string): string {
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestDistance = maxDistance + 1;
    for (let len = word.length - maxDistance; len <= word.length + maxDistance; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos rarely change the first letter; checking it keeps the scan cheap and safe.
        if (candidate[0] !== word[0]) continue;
        const d = DamerauLevenshteinDistance(word, candidate, { restricted: true });
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}
