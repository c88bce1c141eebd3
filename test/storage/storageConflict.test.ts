import { RestError } from '@azure/storage-blob';
import { MemoryStorage } from 'botbuilder';
import { isStorageConflict, StorageConflictError } from '../../src/storage/storageConflict';

describe('isStorageConflict', () => {
  test("recognises botbuilder MemoryStorage's own conflict error", async () => {
    const storage = new MemoryStorage();
    await storage.write({ a: { n: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, n: 2 } });

    const err = await storage.write({ a: { ...stale, n: 3 } }).then(() => undefined, (e: unknown) => e);

    expect(isStorageConflict(err)).toBe(true);
  });

  test('recognises the error our backends throw, which names the key like MemoryStorage does', () => {
    const err = new StorageConflictError('msteams/conversations/19:abc@thread.v2/');
    expect(err.message).toBe('Storage: error writing "msteams/conversations/19:abc@thread.v2/" due to eTag conflict.');
    expect(isStorageConflict(err)).toBe(true);
  });

  test('recognises a raw Azure precondition failure (412, ConditionNotMet)', () => {
    expect(isStorageConflict(new RestError('The condition specified using HTTP conditional header(s) is not met.', { statusCode: 412 }))).toBe(true);
    expect(isStorageConflict(new RestError('not met', { code: 'ConditionNotMet' }))).toBe(true);
  });

  test.each([
    ['a locked database', new Error('database is locked')],
    ['a missing blob', new RestError('The specified blob does not exist.', { statusCode: 404, code: 'BlobNotFound' })],
    ['a lost connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })],
    ['a message that only mentions a conflict', new Error('retry after Storage: error writing "a" due to eTag conflict. failed')],
    ['a non-error with a 412', { statusCode: 412 }],
    ['nothing', undefined],
  ])('does not take %s for a conflict', (_what, err) => {
    expect(isStorageConflict(err)).toBe(false);
  });
});
