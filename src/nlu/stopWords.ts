// Words too common to tell intents or articles apart, and fillers that mean nothing on their own ("hmm" seen
// once in a "hmm no, ..." phrase made a lone "hmm" a confident no). Negations and yes/no words are kept on
// purpose, and "uh" too: without it "uh huh" (yes) reads as "huh" (what?).
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'be', 'been', 'to', 'of', 'in', 'on', 'at', 'for', 'and', 'or',
  'it', 'its', "it's", 'this', 'that', 'my', 'me', 'i', "i'm", 'just', 'so', 'very', 'really', 'um', 'umm', 'erm', 'hm', 'hmm',
]);
