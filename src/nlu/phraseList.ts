import { normalise, words } from './normalise';

/** A reply's words as one lower-case phrase ("OK, will do!" → "ok will do"); emoji-only replies as typed. */
export function phraseOf(s: string): string {
  const ws = words(s);
  return ws.length > 0 ? ws.join(' ') : normalise(s);
}

/**
 * Replies of one kind ("ok", "will do"; "done", "i did it"): a message is one of them when it is
 * one outright, or holds one of two words or more ("ok, will do in a sec").
 */
export class PhraseList {
  private readonly phrases: ReadonlySet<string>;
  private readonly longer: readonly string[];

  constructor(phrases: readonly string[]) {
    this.phrases = new Set(phrases.map(phraseOf));
    this.longer = [...this.phrases].filter((p) => p.includes(' '));
  }

  /** The phrase is on the list as it stands. */
  has(phrase: string): boolean {
    return this.phrases.has(phrase);
  }

  /** The message is on the list, or holds one of its phrases of two words or more. */
  matches(text: string): boolean {
    const phrase = phraseOf(normalise(text));
    if (this.phrases.has(phrase)) return true;
    const padded = ` ${phrase} `;
    return this.longer.some((p) => padded.includes(` ${p} `));
  }

  /** The message is one of the phrases or starts with one ("done, restarted the router"). */
  begins(text: string): boolean {
    const padded = `${phraseOf(normalise(text))} `;
    return [...this.phrases].some((p) => padded.startsWith(`${p} `));
  }
}
