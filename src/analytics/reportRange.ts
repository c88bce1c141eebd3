import { DateTime } from 'luxon';
import type { EventRange } from './eventLog';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The report's --since/--until as event-log bounds (UTC ISO, as events are stamped). Each is an ISO
 * date or date-time, read in `zone` when it has no offset; a date-only --until means the end of that day.
 */
export function reportRange(args: { since?: string; until?: string }, zone: string): EventRange {
  const since = args.since === undefined ? undefined : bound('--since', args.since, zone, 'start');
  const until = args.until === undefined ? undefined : bound('--until', args.until, zone, 'end');
  if (since && until && since > until) throw new Error(`--since (${args.since}) is after --until (${args.until})`);
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

function bound(name: string, value: string, zone: string, side: 'start' | 'end'): string {
  const t = DateTime.fromISO(value.trim(), { zone });
  if (!t.isValid) throw new Error(`${name}: "${value}" is not an ISO date or date-time (e.g. 2026-11-23 or 2026-11-23T14:00)`);
  const edge = DATE_ONLY.test(value.trim()) ? (side === 'start' ? t.startOf('day') : t.endOf('day')) : t;
  return edge.toUTC().toISO()!;
}
