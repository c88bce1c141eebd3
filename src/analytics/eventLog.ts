import type { SupportEvent } from './supportEvent';

/** Inclusive ISO bounds, either of which may be left out; and, if given, only events of these types. */
export interface EventRange {
  since?: string;
  until?: string;
  types?: ReadonlyArray<SupportEvent['type']>;
}

/**
 * Where turn events go: the same backend as conversation state (SQLite, Redis or Azure Blob).
 * Append-only; read returns events in time order.
 */
export interface EventLog {
  append(events: SupportEvent[]): Promise<void>;
  read(range?: EventRange): Promise<SupportEvent[]>;
}
