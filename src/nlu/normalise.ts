// Text clean-up shared by the classifier, entity extraction and answer matching.

// Shorthand people type on phones; mapped before tokenising so "wont sync w my phone" reads as words.
const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks', w: 'with',
  wont: "won't", cant: "can't", dont: "don't", doesnt: "doesn't", isnt: "isn't", didnt: "didn't",
  im: "i'm", ive: "i've", r: 'are', b4: 'before', msg: 'message', tho: 'though', bc: 'because',
  cuz: 'because', "what's": 'what is', whats: 'what is', hrs: 'hours', mins: 'minutes', smth: 'something', sth: 'something', ppl: 'people',
};

// Emoji that stand for a word: a 👍 is how many people say yes, in Teams above all.
const EMOJI_WORDS: Record<string, string> = { '👍': 'yes', '👌': 'ok', '✅': 'done', '👎': 'no', '❌': 'no', '👋': 'hi' };
const EMOJI = new RegExp(Object.keys(EMOJI_WORDS).join('|'), 'gu');

const MAX_CHARS = 2000;

/** Lower-case, unify quotes and spacing, drop control characters; keeps digits and emoji. */
export function normalise(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    // "helloooo", "pleeease": three or more of a letter is emphasis, not spelling.
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
}

/** Words of a normalised text with shorthand and word-like emoji expanded; punctuation and other emoji removed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalise(text).replace(EMOJI, (e) => ` ${EMOJI_WORDS[e]} `).split(/[^\p{L}\p{N}']+/u)) {
    const w = raw.replace(/^'+|'+$/g, '');
    if (!w) continue;
    // Own keys only: "constructor" or "__proto__" typed by someone is a word, not Object's own.
    const expanded = Object.hasOwn(SHORTHAND, w) ? SHORTHAND[w] : w;
    out.push(...expanded.split(' '));
  }
  return out;
}
