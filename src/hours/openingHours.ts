import { DateTime, IANAZone } from 'luxon';
import type { Hours } from '../knowledge/schema';

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type OpenState =
  | { open: true; closesAt: DateTime }
  | { open: false; opensAt?: DateTime };

/** Whether a contact is open at `now`, and when it closes or next opens (in the contact's zone). */
export function openState(hours: Hours, now: DateTime): OpenState {
  const local = now.setZone(hours.timezone);
  const today = local.startOf('day');
  for (let offset = -1; offset <= 7; offset++) {
    const day = today.plus({ days: offset });
    const range = hours.week[DAY_KEYS[day.weekday - 1]];
    if (!range) continue;
    const [opens, closes] = rangeOn(day, range);
    if (local >= opens && local < closes) return { open: true, closesAt: closes };
    if (opens > local) return { open: false, opensAt: opens };
  }
  return { open: false };
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function rangeOn(day: DateTime, range: string): [DateTime, DateTime] {
  const [from, to] = range.split('-').map((t) => t.split(':').map(Number));
  const opens = day.set({ hour: from[0], minute: from[1] });
  const closes = to[0] === 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: to[0], minute: to[1] });
  return [opens, closes];
}
