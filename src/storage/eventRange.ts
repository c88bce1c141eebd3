import type { EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';

/** Inclusive on both bounds, comparing ISO strings as every event log does; of the range's types, if it names any. */
export function inRange(event: SupportEvent, range: EventRange): boolean {
  return (!range.since || event.at >= range.since) && (!range.until || event.at <= range.until) && ofTypes(event, range);
}

export function ofTypes(event: SupportEvent, range: EventRange): boolean {
  return !range.types || range.types.includes(event.type);
}

/** Time order for Array.prototype.sort, which is stable: events with the same time keep their order. */
export function byTime(a: SupportEvent, b: SupportEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}
