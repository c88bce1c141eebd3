import type { DateTime } from 'luxon';

const SHOWN = 'd LLL yyyy';

/** The purchase date as the case summary shows it: one day, or the range a vague date stands for. */
export function purchaseLabel(earliest: DateTime, latest: DateTime): string {
  return earliest.hasSame(latest, 'day') ? earliest.toFormat(SHOWN) : `${earliest.toFormat(SHOWN)} – ${latest.toFormat(SHOWN)}`;
}
