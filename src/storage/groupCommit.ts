/**
 * Gathers the calls made during one turn of the event loop and commits them together, once: under
 * load many turns finish in the same turn of the loop, and one SQLite transaction for all of them
 * costs about what one costs for a single turn. Each call resolves once the batch is committed, or
 * rejects with the error `commit` gives for its item (at the same index), or with the error that
 * failed the whole batch.
 */
export class GroupCommit<T> {
  private queued: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];

  constructor(private readonly commit: (items: T[]) => readonly (Error | undefined)[] | void) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queued.push({ item, resolve, reject }) === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    try {
      const errors = this.commit(batch.map((b) => b.item)) ?? [];
      batch.forEach((b, i) => (errors[i] ? b.reject(errors[i]) : b.resolve()));
    } catch (err) {
      batch.forEach((b) => b.reject(err));
    }
  }
}
