import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './groupCommit';

export type SqliteDatabase = Database.Database;

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** A WAL file left larger than this by a burst is cut back to it when the log next starts over. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (and creates) the database file shared by state and events. WAL lets readers run beside a
 * writer, and busy_timeout makes a second bot process on the same file wait instead of failing.
 */
export function openSqliteDatabase(file: string): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL stays consistent after a crash and only risks the last commits on power loss.
  db.pragma('synchronous = NORMAL');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  return db;
}

/** Work on the database inside a batch's transaction: nothing when done, or the error for this call alone. */
export type SqliteOperation = () => Error | undefined | void;

/**
 * Operations made during one turn of the event loop (turns that end together), run in one IMMEDIATE
 * transaction (see GroupCommit), in the order they were added. IMMEDIATE takes the write lock up
 * front, so a second process waits (busy_timeout) rather than failing mid-way.
 */
export function operationBatches(db: SqliteDatabase): GroupCommit<SqliteOperation> {
  return new GroupCommit(db.transaction((operations: SqliteOperation[]) => operations.map((run) => run() ?? undefined)).immediate);
}
