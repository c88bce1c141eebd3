import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words } from './normalise';
import type { SpellingCorrector } from './spelling';
import { STOP_WORDS } from './stopWords';

/** Turns a message into the stemmed, typo-corrected tokens the classifier sees. */
export function features(text: string, speller?: SpellingCorrector): string[] {
  const tokens: string[] = [];
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    const glued = GLUED_CODE.exec(w);
    if (glued) {
      tokens.push(stem(glued[1]), numberToken(glued[2]));
      continue;
    }
    const corrected = speller ? speller.correct(w) : w;
    tokens.push(/^\d+$/.test(corrected) ? numberToken(corrected) : stem(corrected));
  }
  return tokens;
}

// "err1002", "e1002", "code1002" read as "err 1002": people on phones skip the space.
const GLUED_CODE = /^(e|er|err|error|code)(\d+)$/;

// Stemming is the slow part of building the core at start; the same few thousand words recur.
const stems = new Map<string, string>();
const MAX_STEMS = 50_000;

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, s);
  }
  return s;
}

// Error codes matter ("1002"), other numbers (years, menu choices) only as a shape.
function numberToken(digits: string): string {
  return digits.length >= 3 && digits.length <= 5 && !/^(19|20)\d\d$/.test(digits) ? '#code' : '#num';
}

