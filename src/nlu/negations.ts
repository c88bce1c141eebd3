import { words } from './normalise';

/**
 * The words that turn a phrase after them around ("not charging", "isn't fixed"), from
 * knowledge/answers.yaml. Each also counts typed without its apostrophe ("hasnt"), which words()
 * does not restore for every contraction.
 */
export class Negations {
  private readonly set: ReadonlySet<string>;

  constructor(list: readonly string[]) {
    this.set = new Set(list.flatMap((w) => words(w)).flatMap((w) => [w, w.replace(/'/g, '')]));
  }

  is(word: string | undefined): boolean {
    return word !== undefined && this.set.has(word);
  }

  anyIn(ws: readonly string[]): boolean {
    return ws.some((w) => this.set.has(w));
  }
}
