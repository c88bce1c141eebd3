import type { TranscriptEntry } from '../transcripts/transcriptEntry';
import { DEFAULT_TRANSCRIPT_LIMITS, type TranscriptLimits } from '../transcripts/transcriptPages';
import { transcriptName, type ConversationRef, type TranscriptLog } from '../transcripts/transcriptStore';
import type { GroupCommit } from './groupCommit';
import { operationBatches, type SqliteDatabase, type SqliteOperation } from './sqliteDatabase';

// One row per entry, only ever appended; a conversation's count and length are kept beside, so
// keeping within the caps never needs to read the entries unless they are over.
const SCHEMA = `CREATE TABLE IF NOT EXISTS transcript_entries (
  id INTEGER PRIMARY KEY,
  conversation TEXT NOT NULL,
  chars INTEGER NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS transcript_entries_conversation ON transcript_entries (conversation, id);
CREATE TABLE IF NOT EXISTS transcript_sizes (
  conversation TEXT PRIMARY KEY,
  entries INTEGER NOT NULL,
  chars INTEGER NOT NULL
) WITHOUT ROWID`;

interface Size {
  entries: number;
  chars: number;
}

export interface SqliteTranscriptLogOptions {
  limits?: TranscriptLimits;
  /** Where transcripts were kept before this log (pages of documents in the state table): still read, and forgotten with the rest. */
  earlier?: TranscriptLog;
}

/**
 * Redacted transcripts in the SQLite file, one row per entry. A turn inserts its two or three
 * entries, where a store of documents reads, parses, re-serialises and rewrites the page being
 * filled (about 5 KB, on every turn). Appends from turns that end together share one transaction
 * (see GroupCommit); rows are numbered in commit order, which the file's write lock makes one order
 * for every process. Past the limits the oldest entries go, the newest always stays.
 */
export class SqliteTranscriptLog implements TranscriptLog {
  private readonly operations: GroupCommit<SqliteOperation>;
  private readonly select;
  private readonly insert;
  private readonly grow;
  private readonly oldest;
  private readonly dropUpTo;
  private readonly resize;
  private readonly remove;
  private readonly removeSize;
  private readonly limits: TranscriptLimits;

  constructor(db: SqliteDatabase, private readonly options: SqliteTranscriptLogOptions = {}) {
    db.exec(SCHEMA);
    this.limits = options.limits ?? DEFAULT_TRANSCRIPT_LIMITS;
    this.select = db.prepare<[string], string>('SELECT entry FROM transcript_entries WHERE conversation = ? ORDER BY id').pluck();
    this.insert = db.prepare<[string, number, string]>('INSERT INTO transcript_entries (conversation, chars, entry) VALUES (?, ?, ?)');
    this.grow = db.prepare<[string, number, number], Size>(
      'INSERT INTO transcript_sizes (conversation, entries, chars) VALUES (?, ?, ?) ' +
      'ON CONFLICT (conversation) DO UPDATE SET entries = entries + excluded.entries, chars = chars + excluded.chars RETURNING entries, chars',
    );
    this.oldest = db.prepare<[string], { id: number; chars: number }>('SELECT id, chars FROM transcript_entries WHERE conversation = ? ORDER BY id');
    this.dropUpTo = db.prepare<[string, number]>('DELETE FROM transcript_entries WHERE conversation = ? AND id <= ?');
    this.resize = db.prepare<[number, number, string]>('UPDATE transcript_sizes SET entries = ?, chars = ? WHERE conversation = ?');
    this.remove = db.prepare<[string]>('DELETE FROM transcript_entries WHERE conversation = ?');
    this.removeSize = db.prepare<[string]>('DELETE FROM transcript_sizes WHERE conversation = ?');
    this.operations = operationBatches(db);
  }

  async append(ref: ConversationRef, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const conversation = transcriptName(ref);
    // Serialised now: what is stored is the entries as they were when appended.
    const texts = entries.map((e) => JSON.stringify(e));
    return this.operations.add(() => {
      // Each entry counts its comma: the chars add up to the length of the transcript as a JSON array.
      for (const text of texts) this.insert.run(conversation, text.length + 1, text);
      const size = this.grow.get(conversation, texts.length, texts.reduce((n, t) => n + t.length + 1, 0))!;
      if (this.isOver(size)) this.trim(conversation, size);
    });
  }

  async read(ref: ConversationRef): Promise<TranscriptEntry[]> {
    const earlier = (await this.options.earlier?.read(ref)) ?? [];
    const rows = this.select.all(transcriptName(ref)).map((text) => JSON.parse(text) as TranscriptEntry);
    return earlier.length > 0 ? [...earlier, ...rows] : rows;
  }

  async delete(ref: ConversationRef): Promise<void> {
    await this.options.earlier?.delete(ref);
    const conversation = transcriptName(ref);
    return this.operations.add(() => {
      this.remove.run(conversation);
      this.removeSize.run(conversation);
    });
  }

  private isOver(size: Size): boolean {
    return size.entries > this.limits.maxEntries || size.chars > this.limits.maxChars;
  }

  // Drops the oldest entries until the rest fit, keeping at least the newest.
  private trim(conversation: string, size: Size): void {
    const kept = { ...size };
    let lastDropped: number | undefined;
    for (const row of this.oldest.iterate(conversation)) {
      if (kept.entries <= 1 || !this.isOver(kept)) break;
      kept.entries -= 1;
      kept.chars -= row.chars;
      lastDropped = row.id;
    }
    if (lastDropped === undefined) return;
    this.dropUpTo.run(conversation, lastDropped);
    this.resize.run(kept.entries, kept.chars, conversation);
  }
}
