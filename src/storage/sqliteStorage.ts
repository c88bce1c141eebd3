import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { SqliteDatabase } from './sqliteDatabase';
import { StorageConflictError } from './storageConflict';

const SCHEMA = `CREATE TABLE IF NOT EXISTS state (
  key TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  doc TEXT NOT NULL
) WITHOUT ROWID`;

/** Bot state in a SQLite file: one row per key, the item as JSON, eTags checked inside SQL. */
export class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly upsertIfEtag;
  private readonly remove;
  private readonly writeAll;

  constructor(db: SqliteDatabase) {
    db.exec(SCHEMA);
    this.select = db.prepare<[string], { etag: string; doc: string }>('SELECT etag, doc FROM state WHERE key = ?');
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO state (key, etag, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc',
    );
    // A row with another eTag is left alone (0 changes); a missing row is inserted, as MemoryStorage does.
    this.upsertIfEtag = db.prepare<[string, string, string, string]>(
      'INSERT INTO state (key, etag, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc WHERE state.etag = ?',
    );
    this.remove = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
    // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) rather than failing mid-way.
    this.writeAll = db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes)) this.writeOne(key, item);
    }).immediate;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      if (row) items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return items;
  }

  /** All changes or none: a conflict on any key rolls back the whole call. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    this.writeAll(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }

  private writeOne(key: string, item: StoreItem): void {
    const { eTag, ...doc } = item;
    const json = JSON.stringify(doc);
    if (!eTag || eTag === '*') {
      this.upsert.run(key, randomUUID(), json);
    } else if (this.upsertIfEtag.run(key, randomUUID(), json, eTag).changes === 0) {
      throw new StorageConflictError(key);
    }
  }
}
