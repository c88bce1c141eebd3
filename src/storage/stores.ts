import type { Storage } from 'botbuilder';
import type { EventLog } from '../analytics/eventLog';

/** One backend's state storage and event log, opened together and closed together. */
export interface Stores {
  storage: Storage;
  events: EventLog;
  /** e.g. "sqlite /path/to/file" — for the start-up log line, never with secrets. */
  describe: string;
  close(): Promise<void>;
}
