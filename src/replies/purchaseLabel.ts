import type { DateTime } from 'luxon';

const SHOWN = 'd LLL yyyy';

/**
 * The purchase date as a person said it: one day, a whole month ("Mar 2025"), a whole year ("2025"),
 * or else the range a vague date stands for ("1 Dec 2024 – 28 Feb 2025").
 */
export function purchaseLabel(earliest: DateTime, latest: DateTime): string {
  if (earliest.hasSame(latest, 'day')) return earliest.toFormat(SHOWN);
  if (spans(earliest, latest, 'year')) return earliest.toFormat('yyyy');
  if (spans(earliest, latest, 'month')) return earliest.toFormat('LLL yyyy');
  return `${earliest.toFormat(SHOWN)} – ${latest.toFormat(SHOWN)}`;
}

/** The range is exactly one whole month or year. */
function spans(earliest: DateTime, latest: DateTime, unit: 'month' | 'year'): boolean {
  return earliest.hasSame(latest, unit) && earliest.hasSame(earliest.startOf(unit), 'day') && latest.hasSame(latest.endOf(unit), 'day');
}
