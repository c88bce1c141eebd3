import { DateTime } from 'luxon';
import type { WarrantyTerms } from '../../src/knowledge/schema';
import { warrantyReplies } from '../../src/replies/warrantyReplies';
import { Wording } from '../../src/replies/wording';
import { warrantyMonths, warrantyStatus } from '../../src/warranty/warrantyStatus';
import { realKnowledge } from '../helpers/testCore';

const ZONE = 'Europe/London';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

const terms: WarrantyTerms = {
  defaultMonths: 12,
  products: { nas: 24, smartwatch: 18 },
  brands: { acme: 36 },
  covered: ['defects'],
  notCovered: ['drops'],
  bring: ['receipt'],
};

describe('warrantyMonths', () => {
  test('brand terms beat product terms beat the default', () => {
    expect(warrantyMonths(terms, 'smartwatch', 'acme')).toBe(36);
    expect(warrantyMonths(terms, 'smartwatch', 'other-brand')).toBe(18);
    expect(warrantyMonths(terms, 'smartwatch')).toBe(18);
    expect(warrantyMonths(terms, 'toaster')).toBe(12);
    expect(warrantyMonths(terms, 'toaster', 'other-brand')).toBe(12);
  });

  test('with the real terms: a NAS gets 24 months, Apple 12, an unlisted watch brand the product term', () => {
    const real = realKnowledge().warranty;
    expect(warrantyMonths(real, 'nas', 'wd')).toBe(24);
    expect(warrantyMonths(real, 'smartwatch', 'apple')).toBe(12);
    expect(warrantyMonths(real, 'nas')).toBe(24);
    expect(warrantyMonths(real, 'nas', 'netgear')).toBe(24);
  });
});

describe('warrantyStatus', () => {
  const exact = (bought: string, now: string, product = 'toaster', brand?: string) =>
    warrantyStatus(terms, { product, brand, earliest: at(bought), latest: at(bought), now: at(now) });

  test('covered, with the end date and the days left', () => {
    const s = exact('2025-03-14', '2025-12-14T15:00');
    expect(s.status).toBe('covered');
    if (s.status !== 'covered') return;
    expect(s.months).toBe(12);
    expect(s.endsOn.toISODate()).toBe('2026-03-14');
    expect(s.daysLeft).toBe(90);
  });

  test('expired, with the end date and the days since', () => {
    const s = exact('2024-01-10', '2025-02-09T09:00');
    expect(s.status).toBe('expired');
    if (s.status !== 'expired') return;
    expect(s.endedOn.toISODate()).toBe('2025-01-10');
    expect(s.daysSince).toBe(30);
  });

  test('the last day of the window is still covered (0 days left), the day after is expired (1 day)', () => {
    const last = exact('2025-03-14', '2026-03-14T23:30');
    expect(last).toMatchObject({ status: 'covered', daysLeft: 0 });
    const after = exact('2025-03-14', '2026-03-15T00:10');
    expect(after).toMatchObject({ status: 'expired', daysSince: 1 });
  });

  test('the brand\'s longer term is used', () => {
    expect(exact('2023-06-01', '2026-05-01', 'smartwatch', 'acme')).toMatchObject({ status: 'covered', months: 36 });
    expect(exact('2023-06-01', '2026-05-01', 'smartwatch')).toMatchObject({ status: 'expired', months: 18 });
  });

  test('a vague purchase whose range straddles the end is borderline, with both possible ends', () => {
    const s = warrantyStatus(terms, {
      product: 'toaster', earliest: at('2025-11-01'), latest: at('2025-12-31T23:59'), now: at('2026-11-22T10:00'),
    });
    expect(s.status).toBe('borderline');
    if (s.status !== 'borderline') return;
    expect(s.earliestEnd.toISODate()).toBe('2026-11-01');
    expect(s.latestEnd.toISODate()).toBe('2026-12-31');
  });

  test('a vague purchase wholly inside the window is covered from its earliest end', () => {
    const s = warrantyStatus(terms, {
      product: 'toaster', earliest: at('2026-06-01'), latest: at('2026-08-31T23:59'), now: at('2026-11-22T10:00'),
    });
    expect(s).toMatchObject({ status: 'covered' });
    expect(s.status === 'covered' && s.endsOn.toISODate()).toBe('2027-06-01');
  });

  test('a vague purchase wholly before the window is expired from its latest end', () => {
    const s = warrantyStatus(terms, {
      product: 'toaster', earliest: at('2024-06-01'), latest: at('2024-08-31T23:59'), now: at('2026-11-22T10:00'),
    });
    expect(s).toMatchObject({ status: 'expired' });
    expect(s.status === 'expired' && s.endedOn.toISODate()).toBe('2025-08-31');
  });

  test('days are whole calendar days across a DST change', () => {
    // Clocks go forward in London on 29 March 2026.
    const s = exact('2025-04-10', '2026-03-20T12:00');
    expect(s).toMatchObject({ status: 'covered', daysLeft: 21 });
  });

  test('31 January plus one month clamps to the end of February', () => {
    const s = warrantyStatus({ ...terms, defaultMonths: 1 }, { product: 'toaster', earliest: at('2026-01-31'), latest: at('2026-01-31'), now: at('2026-02-28T12:00') });
    expect(s).toMatchObject({ status: 'covered', daysLeft: 0 });
  });
});

describe('warrantyReplies', () => {
  test('what to bring reads as one sentence: items in lower case (names kept), split by semicolons', () => {
    const wording = new Wording(realKnowledge().responses);
    const status = warrantyStatus(terms, { product: 'nas', earliest: at('2026-01-10'), latest: at('2026-01-10'), now: at('2026-11-22') });
    const bring = ['The receipt', 'NAS model name', 'The charger, if it is about power'];
    const [, summary] = warrantyReplies(status, { ...terms, bring }, wording);
    expect(summary.kind === 'summary' && summary.lines.at(-1)).toBe(wording.say('warranty.bring', { items: 'the receipt; NAS model name; the charger, if it is about power' }));
  });
});
