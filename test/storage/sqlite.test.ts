import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { READ_TYPE, SqliteEventLog } from '../../src/storage/sqliteEventLog';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describeEventLogContract, eventAt } from './eventLogContract';
import { describeStorageContract } from './storageContract';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sqlite-storage-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newFile = () => join(dir, `n${++files}`, 'support.sqlite');

/** Each client is its own connection to one fresh file, as a second bot process would have. */
function onOneFile<T>(make: (db: SqliteDatabase) => T) {
  return async () => {
    const file = newFile();
    const connections: SqliteDatabase[] = [];
    return {
      client: () => {
        const db = openSqliteDatabase(file);
        connections.push(db);
        return make(db);
      },
      close: async () => connections.forEach((db) => db.close()),
    };
  };
}

describeStorageContract('SqliteStorage', onOneFile((db) => new SqliteStorage(db)), { etagOnMissingKey: 'writes', atomicWrite: true });
describeEventLogContract('SqliteEventLog', onOneFile((db) => new SqliteEventLog(db)));

describe('the SQLite file', () => {
  test('is created with its folders on first start, in WAL mode', () => {
    const file = join(dir, 'deep', 'er', 'state.sqlite');
    const db = openSqliteDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    db.close();
  });

  test('a read of one type of event uses the index on the type, not a scan of the whole log', () => {
    const db = openSqliteDatabase(newFile());
    new SqliteEventLog(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${READ_TYPE}`).all('fix_outcome', '', '\uffff');
    expect(JSON.stringify(plan)).toContain('USING INDEX events_type_at');
    db.close();
  });

  test('keeps state and events after closing and reopening', async () => {
    const file = newFile();
    const first = openSqliteDatabase(file);
    await new SqliteStorage(first).write({ 'webchat/users/u1/': { profile: { name: 'Ana' } } });
    await new SqliteEventLog(first).append([eventAt('2026-11-22T10:00:00.000Z', 'kept')]);
    const { eTag } = (await new SqliteStorage(first).read(['webchat/users/u1/']))['webchat/users/u1/'];
    first.close();

    const again = openSqliteDatabase(file);
    expect(await new SqliteStorage(again).read(['webchat/users/u1/'])).toEqual({ 'webchat/users/u1/': { profile: { name: 'Ana' }, eTag } });
    expect((await new SqliteEventLog(again).read()).map((e) => e.type === 'message' && e.text)).toEqual(['kept']);
    again.close();
  });

  test('two processes counting on one file lose no update and log every event', async () => {
    const file = newFile();
    const db = openSqliteDatabase(file);
    await new SqliteStorage(db).write({ counter: { n: 0 } });
    const perProcess = 150;

    const outputs = await runTogether([0, 1].map((i) => ['-r', 'tsx/cjs', join(__dirname, 'sqliteWorker.ts'), file, `p${i}`, String(perProcess)]));

    expect(outputs.map((o) => o.code)).toEqual([0, 0]);
    expect((await new SqliteStorage(db).read(['counter'])).counter.n).toBe(2 * perProcess);
    expect(await new SqliteEventLog(db).read()).toHaveLength(2 * perProcess);
    db.close();
  }, 60000);
});

/** Starts the processes, waits until each says "ready", tells all "go" at once, and waits for them to end. */
async function runTogether(argvs: string[][]): Promise<Array<{ code: number | null; output: string }>> {
  const children = argvs.map((argv) => spawn(process.execPath, argv, { cwd: join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'pipe'] }));
  const ended = children.map(
    (child) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('exit', (code) => resolve({ code, output }));
      }),
  );
  await Promise.all(children.map((child) => new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve))));
  children.forEach((child) => child.stdin.end('go\n'));
  return Promise.all(ended);
}

describe('writes made together share one transaction', () => {
  const open = () => {
    const db = openSqliteDatabase(newFile());
    return { db, storage: new SqliteStorage(db) };
  };

  test('each call still succeeds or conflicts alone, all its keys or none', async () => {
    const { db, storage } = open();
    await storage.write({ a: { n: 0 }, b: { n: 0 } });
    const { a, b } = await storage.read(['a', 'b']);
    const results = await Promise.allSettled([
      storage.write({ a: { ...a, n: 1 } }),
      storage.write({ a: { ...a, n: 2 } }),
      storage.write({ b: { ...b, n: 3 }, a: { ...a, n: 4 } }),
      storage.write({ c: { n: 5 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const after = await storage.read(['a', 'b', 'c']);
    expect([after.a.n, after.b.n, after.c.n]).toEqual([1, 0, 5]);
    db.close();
  });

  test('what is stored is the item as it was when written', async () => {
    const { db, storage } = open();
    const item = { list: [1] };
    const written = storage.write({ a: item });
    item.list.push(2);
    await written;
    expect((await storage.read(['a'])).a.list).toEqual([1]);
    db.close();
  });

  test('a delete called after a write happens after it', async () => {
    const { db, storage } = open();
    await Promise.all([storage.write({ a: { n: 1 } }), storage.delete(['a'])]);
    expect(await storage.read(['a'])).toEqual({});
    db.close();
  });
});
