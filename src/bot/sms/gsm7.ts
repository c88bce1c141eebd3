/**
 * GSM 03.38 (3GPP TS 23.038) for SMS: which characters travel as 7-bit septets, how many septets a
 * text takes, how many segments it is sent in, and how to rewrite text so it stays in GSM-7.
 * Pure: no botbuilder, no I/O.
 *
 * Why it matters: a single character outside GSM-7 (a curly quote, an emoji) switches the whole
 * message to UCS-2, where a segment holds 70 characters (67 when split) instead of 160 (153).
 */

/** The basic character set: one septet each. (The escape code 0x1B itself is not listed.) */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ' +
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each is sent as ESC + character, so it takes two septets. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

/** Septets in one segment of a single message, and in each part of a concatenated one (7 go to the UDH). */
export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
/** UTF-16 code units in one UCS-2 segment, alone and in a concatenated message. */
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsMeasure {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function isGsm7Char(ch: string): boolean {
  return BASIC.has(ch) || EXTENSION.has(ch);
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!isGsm7Char(ch)) return false;
  return true;
}

/** Septets the text takes in GSM-7 (extension characters count 2), or undefined when it needs UCS-2. */
export function gsm7Septets(text: string): number | undefined {
  let n = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) n += 1;
    else if (EXTENSION.has(ch)) n += 2;
    else return undefined;
  }
  return n;
}

/**
 * How the text is sent: its encoding, length in that encoding's units and number of segments.
 * Split messages never cut an escape sequence (GSM-7) or a surrogate pair (UCS-2) between two
 * segments, as real encoders do, so 306 septets with a badly placed "€" can still need 3 segments.
 */
export function measureSms(text: string): SmsMeasure {
  const septets = gsm7Septets(text);
  if (septets !== undefined) {
    return { encoding: 'GSM-7', units: septets, segments: segmentCount([...text].map((ch) => (EXTENSION.has(ch) ? 2 : 1)), GSM7_SINGLE, GSM7_PART) };
  }
  const costs = [...text].map((ch) => ch.length);
  return { encoding: 'UCS-2', units: text.length, segments: segmentCount(costs, UCS2_SINGLE, UCS2_PART) };
}

/** Whether the text goes out as GSM-7 in at most `maxSegments` segments (2 = 306 septets at most). */
export function fitsSms(text: string, maxSegments = 2): boolean {
  const m = measureSms(text);
  return m.encoding === 'GSM-7' && m.segments <= maxSegments;
}

function segmentCount(costs: number[], single: number, part: number): number {
  const total = costs.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  if (total <= single) return 1;
  let segments = 1;
  let fill = 0;
  for (const c of costs) {
    if (fill + c > part) {
      segments += 1;
      fill = 0;
    }
    fill += c;
  }
  return segments;
}

// Look-alikes outside GSM-7 and what they become. Checked before emoji are dropped, because
// ©, ® and ™ count as pictographs in Unicode.
const REPLACEMENTS: Record<string, string> = {
  // quotes and apostrophes
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '`': "'", '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  // dashes and hyphens
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
  // spaces (NFKC already turns most into a plain space) and invisible characters
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u3000': ' ', '\t': ' ', '\v': ' ',
  '\u200B': '', '\u200C': '', '\u2060': '', '\uFEFF': '', '\u00AD': '',
  // bullets
  '\u2022': '-', '\u2023': '-', '\u2043': '-', '\u2219': '-', '\u25E6': '-', '\u25AA': '-', '\u25CF': '-', '\u25CB': '-', '\u00B7': '-',
  // arrows and maths as people write them in plain text
  '\u2192': '->', '\u2190': '<-', '\u21D2': '=>', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u00D7': 'x', '\u00F7': '/', '\u2044': '/',
  '\u00A9': '(c)', '\u00AE': '(R)', '\u2122': 'TM',
  // letters that do not decompose to a base letter
  '\u0153': 'oe', '\u0152': 'OE', '\u0142': 'l', '\u0141': 'L', '\u0111': 'd', '\u0110': 'D', '\u00F0': 'd', '\u00D0': 'D',
  '\u00FE': 'th', '\u00DE': 'Th', '\u0131': 'i', '\u017F': 's',
};

// Emoji and their glue: pictographs, skin tones, flags (regional indicators), keycaps, variation
// selectors, zero-width joiners and tag characters.
const EMOJI = /(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u20E3\uFE0E\uFE0F\u200D])+/u;

/** What stands in for a character with no GSM-7 equivalent (as SMS gateways do). */
export const UNKNOWN_CHAR = '?';

/**
 * Rewrites text so it is pure GSM-7: look-alikes become their GSM form (curly quotes → straight,
 * dashes → "-", "…" → "...", no-break spaces → space, bullets → "-"), letters with accents outside
 * GSM-7 lose them ("á" → "a"; "é", "ü", "ñ" are GSM-7 and stay), emoji are dropped, and anything
 * else becomes "?". Idempotent; GSM-7 text comes back unchanged except for CR LF → LF.
 */
export function toGsm7(text: string): string {
  if (isGsm7(text) && !text.includes('\r\n')) return text;
  const nfkc = text.normalize('NFKC').replace(/\r\n?/g, '\n');
  let out = '';
  for (const ch of nfkc) out += REPLACEMENTS[ch] ?? ch;
  out = dropEmoji(out);
  let result = '';
  for (const ch of out) result += isGsm7Char(ch) ? ch : baseLetter(ch);
  return result;
}

// "⚠️ Warning" → "Warning", "Hi 👋 there" → "Hi there", "Done 👍." → "Done."
function dropEmoji(text: string): string {
  return text.replace(new RegExp(`[ ]*(?:${EMOJI.source}[ ]*)+`, 'gu'), (match, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + match.length];
    if (before === undefined || before === '\n' || after === undefined || after === '\n') return '';
    return /[.,!?;:)\]'"]/.test(after) ? '' : ' ';
  });
}

function baseLetter(ch: string): string {
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base && base !== ch && isGsm7(base)) return base;
  return UNKNOWN_CHAR;
}
