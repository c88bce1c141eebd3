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
  constructor(private readonly inner: EventLog) {}
  append(events: SupportEvent[]): Promise<void> {
    return this.inner.append(events);
  }
  async read(range?: EventRange): Promise<SupportEvent[]> {
    this.reads.push(range ?? {});
    await new Promise<void>((resolve) => this.release.push(resolve));
    return this.inner.read(range);
  }
  finishReads(): void {
    this.release.splice(0).forEach((r) => r());
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
    slow.finishReads();
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

  test('only fixes tried within the window count', async () => {
    await log.append([outcome('2026-08-01T09:00:00.000Z', 'battery', 'not_fixed')]);
    const stats = new FixStats(log, { clock, windowDays: 30 });
    await stats.refresh();
    expect(stats.rates('sw').get('battery')).toMatchObject({ tried: 1, fixed: 1 });
  });
});
