import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';
import type { GroupCommit } from './groupCommit';
import { operationBatches, type SqliteDatabase, type SqliteOperation } from './sqliteDatabase';

// The index on the event's type lets a reader of one kind of event (fix outcomes, every few
// minutes) skip the rest, which are most of the log, instead of parsing them all.
const SCHEMA = `CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE INDEX IF NOT EXISTS events_type_at ON events (json_extract(event, '$.type'), at)`;

// Bounds compare as ISO strings, like MemoryEventLog; '' and U+FFFF stand for "no bound".
const READ = `SELECT id, at, event FROM events WHERE at >= ? AND at <= ? ORDER BY at, id`;
export const READ_TYPE = `SELECT id, at, event FROM events WHERE json_extract(event, '$.type') = ? AND at >= ? AND at <= ? ORDER BY at, id`;
const NO_UPPER_BOUND = '\uffff';

interface EventRow {
  id: number;
  at: string;
  event: string;
}

/** Turn events in the state database's `events` table; same-time events keep their append order. */
export class SqliteEventLog implements EventLog {
  private readonly operations: GroupCommit<SqliteOperation>;
  private readonly insert;
  private readonly select;
  private readonly selectType;

  constructor(db: SqliteDatabase) {
    db.exec(SCHEMA);
    this.insert = db.prepare<[string, string]>('INSERT INTO events (at, event) VALUES (?, ?)');
    this.operations = operationBatches(db);
    this.select = db.prepare<[string, string], EventRow>(READ);
    this.selectType = db.prepare<[string, string, string], EventRow>(READ_TYPE);
  }

  /** Turns that end together share one transaction (see GroupCommit). */
  append(events: SupportEvent[]): Promise<void> {
    return this.operations.add(() => {
      for (const e of events) this.insert.run(e.at, JSON.stringify(e));
    });
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    const since = range.since ?? '';
    const until = range.until ?? NO_UPPER_BOUND;
    const rows = range.types
      ? range.types.flatMap((type) => this.selectType.all(type, since, until)).sort(byTimeThenId)
      : this.select.all(since, until);
    return rows.map((row) => JSON.parse(row.event));
  }
}

// Rows of several types are put back in the log's order; the rows of one type arrive in it.
function byTimeThenId(a: EventRow, b: EventRow): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id;
}
