import { normalise, words } from './normalise';

/** A reply's words as one lower-case phrase ("OK, will do!" → "ok will do"); emoji-only replies as typed. */
export function phraseOf(s: string): string {
  const ws = words(s);
  return ws.length > 0 ? ws.join(' ') : normalise(s);
}

/**
 * Phrases of one kind from the data ("ok", "will do"; "done"; "how do"), and three ways a message
 * can be one of them: as a whole, holding one, or starting with one.
 */
export class PhraseList {
  private readonly phrases: ReadonlySet<string>;
  private readonly longer: readonly string[];

  constructor(phrases: readonly string[]) {
    this.phrases = new Set(phrases.map(phraseOf));
    this.longer = [...this.phrases].filter((p) => p.includes(' '));
  }

  /** The phrase, already cleaned up, is on the list. */
  has(phrase: string): boolean {
    return this.phrases.has(phrase);
  }

  /** The whole message is on the list ("Will do!"). */
  is(text: string): boolean {
    return this.phrases.has(phraseOf(normalise(text)));
  }

  /** The message is on the list, or holds one of its phrases of two words or more ("sure, will do in a sec"). */
  matches(text: string): boolean {
    const phrase = phraseOf(normalise(text));
    if (this.phrases.has(phrase)) return true;
    const padded = ` ${phrase} `;
    return this.longer.some((p) => padded.includes(` ${p} `));
  }

  /** The message is on the list or starts with one of its phrases ("done, restarted the router"). */
  begins(text: string): boolean {
    const padded = `${phraseOf(normalise(text))} `;
    for (const p of this.phrases) if (padded.startsWith(`${p} `)) return true;
    return false;
  }
}
