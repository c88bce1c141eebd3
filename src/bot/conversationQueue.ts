/**
 * Runs one turn at a time per conversation in this process: a second message that arrives while
 * the first is being answered waits for it instead of racing it for the conversation's state.
 * (Across processes the storage's eTags catch the race; see SupportBot.)
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run(key: string, work: () => Promise<void>): Promise<void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      await mine;
    } finally {
      // The last turn in line cleans up, so idle conversations cost nothing.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting. */
  get active(): number {
    return this.tails.size;
  }
}
