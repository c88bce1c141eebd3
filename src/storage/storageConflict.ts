/** Thrown by our backends when a write's eTag no longer matches; worded like botbuilder's MemoryStorage. */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

// MemoryStorage and BlobsStorage throw a plain Error with this wording.
const CONFLICT_MESSAGE = /^Storage: error writing ".*" due to eTag conflict\.$/s;

/**
 * True when a state write lost an optimistic-concurrency race, whichever backend threw it:
 * our StorageConflictError, botbuilder's wording, or a raw Azure 412 / ConditionNotMet.
 */
export function isStorageConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  if (!(err instanceof Error)) return false;
  if (CONFLICT_MESSAGE.test(err.message)) return true;
  const azure = err as Error & { statusCode?: number; code?: string };
  return azure.statusCode === 412 || azure.code === 'ConditionNotMet';
}
