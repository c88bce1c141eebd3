import type { Storage, StoreItems } from 'botbuilder';

/** What a storage call does: fail at once, never answer, or answer after a delay. */
export type Fault = 'fail' | 'stall' | { delayMs: number };
type Operation = 'read' | 'write';

/** Any Storage whose reads or writes fail, stall or slow down on demand (optionally only for some keys). */
export class FaultyStorage implements Storage {
  private readonly faults = new Map<Operation, { fault: Fault; keys?: RegExp }>();
  readonly calls = { read: 0, write: 0 };

  constructor(private readonly inner: Storage) {}

  inject(operation: Operation, fault: Fault, keys?: RegExp): void {
    this.faults.set(operation, { fault, keys });
  }

  heal(): void {
    this.faults.clear();
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.calls.read += 1;
    await this.apply('read', keys);
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    this.calls.write += 1;
    await this.apply('write', Object.keys(changes));
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  private async apply(operation: Operation, keys: string[]): Promise<void> {
    const injected = this.faults.get(operation);
    if (!injected || (injected.keys && !keys.some((k) => injected.keys!.test(k)))) return;
    const { fault } = injected;
    if (fault === 'fail') throw new Error(`injected ${operation} failure`);
    if (fault === 'stall') return new Promise<void>(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  }
}
