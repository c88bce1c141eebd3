import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words } from './normalise';
import type { SpellingCorrector } from './spelling';
import { STOP_WORDS } from './stopWords';

/** Turns a message into the stemmed, typo-corrected tokens the classifier sees. */
export function features(text: string, speller?: SpellingCorrector): string[] {
  const tokens: string[] = [];
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    const corrected = speller ? speller.correct(w) : w;
    tokens.push(/^\d+$/.test(corrected) ? numberToken(corrected) : PorterStemmer.stem(corrected));
  }
  return tokens;
}

// Error codes matter ("1002"), other numbers (years, menu choices) only as a shape.
function numberToken(digits: string): string {
  return digits.length >= 3 && digits.length <= 5 && !/^(19|20)\d\d$/.test(digits) ? '#code' : '#num';
}

