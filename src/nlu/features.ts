import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { words } from './normalise';
import type { SpellingCorrector } from './spelling';

// Words too common to tell intents apart. Negations and yes/no words are kept on purpose.
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'be', 'been', 'to', 'of', 'in', 'on', 'at', 'for', 'and', 'or',
  'it', 'its', "it's", 'this', 'that', 'my', 'me', 'i', "i'm", 'just', 'so', 'very', 'really', 'um', 'uh',
]);

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
