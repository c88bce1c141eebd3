import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';

/** Events kept in the process (STORAGE=memory, tests). */
export class MemoryEventLog implements EventLog {
  private readonly events: SupportEvent[] = [];

  async append(events: SupportEvent[]): Promise<void> {
    this.events.push(...events.map((e) => ({ ...e })));
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    return this.events
      .filter((e) => (!range.since || e.at >= range.since) && (!range.until || e.at <= range.until))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
