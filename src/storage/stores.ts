import type { Storage } from 'botbuilder';
import type { EventLog } from '../analytics/eventLog';
import type { TranscriptLog } from '../transcripts/transcriptStore';

/** One backend's state storage and event log, opened together and closed together. */
export interface Stores {
  storage: Storage;
  events: EventLog;
  /** The backend's own transcript log, where it has one (SQLite); otherwise transcripts are pages of documents in `storage`. */
  transcripts?: TranscriptLog;
  /** e.g. "sqlite /path/to/file" — for the start-up log line, never with secrets. */
  describe: string;
  close(): Promise<void>;
}
