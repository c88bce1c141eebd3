import type { Storage, StoreItem } from 'botbuilder';
import { isStorageConflict } from './storageConflict';

export interface UpdateOptions {
  /** Tries before giving up when other writers keep changing the document. */
  attempts?: number;
  /**
   * Whether `change` gets a copy (default). A `change` that never edits what it gets may say false:
   * copying a large document on every update costs more than reading it.
   */
  copy?: boolean;
}

/**
 * Read, change, write back only if nobody wrote in between (the document's eTag), else read again
 * and redo the change: safe appends to one document from many turns and processes, on any
 * botbuilder Storage that checks eTags (MemoryStorage and this project's SQLite, Redis and Azure Blob
 * stores). `change` gets a copy it may edit and returns the new document, or undefined to leave it;
 * it may be async, to store first what the new document will point at.
 *
 * A document that does not exist yet is written without a check (Storage has no "create only"),
 * so keep long-lived documents once made rather than deleting them when empty.
 */
export async function updateDocument<T extends object>(
  storage: Storage,
  key: string,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  options: UpdateOptions = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    const current = (await storage.read([key]))[key] as (T & StoreItem) | undefined;
    const next = await change(current && options.copy !== false ? structuredClone(current) : current);
    if (next === undefined) return current;
    try {
      // '*' would mean "whatever is there"; a missing eTag on a new document means the same to every store.
      await storage.write({ [key]: { ...next, eTag: current?.eTag ?? '*' } });
      return next;
    } catch (err) {
      if (!isStorageConflict(err) || attempt >= attempts) throw err;
      // A random pause, growing with each try, so writers that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
