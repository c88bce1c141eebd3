import { DateTime } from 'luxon';
import { parsePurchaseDate, type PurchaseDate } from '../../src/dates/purchaseDate';
import { FIXED_NOW } from '../helpers/testCore';

const ZONE = 'Europe/London';
const parse = (text: string, locale?: string) => parsePurchaseDate(text, { now: FIXED_NOW, locale });

/** The range of a 'date' result as ISO days (or times), to compare readably. */
function range(p: PurchaseDate, format = 'yyyy-MM-dd'): [string, string] {
  if (p.kind !== 'date') throw new Error(`expected a date, got ${p.kind}`);
  return [p.earliest.toFormat(format), p.latest.toFormat(format)];
}

describe('parsePurchaseDate (now = Sunday 22 November 2026, 10:00 London)', () => {
  test('FIXED_NOW is what these tests assume', () => {
    expect(FIXED_NOW.toISO()).toBe('2026-11-22T10:00:00.000+00:00');
    expect(FIXED_NOW.zoneName).toBe(ZONE);
  });

  test.each([
    ['2025-03-14', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['03/14/2025', '2025-03-14'],
    ['14 March 2025', '2025-03-14'],
    ['14th of March 2025', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['March 14th 2025', '2025-03-14'],
    ['I got it on 2025-03-14 from a shop', '2025-03-14'],
  ])('"%s" is the single day %s', (text, day) => {
    expect(range(parse(text))).toEqual([day, day]);
  });

  test('an exact day is in the context\'s zone', () => {
    const p = parse('2025-03-14');
    expect(p.kind === 'date' && p.earliest.zoneName).toBe(ZONE);
  });

  test('"03/04/2025" is ambiguous; en-US offers 4 March first, en-GB 3 April first', () => {
    const us = parse('03/04/2025', 'en-US');
    const gb = parse('03/04/2025', 'en-GB');
    if (us.kind !== 'ambiguous' || gb.kind !== 'ambiguous') throw new Error(`expected ambiguous, got ${us.kind} / ${gb.kind}`);
    expect(us.options.map((d) => d.toISODate())).toEqual(['2025-03-04', '2025-04-03']);
    expect(gb.options.map((d) => d.toISODate())).toEqual(['2025-04-03', '2025-03-04']);
  });

  test('with no locale, a numeric date is read day first', () => {
    const p = parse('03/04/2025');
    expect(p.kind === 'ambiguous' && p.options[0].toISODate()).toBe('2025-04-03');
  });

  test('a numeric date that could be read either way, both in the past, stays ambiguous', () => {
    expect(parse('05/06/2026', 'en-GB').kind).toBe('ambiguous');
  });

  // Regression test for a bug the first version had.
  test('"11/12/2026" on 22 November 2026 is 12 November, because 11 December has not happened yet', () => {
    const p = parse('11/12/2026', 'en-GB');
    const days = p.kind === 'date' ? [p.earliest.toISODate(), p.latest.toISODate()] : p.kind === 'ambiguous' ? p.options.map((d) => d.toISODate()) : [];
    expect({ kind: p.kind, days }).toEqual({ kind: 'date', days: ['2026-11-12', '2026-11-12'] });
  });

  test('"March 2025" is the whole month', () => {
    const p = parse('March 2025');
    expect(range(p, "yyyy-MM-dd'T'HH:mm")).toEqual(['2025-03-01T00:00', '2025-03-31T23:59']);
  });

  test('"last March" is March of this year when March is over', () => {
    expect(range(parse('last March'))).toEqual(['2026-03-01', '2026-03-31']);
  });

  test('"last November" in November is a year ago, not this month', () => {
    expect(range(parse('last November'))).toEqual(['2025-11-01', '2025-11-30']);
  });

  test('"in December" (no year) is last December, the latest one already started', () => {
    expect(range(parse('in December'))).toEqual(['2025-12-01', '2025-12-31']);
  });

  test('"last summer" is June to August 2026', () => {
    expect(range(parse('last summer'), "yyyy-MM-dd'T'HH:mm")).toEqual(['2026-06-01T00:00', '2026-08-31T23:59']);
  });

  test('"8 months ago" is around 22 March 2026, give or take about two weeks', () => {
    const [from, to] = range(parse('8 months ago'));
    expect(from < '2026-03-22' && to > '2026-03-22').toBe(true);
    expect(from >= '2026-03-01' && to <= '2026-04-15').toBe(true);
  });

  test('"two years ago" is around 22 November 2024, and never after now', () => {
    const p = parse('two years ago');
    const [from, to] = range(p);
    expect(from < '2024-11-22' && to > '2024-11-22').toBe(true);
    expect(from >= '2024-01-01' && to <= '2025-06-30').toBe(true);
  });

  test('"Christmas 2024" is the weeks up to 25 December 2024', () => {
    const [from, to] = range(parse('Christmas 2024'));
    expect(to).toBe('2024-12-25');
    expect(from >= '2024-11-01' && from < '2024-12-25').toBe(true);
  });

  test('"for Christmas" (no year) in November is last Christmas', () => {
    expect(range(parse('for Christmas'))[1]).toBe('2025-12-25');
  });

  test('"yesterday" is 21 November 2026, the whole day', () => {
    expect(range(parse('yesterday'), "yyyy-MM-dd'T'HH:mm")).toEqual(['2026-11-21T00:00', '2026-11-21T23:59']);
  });

  test('"today" ends now, not at midnight', () => {
    const p = parse('today');
    expect(p.kind === 'date' && p.latest.equals(FIXED_NOW)).toBe(true);
  });

  test('"last year" is the whole of 2025', () => {
    expect(range(parse('last year'))).toEqual(['2025-01-01', '2025-12-31']);
  });

  test('"this year" runs from 1 January to now', () => {
    const p = parse('this year');
    expect(range(p)).toEqual(['2026-01-01', '2026-11-22']);
  });

  test('a bare year is that whole year', () => {
    expect(range(parse('I bought it in 2024'))).toEqual(['2024-01-01', '2024-12-31']);
  });

  test.each([
    ['a year and a half ago', '2025-05-07', '2025-06-06'],
    ['half a year ago', '2026-05-07', '2026-06-06'],
    ['a couple of months ago', '2026-09-07', '2026-10-07'],
    ['couple of months ago', '2026-09-07', '2026-10-07'],
  ])('a fraction or a rough count ("%s") is read as a window around it', (text, from, to) => {
    expect(range(parse(text))).toEqual([from, to]);
  });

  test.each([
    ['early 2025', '2025-01-01', '2025-04-30'],
    ['mid 2024', '2024-05-01', '2024-08-31'],
    ['end of last year', '2025-09-01', '2025-12-31'],
    ['at the start of this year', '2026-01-01', '2026-03-31'],
  ])('part of a year ("%s") is that third of it, not the whole year', (text, from, to) => {
    expect(range(parse(text))).toEqual([from, to]);
  });

  test.each(['2027-01-05', '5 January 2027', 'December 2026', '2027'])('a date after now (%s) is future', (text) => {
    expect(parse(text)).toEqual({ kind: 'future' });
  });

  test.each(['banana', '', 'I do not remember', 'may I ask something'])('"%s" is unknown', (text) => {
    expect(parse(text)).toEqual({ kind: 'unknown' });
  });

  test('an impossible day (31/02/2025) is not a date in February', () => {
    const p = parse('31/02/2025');
    expect(p.kind === 'date' && p.earliest.month === 2 && p.earliest.year === 2025 && p.earliest.day === p.latest.day).toBe(false);
  });

  test('another clock and zone move relative dates with it', () => {
    const now = DateTime.fromISO('2025-01-01T00:30:00', { zone: 'Asia/Tokyo' });
    const p = parsePurchaseDate('yesterday', { now });
    expect(p.kind === 'date' && [p.earliest.toISO(), p.earliest.zoneName]).toEqual(['2024-12-31T00:00:00.000+09:00', 'Asia/Tokyo']);
  });
});
