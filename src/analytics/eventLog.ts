import type { SupportEvent } from './supportEvent';

/** Inclusive ISO bounds; either may be left out. */
export interface EventRange {
  since?: string;
  until?: string;
}

/**
 * Where turn events go: the same backend as conversation state (SQLite, Redis or Azure Blob).
 * Append-only; read returns events in time order.
 */
export interface EventLog {
  append(events: SupportEvent[]): Promise<void>;
  read(range?: EventRange): Promise<SupportEvent[]>;
}
