import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';
import { byTime, inRange } from './eventRange';

/** Events kept in the process (STORAGE=memory, tests). */
export class MemoryEventLog implements EventLog {
  private readonly events: SupportEvent[] = [];

  async append(events: SupportEvent[]): Promise<void> {
    this.events.push(...events.map((e) => ({ ...e })));
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    return this.events.filter((e) => inRange(e, range)).sort(byTime);
  }
}
