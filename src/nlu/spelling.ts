import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';

interface Candidate {
  word: string;
  letters: Uint8Array;
}

// Letters counted in 32 buckets by char code: a–z each have their own, others share. Shared buckets
// only make two words' counts look closer, so the bound below stays safe.
const BUCKETS = 32;

/**
 * Corrects typos against a known vocabulary ("smartwtach" → "smartwatch", "eror" → "error").
 * Only words of four letters or more are corrected, and only to a close, unique-enough match.
 */
export class SpellingCorrector {
  private readonly vocabulary: Set<string>;
  private readonly byLength = new Map<number, Candidate[]>();
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set(vocabulary);
    for (const w of this.vocabulary) {
      if (!/^\p{L}+$/u.test(w)) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push({ word: w, letters: letterCounts(w) });
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
    const letters = letterCounts(word);
    let best = word;
    let bestDistance = maxDistance + 1;
    for (let len = word.length - maxDistance; len <= word.length + maxDistance; len++) {
      for (const { word: candidate, letters: theirs } of this.byLength.get(len) ?? []) {
        // Typos rarely change the first letter; checking it keeps the scan cheap and safe.
        if (candidate[0] !== word[0] || countsApart(letters, theirs) > 2 * (bestDistance - 1)) continue;
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

function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(BUCKETS);
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & (BUCKETS - 1)]++;
  return counts;
}

/**
 * How far apart two words' letter counts are. An insertion or deletion moves it by one, a
 * substitution by two, a transposition not at all, so it is at most twice the edit distance: a
 * cheap test that rules out most candidates before the distance itself is worked out.
 */
function countsApart(a: Uint8Array, b: Uint8Array): number {
  let apart = 0;
  for (let i = 0; i < BUCKETS; i++) apart += Math.abs(a[i] - b[i]);
  return apart;
}
