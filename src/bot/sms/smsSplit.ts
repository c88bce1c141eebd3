import { measureSms } from './gsm7';

/** Two GSM-7 segments: the most one SMS message of ours may take. */
export const SMS_MAX_SEPTETS = 306;

/**
 * Whether a text goes out as one GSM-7 message of at most `maxSeptets` septets, in no more segments
 * than that many septets need (306 → 2 segments; an escape sequence is never cut between two).
 */
export function fitsMessage(text: string, maxSeptets = SMS_MAX_SEPTETS): boolean {
  const m = measureSms(text);
  return m.encoding === 'GSM-7' && m.units <= maxSeptets && m.segments <= segmentsFor(maxSeptets);
}

function segmentsFor(maxSeptets: number): number {
  return maxSeptets <= 160 ? 1 : Math.ceil(maxSeptets / 153);
}

/** One reply's plain GSM-7 text; `keepTogether` (a question and its numbered answers) is split only if it cannot fit one message. */
export interface SmsBlock {
  text: string;
  keepTogether?: boolean;
}

/** Splits one GSM-7 text into ordered messages that fit (see packSms). */
export function splitSms(text: string, maxSeptets = SMS_MAX_SEPTETS): string[] {
  return packSms([{ text }], maxSeptets);
}

/**
 * Packs replies (in order, a blank line between two) into as few messages as possible, each fitting
 * `maxSeptets`. Among the packings with the fewest messages it takes the one that breaks at the
 * biggest boundaries: between replies, else paragraphs, else lines, else sentences. Words are split
 * only inside a sentence longer than a message, and a word only when it alone is (a huge URL).
 * One message is returned as it is; several start with "(1/3) ", "(2/3) ", ….
 */
export function packSms(blocks: SmsBlock[], maxSeptets = SMS_MAX_SEPTETS): string[] {
  const tokens = tokenize(blocks);
  if (tokens.length === 0) return [];
  const whole = join(tokens);
  if (fitsMessage(whole, maxSeptets)) return [whole];
  for (let digits = 1; ; digits++) {
    const widest = `(${'9'.repeat(digits)}/${'9'.repeat(digits)}) `;
    const fits = (t: string) => fitsMessage(widest + t, maxSeptets);
    let best: string[] | undefined;
    for (let level = REPLY; level <= SENTENCE; level++) {
      const parts = pack(units(tokens, level, fits), fits);
      if (!best || parts.length < best.length) best = parts;
    }
    if (best!.length < 10 ** digits) return best!.map((p, i) => `(${i + 1}/${best!.length}) ${p}`);
  }
}

// Boundaries, biggest first: what comes before a token.
const REPLY = 0;
const PARAGRAPH = 1;
const LINE = 2;
const SENTENCE = 3;

interface Token {
  text: string;
  /** The boundary before it, and what joins it to the token before in one message. */
  level: number;
  sep: string;
  /** Inside a keep-together block: not a place to break unless the block cannot fit one message. */
  glued: boolean;
}

function tokenize(blocks: SmsBlock[]): Token[] {
  const out: Token[] = [];
  for (const block of blocks) {
    let level = REPLY;
    let first = true;
    for (const line of block.text.split('\n')) {
      if (!line.trim()) {
        if (!first) level = PARAGRAPH;
        continue;
      }
      line.trim().split(/(?<=[.!?])\s+(?=\S)/).forEach((sentence, i) => {
        const l = i > 0 ? SENTENCE : first ? REPLY : level;
        out.push({ text: sentence, level: l, sep: l === SENTENCE ? ' ' : l === LINE ? '\n' : '\n\n', glued: !first && !!block.keepTogether });
        first = false;
      });
      level = LINE;
    }
  }
  return out;
}

function join(tokens: Token[]): string {
  return tokens.map((t, i) => (i === 0 ? t.text : t.sep + t.text)).join('');
}

interface Unit {
  sep: string;
  text: string;
}

// Groups tokens into units that may not be broken at `level`; a unit too big for a message is
// broken at finer boundaries (glue ignored), then between words, then inside a word.
function units(tokens: Token[], level: number, fits: (t: string) => boolean): Unit[] {
  const groups: Token[][] = [];
  for (const t of tokens) {
    if (groups.length === 0 || (t.level <= level && !t.glued)) groups.push([t]);
    else groups[groups.length - 1].push(t);
  }
  return groups.flatMap((g) => breakUp(g, fits));
}

function breakUp(group: Token[], fits: (t: string) => boolean): Unit[] {
  const text = join(group);
  const sep = group[0].sep;
  if (fits(text)) return [{ sep, text }];
  if (group.length > 1) {
    // Break at the biggest boundary inside the group, glued or not.
    const at = Math.min(...group.slice(1).map((t) => t.level));
    const parts: Token[][] = [];
    for (const t of group) {
      if (parts.length === 0 || t.level <= at) parts.push([{ ...t, glued: false }]);
      else parts[parts.length - 1].push({ ...t, glued: false });
    }
    return parts.flatMap((p) => breakUp(p, fits));
  }
  // One sentence longer than a message: between words, and a word that alone is too long, inside it.
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => (fits(w) ? [w] : cut(w, fits)));
  return words.map((w, i) => ({ sep: i === 0 ? sep : ' ', text: w }));
}

function cut(word: string, fits: (t: string) => boolean): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && !fits(current + ch)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

function pack(items: Unit[], fits: (t: string) => boolean): string[] {
  const parts: string[] = [];
  let current = '';
  for (const item of items) {
    const joined = current ? current + item.sep + item.text : item.text;
    if (!current || fits(joined)) current = joined;
    else {
      parts.push(current);
      current = item.text;
    }
  }
  if (current) parts.push(current);
  return parts;
}
