import type { EventLog, EventRange } from '../../src/analytics/eventLog';
import { FixStats } from '../../src/analytics/fixStats';
import type { SupportEvent } from '../../src/analytics/supportEvent';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

function outcome(at: string, fix: string, o: 'fixed' | 'not_fixed'): SupportEvent {
  return { at, conversation: `c-${at}`, channel: 'webchat', type: 'fix_outcome', flow: 'sw', fix, outcome: o };
}

/** An event log whose reads wait until the test lets them finish, and which counts them. */
class SlowLog implements EventLog {
  reads: EventRange[] = [];
  private release: (() => void)[] = [];
  private opened = false;
  constructor(private readonly inner: EventLog) {}
  append(events: SupportEvent[]): Promise<void> {
    return this.inner.append(events);
  }
  async read(range?: EventRange): Promise<SupportEvent[]> {
    this.reads.push(range ?? {});
    if (!this.opened) await new Promise<void>((resolve) => this.release.push(resolve));
    return this.inner.read(range);
  }
  finishReads(): void {
    this.release.splice(0).forEach((r) => r());
  }
  /** Lets every read finish, those still to come too: a refresh may read in two parts. */
  open(): void {
    this.opened = true;
    this.finishReads();
  }
}

describe('FixStats: measured fix rates for data-driven fix order', () => {
  let now = NOW;
  const clock = () => now;
  let log: MemoryEventLog;
  beforeEach(async () => {
    now = NOW;
    log = new MemoryEventLog();
    await log.append([
      outcome('2026-11-23T09:00:00.000Z', 'restart', 'fixed'),
      outcome('2026-11-23T09:05:00.000Z', 'restart', 'not_fixed'),
      outcome('2026-11-23T09:10:00.000Z', 'battery', 'fixed'),
    ]);
  });

  test('reads tallies per flow and fix from the log', async () => {
    const stats = new FixStats(log, { clock });
    await stats.refresh();
    expect(Object.fromEntries(stats.rates('sw'))).toEqual({
      restart: { tried: 2, fixed: 1, skipped: 0, already: 0, declined: 0 },
      battery: { tried: 1, fixed: 1, skipped: 0, already: 0, declined: 0 },
    });
    expect(stats.rates('no-such-flow').size).toBe(0);
  });

  test('a turn never waits: the first call answers "nothing measured" and starts a read', async () => {
    const slow = new SlowLog(log);
    const stats = new FixStats(slow, { clock });
    expect(stats.rates('sw').size).toBe(0);
    expect(slow.reads).toHaveLength(1);
    slow.finishReads();
    await stats.refresh();
    expect(stats.rates('sw').get('restart')).toMatchObject({ tried: 2, fixed: 1 });
  });

  test('reads at most once per refresh interval, and one read at a time', async () => {
    const slow = new SlowLog(log);
    const stats = new FixStats(slow, { clock, refreshMs: 5 * MINUTE });
    stats.rates('sw');
    stats.rates('sw');
    expect(slow.reads).toHaveLength(1);
    slow.finishReads();
    await stats.refresh();
    now += 4 * MINUTE;
    stats.rates('sw');
    expect(slow.reads).toHaveLength(1);
    now += 1 * MINUTE;
    stats.rates('sw');
    expect(slow.reads).toHaveLength(2);
  });

  test('while a refresh is slow, the last known numbers are used', async () => {
    const slow = new SlowLog(log);
    const stats = new FixStats(slow, { clock, refreshMs: MINUTE });
    const first = stats.refresh();
    slow.finishReads();
    await first;
    await log.append([outcome('2026-11-23T11:00:00.000Z', 'restart', 'fixed')]);
    now += 2 * MINUTE;
    expect(stats.rates('sw').get('restart')).toMatchObject({ tried: 2, fixed: 1 });
    slow.open();
    await stats.refresh();
    expect(stats.rates('sw').get('restart')).toMatchObject({ tried: 3, fixed: 2 });
  });

  test('a failing backend keeps the last numbers and reports the error', async () => {
    const errors: unknown[] = [];
    let broken = false;
    const flaky: EventLog = { append: (e) => log.append(e), read: (r) => (broken ? Promise.reject(new Error('down')) : log.read(r)) };
    const stats = new FixStats(flaky, { clock, refreshMs: MINUTE, onError: (e) => errors.push(e) });
    await stats.refresh();
    broken = true;
    now += 2 * MINUTE;
    await stats.refresh();
    expect(errors).toEqual([new Error('down')]);
    expect(stats.rates('sw').get('battery')).toMatchObject({ tried: 1, fixed: 1 });
  });

  test('after the first read a refresh reads only the last hours and the edge of the window, and counts what it knew', async () => {
    const counting = new SlowLog(log);
    counting.open();
    const stats = new FixStats(counting, { clock, refreshMs: MINUTE });
    await stats.refresh();
    // Fix outcomes only: the log's messages and steps, most of it, are never read.
    const types = ['fix_outcome'];
    expect(counting.reads).toEqual([{ since: '2026-08-25T12:00:00.000Z', types }]);
    await log.append([outcome('2026-11-23T12:30:00.000Z', 'restart', 'fixed')]);
    now += 45 * MINUTE;
    await stats.refresh();
    // 11:00 is the hour of the last read less ten minutes, for events that reach the log late.
    expect(counting.reads.slice(1)).toEqual([
      { since: '2026-08-25T12:45:00.000Z', until: '2026-08-25T12:59:59.999Z', types },
      { since: '2026-11-23T11:00:00.000Z', types },
    ]);
    expect(Object.fromEntries(stats.rates('sw'))).toEqual({
      restart: { tried: 3, fixed: 2, skipped: 0, already: 0, declined: 0 },
      battery: { tried: 1, fixed: 1, skipped: 0, already: 0, declined: 0 },
    });
  });

  test('an event that reaches the log after a read, with a time before it, is counted by the next', async () => {
    const stats = new FixStats(log, { clock, refreshMs: MINUTE });
    await stats.refresh();
    now += 5 * MINUTE;
    await stats.refresh();
    // Its turn ended after the read at 12:05, its time is in the hour before.
    await log.append([outcome('2026-11-23T11:58:00.000Z', 'battery', 'not_fixed')]);
    now += MINUTE;
    await stats.refresh();
    expect(stats.rates('sw').get('battery')).toMatchObject({ tried: 2, fixed: 1 });
    expect(stats.rates('sw').get('restart')).toMatchObject({ tried: 2, fixed: 1 });
  });

  test('events leave the window to the millisecond as time goes on, whole hours and part hours alike', async () => {
    const stats = new FixStats(log, { clock, refreshMs: MINUTE, windowDays: 1 });
    await log.append([outcome('2026-11-22T12:30:00.000Z', 'old', 'fixed'), outcome('2026-11-22T13:45:00.000Z', 'old', 'not_fixed')]);
    await stats.refresh();
    expect(stats.rates('sw').get('old')).toMatchObject({ tried: 2 });
    now = Date.parse('2026-11-23T12:30:00.000Z');
    await stats.refresh();
    expect(stats.rates('sw').get('old')).toMatchObject({ tried: 2 });
    now += 1;
    await stats.refresh();
    expect(stats.rates('sw').get('old')).toMatchObject({ tried: 1, fixed: 0 });
    now = Date.parse('2026-11-23T13:45:00.001Z');
    await stats.refresh();
    expect(stats.rates('sw').get('old')).toBeUndefined();
    expect([...stats.rates('sw').keys()]).toEqual(['restart', 'battery']);
  });

  test('only fixes tried within the window count', async () => {
    await log.append([outcome('2026-08-01T09:00:00.000Z', 'battery', 'not_fixed')]);
    const stats = new FixStats(log, { clock, windowDays: 30 });
    await stats.refresh();
    expect(stats.rates('sw').get('battery')).toMatchObject({ tried: 1, fixed: 1 });
  });
});
