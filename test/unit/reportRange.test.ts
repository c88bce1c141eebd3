import { reportRange } from '../../src/analytics/reportRange';

describe('--since / --until for npm run report', () => {
  test('a date-only --until means the end of that day, --since its start, in the given zone', () => {
    expect(reportRange({ since: '2026-11-23', until: '2026-11-23' }, 'Europe/Berlin')).toEqual({
      since: '2026-11-22T23:00:00.000Z',
      until: '2026-11-23T22:59:59.999Z',
    });
  });

  test('a date-time is taken as given; without an offset it is read in the zone', () => {
    expect(reportRange({ since: '2026-11-23T14:30', until: '2026-11-23T18:00:00+01:00' }, 'UTC')).toEqual({
      since: '2026-11-23T14:30:00.000Z',
      until: '2026-11-23T17:00:00.000Z',
    });
  });

  test('either may be left out', () => {
    expect(reportRange({}, 'UTC')).toEqual({});
    expect(reportRange({ until: '2026-06-30' }, 'UTC')).toEqual({ until: '2026-06-30T23:59:59.999Z' });
  });

  test('a value that is no ISO date names the option', () => {
    expect(() => reportRange({ since: 'yesterday' }, 'UTC')).toThrow(/--since: "yesterday" is not an ISO date/);
    expect(() => reportRange({ until: '2026-13-01' }, 'UTC')).toThrow(/--until/);
  });

  test('--since after --until is refused', () => {
    expect(() => reportRange({ since: '2026-11-24', until: '2026-11-23' }, 'UTC')).toThrow(/after --until/);
  });
});
