import { DateTime, type DurationLikeObject } from 'luxon';
import { normalise } from '../nlu/normalise';

/** When something was bought: an exact day, or a range when the person was vague ("last summer"). */
export type PurchaseDate =
  | { kind: 'date'; earliest: DateTime; latest: DateTime }
  | { kind: 'ambiguous'; options: [DateTime, DateTime] }
  | { kind: 'future' }
  | { kind: 'unknown' };

export interface DateContext {
  now: DateTime;
  /** BCP-47 locale of the channel; decides which reading of 03/04/2025 is offered first. */
  locale?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = `(${Object.keys(MONTHS).join('|')})\\.?`;
const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, 'a couple of': 2, 'couple of': 2, couple: 2, 'a few': 3, few: 3,
};
// Fractions people say, as whole units the "ago" reader understands.
const FRACTIONS: [RegExp, string][] = [
  [/\ba year and a half\b/, '18 months'], [/\bone and a half years?\b/, '18 months'], [/\bhalf a year\b/, '6 months'],
  [/\ba month and a half\b/, '6 weeks'], [/\btwo and a half years?\b/, '30 months'],
];
// "early 2025", "end of last year": a third of the year rather than all of it.
const YEAR_PARTS: Record<string, [number, number]> = {
  early: [1, 4], 'start of': [1, 3], 'beginning of': [1, 3], mid: [5, 8], 'middle of': [5, 8],
  late: [9, 12], 'end of': [9, 12],
};
const COUNT = `(\\d{1,3}|${Object.keys(COUNT_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
// How far off a "N units ago" answer may be, by unit.
const SLACK: Record<string, DurationLikeObject> = { day: {}, week: { days: 3 }, month: { days: 15 }, year: { months: 6 } };

type Parser = (text: string, ctx: DateContext) => PurchaseDate | undefined;

/**
 * Reads a purchase date the way people write it: 2025-03-14, 14/03/2025, March 2025, 14 March 2025,
 * last March, last summer, Christmas 2024, 8 months ago, two years ago, a year and a half ago,
 * early 2025, end of last year, yesterday, last year.
 */
export function parsePurchaseDate(input: string, ctx: DateContext): PurchaseDate {
  const text = FRACTIONS.reduce((t, [pattern, words]) => t.replace(pattern, words),
    normalise(input).replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/,/g, ' ').replace(/\s+/g, ' '));
  for (const parse of PARSERS) {
    const result = parse(text, ctx);
    if (result) return clampToNow(result, ctx.now);
  }
  return { kind: 'unknown' };
}

const iso: Parser = (t, ctx) => {
  const m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(t);
  return m ? day(+m[1], +m[2], +m[3], ctx) : undefined;
};

const numeric: Parser = (t, ctx) => {
  const m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(t);
  if (!m) return undefined;
  const [a, b] = [+m[1], +m[2]];
  const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
  if (a > 12) return day(year, b, a, ctx);
  if (b > 12 || a === b) return day(year, a, b, ctx);
  const dayFirst = DateTime.fromObject({ year, month: b, day: a }, { zone: ctx.now.zone });
  const monthFirst = DateTime.fromObject({ year, month: a, day: b }, { zone: ctx.now.zone });
  // A reading in the future cannot be a purchase date; the other one is meant.
  if (dayFirst > ctx.now !== monthFirst > ctx.now) {
    const past = dayFirst > ctx.now ? monthFirst : dayFirst;
    return { kind: 'date', earliest: past, latest: past };
  }
  const options: [DateTime, DateTime] = prefersMonthFirst(ctx.locale) ? [monthFirst, dayFirst] : [dayFirst, monthFirst];
  return { kind: 'ambiguous', options };
};

const dayMonthYear: Parser = (t, ctx) => {
  const m = new RegExp(`\\b(\\d{1,2}) (?:of )?${MONTH} (\\d{4})\\b`).exec(t);
  if (m) return day(+m[3], MONTHS[m[2]], +m[1], ctx);
  const n = new RegExp(`\\b${MONTH} (\\d{1,2}) (\\d{4})\\b`).exec(t);
  return n ? day(+n[3], MONTHS[n[1]], +n[2], ctx) : undefined;
};

const monthYear: Parser = (t, ctx) => {
  const m = new RegExp(`\\b${MONTH} (?:of )?(\\d{4})\\b`).exec(t);
  return m ? span(DateTime.fromObject({ year: +m[2], month: MONTHS[m[1]] }, { zone: ctx.now.zone }), 'month') : undefined;
};

const holiday: Parser = (t, ctx) => {
  const m = /\b(last |this )?(christmas|xmas|black friday)(?: (\d{4}))?\b/.exec(t);
  if (!m) return undefined;
  const dateIn = (year: number) => (m[2] === 'black friday' ? blackFriday(year, ctx) : DateTime.fromObject({ year, month: 12, day: 25 }, { zone: ctx.now.zone }));
  let year = m[3] ? +m[3] : ctx.now.year;
  if (!m[3] && dateIn(year) > ctx.now) year -= 1;
  const date = dateIn(year);
  // A Christmas present is bought some time in the weeks before.
  return m[2] === 'black friday' ? { kind: 'date', earliest: date, latest: date } : { kind: 'date', earliest: date.minus({ days: 30 }), latest: date };
};

const season: Parser = (t, ctx) => {
  const m = /\b(last |this |in )?(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?\b/.exec(t);
  if (!m) return undefined;
  const startIn = (year: number) => DateTime.fromObject({ year, month: SEASONS[m[2]] }, { zone: ctx.now.zone }).startOf('month');
  let year = m[3] ? +m[3] : ctx.now.year;
  if (!m[3]) {
    // "last summer" is the latest summer that is over; "this summer" may still be running.
    while (m[1] === 'last ' ? startIn(year).plus({ months: 3 }) > ctx.now : startIn(year) > ctx.now) year -= 1;
  }
  const start = startIn(year);
  return { kind: 'date', earliest: start, latest: start.plus({ months: 3 }).minus({ days: 1 }).endOf('day') };
};

const namedMonth: Parser = (t, ctx) => {
  const m = new RegExp(`\\b(last |this |in |on |back in )?${MONTH}\\b`).exec(t);
  if (!m || (m[2] === 'may' && !m[1])) return undefined; // a bare "may" is usually the verb
  let start = DateTime.fromObject({ year: ctx.now.year, month: MONTHS[m[2]] }, { zone: ctx.now.zone });
  if (start > ctx.now || (m[1] === 'last ' && start.month === ctx.now.month)) start = start.minus({ years: 1 });
  return span(start, 'month');
};

const ago: Parser = (t, ctx) => {
  const m = new RegExp(`\\b${COUNT} (day|week|month|year)s? ago\\b`).exec(t);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]) ? +m[1] : COUNT_WORDS[m[1]];
  const unit = m[2];
  const centre = ctx.now.minus({ [`${unit}s`]: n }).startOf('day');
  return { kind: 'date', earliest: centre.minus(SLACK[unit]), latest: centre.plus(SLACK[unit]).endOf('day') };
};

const relative: Parser = (t, ctx) => {
  const now = ctx.now;
  if (/\b(today|this morning|earlier today)\b/.test(t)) return span(now, 'day');
  if (/\byesterday\b/.test(t)) return span(now.minus({ days: 1 }), 'day');
  if (/\blast week\b/.test(t)) return span(now.minus({ weeks: 1 }), 'week');
  if (/\blast month\b/.test(t)) return span(now.minus({ months: 1 }), 'month');
  if (/\blast year\b/.test(t)) return span(now.minus({ years: 1 }), 'year');
  if (/\bthis year\b/.test(t)) return span(now, 'year');
  const y = /\b(?:in |back in |during )?((?:19|20)\d\d)\b/.exec(t);
  return y ? span(DateTime.fromObject({ year: +y[1] }, { zone: now.zone }), 'year') : undefined;
};

const yearPart: Parser = (t, ctx) => {
  const parts = Object.keys(YEAR_PARTS).join('|');
  const m = new RegExp(`\\b(${parts})(?: of)? (last year|this year|(?:19|20)\\d\\d)\\b`).exec(t);
  if (!m) return undefined;
  const year = m[2] === 'last year' ? ctx.now.year - 1 : m[2] === 'this year' ? ctx.now.year : +m[2];
  const [from, to] = YEAR_PARTS[m[1]];
  const start = DateTime.fromObject({ year, month: from }, { zone: ctx.now.zone });
  return { kind: 'date', earliest: start, latest: start.set({ month: to }).endOf('month') };
};

// Most specific first: a full date beats a month, a month beats a bare year.
const PARSERS: Parser[] = [iso, numeric, dayMonthYear, monthYear, holiday, season, ago, namedMonth, yearPart, relative];

function day(year: number, month: number, dayOfMonth: number, ctx: DateContext): PurchaseDate | undefined {
  const d = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: ctx.now.zone });
  return d.isValid ? { kind: 'date', earliest: d, latest: d } : undefined;
}

function span(d: DateTime, unit: 'day' | 'week' | 'month' | 'year'): PurchaseDate {
  return { kind: 'date', earliest: d.startOf(unit), latest: d.endOf(unit) };
}

function clampToNow(p: PurchaseDate, now: DateTime): PurchaseDate {
  if (p.kind !== 'date') return p;
  if (p.earliest > now) return { kind: 'future' };
  return p.latest > now ? { ...p, latest: now } : p;
}

function blackFriday(year: number, ctx: DateContext): DateTime {
  // The day after the fourth Thursday of November.
  const first = DateTime.fromObject({ year, month: 11, day: 1 }, { zone: ctx.now.zone });
  const firstThursday = first.plus({ days: (4 - first.weekday + 7) % 7 });
  return firstThursday.plus({ weeks: 3, days: 1 });
}

function prefersMonthFirst(locale?: string): boolean {
  return /^en-(us|ph)|^en$/i.test(locale ?? '') || /-(us|ph|fm|pw|mh)$/i.test(locale ?? '');
}
