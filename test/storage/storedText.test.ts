import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { storedTextOf, withStoredText } from '../../src/storage/storedText';

describe('the stored text carried beside an item', () => {
  test('is not serialised, and a copy (which may then be edited) does not carry it', () => {
    const item = withStoredText({ step: 1 }, '{"step":1}');
    expect(storedTextOf(item)).toBe('{"step":1}');
    expect(JSON.stringify(item)).toBe('{"step":1}');
    expect(storedTextOf({ ...item })).toBeUndefined();
    expect(storedTextOf(structuredClone(item))).toBeUndefined();
  });

  describe('in SQLite', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'stored-text-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('an item read comes with the text it was read from, which is the item without its eTag', async () => {
      const db = openSqliteDatabase(join(dir, 'read.sqlite'));
      const storage = new SqliteStorage(db);
      await storage.write({ k: { b: [1, 'ü 🙂'], a: { n: null } } });
      const { k } = await storage.read(['k']);
      const { eTag, ...doc } = k;
      expect(eTag).toEqual(expect.any(String));
      expect(storedTextOf(k)).toBe(JSON.stringify(doc));
      db.close();
    });

    test('an item handed over with its text is stored as that text', async () => {
      const db = openSqliteDatabase(join(dir, 'write.sqlite'));
      const storage = new SqliteStorage(db);
      // The caller vouches that the text is the item; the store takes its word rather than serialise again.
      await storage.write({ k: withStoredText({ step: 1 }, '{"step":2}') });
      expect((await storage.read(['k'])).k).toMatchObject({ step: 2 });
      db.close();
    });
  });
});
