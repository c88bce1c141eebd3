import { DateTime } from 'luxon';
import * as openingHours from '../../src/hours/openingHours';
import { isValidZone, openState } from '../../src/hours/openingHours';
import type { Hours } from '../../src/knowledge/schema';
import { testCore } from '../helpers/testCore';

const NY = 'America/New_York';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: NY });
const weekdays: Hours = {
  timezone: NY,
  week: { mon: '08:00-20:00', tue: '08:00-20:00', wed: '08:00-20:00', thu: '08:00-20:00', fri: '08:00-20:00' },
};
const iso = (d: DateTime | undefined) => d?.setZone(NY).toISO({ suppressMilliseconds: true, suppressSeconds: true });

describe('openState for Mon–Fri 08:00–20:00 New York', () => {
  test('open on a Wednesday afternoon, until 20:00 that day', () => {
    const s = openState(weekdays, ny('2026-11-18T15:00'));
    expect(s.open).toBe(true);
    expect(s.open && iso(s.closesAt)).toBe('2026-11-18T20:00-05:00');
  });

  test('closed on a Wednesday evening, opens Thursday 08:00', () => {
    const s = openState(weekdays, ny('2026-11-18T21:30'));
    expect(s.open).toBe(false);
    expect(!s.open && iso(s.opensAt)).toBe('2026-11-19T08:00-05:00');
  });

  test('closed early on a weekday morning, opens at 08:00 the same day', () => {
    const s = openState(weekdays, ny('2026-11-18T07:59'));
    expect(!s.open && iso(s.opensAt)).toBe('2026-11-18T08:00-05:00');
  });

  test('08:00 is open and 20:00 is closed', () => {
    expect(openState(weekdays, ny('2026-11-18T08:00')).open).toBe(true);
    const closing = openState(weekdays, ny('2026-11-20T20:00'));
    expect(!closing.open && iso(closing.opensAt)).toBe('2026-11-23T08:00-05:00');
  });

  test('closed on Saturday, opens Monday 08:00', () => {
    const s = openState(weekdays, ny('2026-11-21T12:00'));
    expect(!s.open && iso(s.opensAt)).toBe('2026-11-23T08:00-05:00');
  });

  test('an instant given in another zone is judged in the contact\'s zone', () => {
    // Sunday 10:00 London is Sunday 05:00 in New York.
    const s = openState(weekdays, DateTime.fromISO('2026-11-22T10:00', { zone: 'Europe/London' }));
    expect(!s.open && iso(s.opensAt)).toBe('2026-11-23T08:00-05:00');
    // Monday 13:30 London is Monday 08:30 in New York.
    expect(openState(weekdays, DateTime.fromISO('2026-11-23T13:30', { zone: 'Europe/London' })).open).toBe(true);
  });

  test('opening hours follow the local clock across a DST change', () => {
    // US clocks go back on 1 November 2026: Monday 2 November opens at 08:00 EST (13:00 UTC).
    const s = openState(weekdays, DateTime.fromISO('2026-10-31T12:00', { zone: NY }));
    expect(!s.open && s.opensAt?.toUTC().toISO()).toBe('2026-11-02T13:00:00.000Z');
  });

  test('00:00-24:00 every day is always open', () => {
    const always: Hours = {
      timezone: NY,
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, '00:00-24:00'])),
    };
    for (const t of ['2026-11-22T00:00', '2026-11-22T03:17', '2026-11-21T23:59', '2026-11-18T12:00']) {
      const s = openState(always, ny(t));
      expect({ t, open: s.open }).toEqual({ t, open: true });
      expect(s.open && s.closesAt > ny(t)).toBe(true);
    }
  });

  test('a contact with no open day never opens', () => {
    expect(openState({ timezone: NY, week: {} }, ny('2026-11-18T12:00'))).toEqual({ open: false });
  });

  test('isValidZone', () => {
    expect(isValidZone('Asia/Tokyo')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('ContactFormatter.hours in the person\'s own zone', () => {
  const core = testCore();

  test('"open until" shows the closing time in the user\'s zone when it differs from the contact\'s', () => {
    const now = ny('2026-11-18T15:00');
    const theirs = core.contacts.hours(weekdays, now);
    const mine = core.contacts.hours(weekdays, now, 'Asia/Tokyo');
    // 20:00 in New York is 10:00 the next morning in Tokyo.
    expect(theirs).toContain('8:00 PM');
    expect(theirs).toContain(NY);
    expect(mine).toContain('10:00 AM');
    expect(mine).toContain(core.wording.say('hours.your_time'));
    expect(mine).not.toContain('8:00 PM');
  });

  test('"opens" names the day as seen in the user\'s zone', () => {
    // Wednesday 21:30 in New York is Thursday 11:30 in Tokyo; Thursday 08:00 NY is Thursday 22:00 Tokyo.
    const now = ny('2026-11-18T21:30');
    const theirs = core.contacts.hours(weekdays, now);
    const mine = core.contacts.hours(weekdays, now, 'Asia/Tokyo');
    expect(theirs).toContain(core.wording.say('hours.tomorrow'));
    expect(theirs).toContain('8:00 AM');
    expect(mine).toContain(core.wording.say('hours.today'));
    expect(mine).toContain('10:00 PM');
  });

  test('"opens" further ahead names the weekday', () => {
    const mine = core.contacts.hours(weekdays, ny('2026-11-21T12:00'), 'Europe/London');
    expect(mine).toContain('Monday');
    expect(mine).toContain('1:00 PM');
  });

  test('a contact open round the clock says so instead of "open until midnight"', () => {
    const allDay = '00:00-24:00';
    const always = { timezone: NY, week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } };
    const text = core.contacts.hours(always, ny('2026-11-18T22:00'), 'Asia/Tokyo');
    expect(text).toBe(core.wording.say('hours.always_open'));
    expect(text).not.toMatch(/until|opens/i);
    // Six days round the clock is not always open.
    const { sun: _sun, ...sixDays } = always.week;
    expect(core.contacts.hours({ timezone: NY, week: sixDays }, ny('2026-11-18T22:00'), 'Asia/Tokyo')).not.toBe(core.wording.say('hours.always_open'));
  });

  test('a contact that never opens says closed', () => {
    expect(core.contacts.hours({ timezone: NY, week: {} }, ny('2026-11-18T12:00'), 'Asia/Tokyo')).toBe(core.wording.say('hours.closed'));
  });

  test('worked out once a minute per contact and zone, and right on each side of opening time', () => {
    const spy = jest.spyOn(openingHours, 'openState');
    try {
      const before = core.contacts.hours(weekdays, ny('2026-11-18T07:59:00'));
      expect(core.contacts.hours(weekdays, ny('2026-11-18T07:59:59.999'))).toBe(before);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(before).toContain(core.wording.say('hours.today'));
      // Another zone is its own text; the next minute is worked out again, and the contact is open.
      expect(core.contacts.hours(weekdays, ny('2026-11-18T07:59:30'), 'Asia/Tokyo')).toContain('10:00 PM');
      expect(spy).toHaveBeenCalledTimes(2);
      const after = core.contacts.hours(weekdays, ny('2026-11-18T08:00:00'));
      expect(spy).toHaveBeenCalledTimes(3);
      expect(after).toContain('8:00 PM');
      expect(after).not.toBe(before);
    } finally {
      spy.mockRestore();
    }
  });
});
