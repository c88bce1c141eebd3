import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { GroupCommit } from './groupCommit';
import { operationBatches, type SqliteDatabase, type SqliteOperation } from './sqliteDatabase';
import { StorageConflictError } from './storageConflict';
import { storedTextOf, withStoredText } from './storedText';

const SCHEMA = `CREATE TABLE IF NOT EXISTS state (
  key TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  doc TEXT NOT NULL
) WITHOUT ROWID`;

interface Row {
  key: string;
  eTag?: string;
  json: string;
}

/**
 * Bot state in a SQLite file: one row per key, the item as JSON, eTags checked inside SQL. Writes
 * and deletes made together (turns ending at once) share one transaction (see GroupCommit), in the
 * order they were called; each write still succeeds or conflicts alone, all its keys or none.
 */
export class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly upsertIfEtag;
  private readonly remove;
  private readonly writeAll;
  private readonly operations: GroupCommit<SqliteOperation>;

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
    // Run inside the batch's transaction, this is a savepoint: a conflict undoes its own call only.
    this.writeAll = db.transaction((rows: Row[]) => rows.forEach((row) => this.writeOne(row)));
    this.operations = operationBatches(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      // The parsed document is new and ours: the eTag goes on it rather than on a copy of it.
      if (row) items[key] = withStoredText(Object.assign(JSON.parse(row.doc) as StoreItem, { eTag: row.etag }), row.doc);
    }
    return items;
  }

  /** All changes or none: a conflict on any key rolls back the whole call. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Serialised now: what is stored is the items as they were when written, whatever happens to them next.
    const rows = Object.entries(changes).map(([key, item]): Row => {
      const { eTag, ...doc } = item;
      return { key, eTag, json: storedTextOf(item) ?? JSON.stringify(doc) };
    });
    return this.operations.add(() => {
      try {
        this.writeAll(rows);
        return undefined;
      } catch (err) {
        if (err instanceof StorageConflictError) return err;
        throw err;
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    return this.operations.add(() => {
      keys.forEach((key) => this.remove.run(key));
      return undefined;
    });
  }

  private writeOne({ key, eTag, json }: Row): void {
    if (!eTag || eTag === '*') {
      this.upsert.run(key, randomUUID(), json);
    } else if (this.upsertIfEtag.run(key, randomUUID(), json, eTag).changes === 0) {
      throw new StorageConflictError(key);
    }
  }
}
