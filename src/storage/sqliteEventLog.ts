import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';
import { GroupCommit } from './groupCommit';
import type { SqliteDatabase } from './sqliteDatabase';

const SCHEMA = `CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_at ON events (at)`;

// Bounds compare as ISO strings, like MemoryEventLog; '' and U+FFFF stand for "no bound".
const READ = `SELECT event FROM events WHERE at >= ? AND at <= ? ORDER BY at, id`;
const NO_UPPER_BOUND = '\uffff';

/** Turn events in the state database's `events` table; same-time events keep their append order. */
export class SqliteEventLog implements EventLog {
  private readonly inserts: GroupCommit<SupportEvent[]>;
  private readonly select;

  constructor(db: SqliteDatabase) {
    db.exec(SCHEMA);
    const insert = db.prepare<[string, string]>('INSERT INTO events (at, event) VALUES (?, ?)');
    this.inserts = new GroupCommit(db.transaction((appends: SupportEvent[][]) => {
      for (const events of appends) for (const e of events) insert.run(e.at, JSON.stringify(e));
    }).immediate);
    this.select = db.prepare<[string, string], { event: string }>(READ);
  }

  /** Turns that end together share one transaction (see GroupCommit). */
  append(events: SupportEvent[]): Promise<void> {
    return this.inserts.add(events);
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    return this.select.all(range.since ?? '', range.until ?? NO_UPPER_BOUND).map((row) => JSON.parse(row.event));
  }
}
