import type { DateTime } from 'luxon';
import type { WarrantyTerms } from '../knowledge/schema';

export type WarrantyStatus =
  | { status: 'covered'; months: number; endsOn: DateTime; daysLeft: number }
  | { status: 'expired'; months: number; endedOn: DateTime; daysSince: number }
  // A vague purchase date whose range straddles the end of the window.
  | { status: 'borderline'; months: number; earliestEnd: DateTime; latestEnd: DateTime };

export interface WarrantyQuery {
  product: string;
  brand?: string;
  earliest: DateTime;
  latest: DateTime;
  now: DateTime;
}

/** How long the warranty runs: brand terms beat product terms beat the default. */
export function warrantyMonths(terms: WarrantyTerms, product: string, brand?: string): number {
  return (brand && terms.brands[brand]) || terms.products[product] || terms.defaultMonths;
}

/** Whether a purchase (possibly known only roughly) is still inside the warranty window. */
export function warrantyStatus(terms: WarrantyTerms, q: WarrantyQuery): WarrantyStatus {
  const months = warrantyMonths(terms, q.product, q.brand);
  const today = q.now.startOf('day');
  // The window covers the whole last day: bought 14 Mar 2025 with 12 months → covered until 14 Mar 2026.
  const earliestEnd = q.earliest.startOf('day').plus({ months });
  const latestEnd = q.latest.startOf('day').plus({ months });
  if (earliestEnd >= today) {
    return { status: 'covered', months, endsOn: earliestEnd, daysLeft: Math.round(earliestEnd.diff(today, 'days').days) };
  }
  if (latestEnd < today) {
    return { status: 'expired', months, endedOn: latestEnd, daysSince: Math.round(today.diff(latestEnd, 'days').days) };
  }
  return { status: 'borderline', months, earliestEnd, latestEnd };
}
