import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { WalCheckpointer } from '../../src/storage/walCheckpointer';
import { capturedLogger } from '../helpers/capturedLogger';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const PAGE = 4096;
// More pages than SQLite's automatic checkpoint lets the WAL reach (1000) before it starts over.
const ROWS = 3000;

async function writeRows(db: SqliteDatabase): Promise<void> {
  const storage = new SqliteStorage(db);
  for (let i = 0; i < ROWS; i += 100) {
    await storage.write(Object.fromEntries(Array.from({ length: 100 }, (_, j) => [`k${i + j}`, { text: 'x'.repeat(PAGE) }])));
  }
}

const walPages = (file: string) => statSync(`${file}-wal`).size / PAGE;

describe('the WAL checkpoint worker', () => {
  let file: string;
  let db: SqliteDatabase;
  beforeEach(() => {
    file = join(dir, `n${++files}.sqlite`);
    db = openSqliteDatabase(file);
  });
  // Stopped even when an expectation fails first, or the worker keeps jest from exiting.
  const running: WalCheckpointer[] = [];
  const started = (checkpointer: WalCheckpointer) => (running.push(checkpointer), checkpointer);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    if (db.open) db.close();
  });

  test('takes checkpoints away from the bot\'s connection, which lets the WAL grow until the worker copies it', async () => {
    const { logger } = capturedLogger();
    const checkpointer = new WalCheckpointer(db, file, logger, { everyMs: 60_000 });
    await writeRows(db);

    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(walPages(file)).toBeGreaterThan(ROWS);
    const result = await checkpointer.checkpoint();
    expect(result?.log).toBeGreaterThan(ROWS);
    expect(result?.checkpointed).toBe(result?.log);
    await checkpointer.stop();
  });

  test('checkpoints on its own timer', async () => {
    const { logger } = capturedLogger();
    const checkpointer = new WalCheckpointer(db, file, logger, { everyMs: 20 });
    await writeRows(db);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Everything was copied already, so a write starts the WAL over from its first page.
    await new SqliteStorage(db).write({ after: { text: 'small' } });
    const result = await checkpointer.checkpoint();
    expect(result?.log).toBeLessThan(10);
    await checkpointer.stop();
  });

  test('keeps the WAL short while the bot writes without a pause, where copying alone would let it grow without end', async () => {
    const { logger } = capturedLogger();
    const restartFrames = 200;
    const checkpointer = started(new WalCheckpointer(db, file, logger, { everyMs: 10, restartFrames }));
    const storage = new SqliteStorage(db);
    let written = 0;
    for (const end = Date.now() + 600; Date.now() < end; written++) {
      await storage.write({ [`k${written % 50}`]: { text: 'x'.repeat(PAGE) } });
    }

    // Without the restart the log holds about one page per write (measured: 13,210 pages after 14,110 writes).
    // With it, the share depends on how often the worker thread gets a core: 0.29 on a loaded CI host.
    expect(written).toBeGreaterThan(10 * restartFrames);
    expect(walPages(file)).toBeLessThan(written / 2);
  });

  test('when the worker cannot run, the connection checkpoints on commit again and the failure is logged', async () => {
    const { logger, lines } = capturedLogger();
    const checkpointer = new WalCheckpointer(db, file, logger, { driver: join(dir, 'no-such-driver.js') });
    expect(await checkpointer.checkpoint()).toBeUndefined();

    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(lines.filter((l) => l.includes('WAL checkpoint worker stopped'))).toHaveLength(1);
    await checkpointer.stop();
  });

  test('stops cleanly, and the data is all there after the connection closes', async () => {
    const { logger, lines } = capturedLogger();
    const checkpointer = new WalCheckpointer(db, file, logger);
    await writeRows(db);
    await checkpointer.stop();
    db.close();

    const again = openSqliteDatabase(file);
    expect(Object.keys(await new SqliteStorage(again).read(['k0', `k${ROWS - 1}`]))).toEqual(['k0', `k${ROWS - 1}`]);
    again.close();
    expect(lines.join('')).not.toContain('worker stopped');
  });
});
