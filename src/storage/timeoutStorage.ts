import type { Storage, StoreItems } from 'botbuilder';

type Operation = 'read' | 'write' | 'delete';

/** A storage call that took longer than its limit. The call itself may still finish later. */
export class StorageTimeoutError extends Error {
  constructor(readonly operation: Operation, readonly timeoutMs: number) {
    super(`storage ${operation} took longer than ${timeoutMs} ms`);
    this.name = 'StorageTimeoutError';
  }
}

/**
 * Any Storage with a time limit on each call, so a stalled backend (Redis queueing commands while
 * it reconnects, a slow blob service) fails the turn with a message instead of holding it forever.
 * A write that times out may still land afterwards: the person is told it was not saved, and the
 * next turn reads whatever the store then holds (the eTag check keeps it from overwriting newer state).
 */
export class TimeoutStorage implements Storage {
  constructor(private readonly inner: Storage, private readonly timeoutMs: number) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.limit('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.limit('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.limit('delete', () => this.inner.delete(keys));
  }

  private async limit<T>(operation: Operation, call: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StorageTimeoutError(operation, this.timeoutMs)), this.timeoutMs);
    });
    try {
      return await Promise.race([call(), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
