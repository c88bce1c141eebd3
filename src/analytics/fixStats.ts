import { DateTime } from 'luxon';
import type { FixRates, FixRatesSource } from '../flow/fixOrder';
import type { EventLog } from './eventLog';
import type { SupportEvent } from './supportEvent';
import { addTallies, fixTallies, type FixTallies } from './fixTallies';

export interface FixStatsOptions {
  /** Numbers older than this are read again on next use, in the background. Default 5 minutes. */
  refreshMs?: number;
  /** Only fixes tried this recently count. Default 90 days. */
  windowDays?: number;
  /** Wall-clock milliseconds; tests pass a fake one. */
  clock?: () => number;
  onError?: (err: unknown) => void;
}

const EMPTY: FixRates = new Map();
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
// The only events read: the rest of the log (messages, steps) is most of it and is never parsed here.
const FIX_OUTCOMES = ['fix_outcome'] as const;
// An event reaches the log when its turn ends, seconds after its time; one this late is still counted.
const LATE_MS = 10 * 60 * 1000;

/**
 * Fix success rates measured from the event log, for flows whose fixOrder follows the data. A turn
 * never waits for the backend: `rates` answers from the last numbers read and, when they are older
 * than `refreshMs`, starts one read in the background.
 *
 * The whole window (90 days of events) is read once; after that a refresh reads only the hours
 * since the last read, kept as tallies per hour, and the part of the oldest hour still in the window.
 */
export class FixStats implements FixRatesSource {
  private tallies: FixTallies = new Map();
  /** Tallies of whole hours, by the hour's start (ms), from the end of the oldest hour on. */
  private hours = new Map<number, FixTallies>();
  /** When the last successful read started. */
  private lastRead?: number;
  private readAt = -Infinity;
  private reading?: Promise<void>;
  private readonly refreshMs: number;
  private readonly clock: () => number;

  constructor(private readonly log: EventLog, private readonly options: FixStatsOptions = {}) {
    this.refreshMs = options.refreshMs ?? 5 * 60 * 1000;
    this.clock = options.clock ?? Date.now;
  }

  rates(flowId: string): FixRates {
    if (this.clock() - this.readAt >= this.refreshMs) void this.refresh();
    return this.tallies.get(flowId) ?? EMPTY;
  }

  /** Reads the numbers again (one read at a time). Never rejects: errors go to onError. */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<void> {
    const started = this.clock();
    try {
      const windowStart = started - (this.options.windowDays ?? 90) * DAY_MS;
      const firstWholeHour = Math.ceil(windowStart / HOUR_MS) * HOUR_MS;
      // Hours read before are read again from a little before the last read, for events that came late.
      const recentFrom = Math.max(firstWholeHour, this.lastRead === undefined ? -Infinity : floorHour(this.lastRead - LATE_MS));
      const { oldest, recent } = await this.readSpans(windowStart, firstWholeHour, recentFrom);
      this.keepHours(firstWholeHour, recentFrom, recent);
      this.tallies = addTallies([fixTallies(oldest), ...[...this.hours].sort(([a], [b]) => a - b).map(([, t]) => t)]);
      this.lastRead = started;
    } catch (err) {
      this.options.onError?.(err);
    } finally {
      // A failed read waits for the next refresh too, so a backend that is down is not asked every turn.
      this.readAt = started;
    }
  }

  // The part of the oldest hour still in the window, and the events from recentFrom on: one read
  // when they meet (the first read), else two.
  private async readSpans(windowStart: number, firstWholeHour: number, recentFrom: number) {
    if (recentFrom <= firstWholeHour) {
      const events = await this.log.read({ since: iso(windowStart), types: FIX_OUTCOMES });
      const split = events.findIndex((e) => Date.parse(e.at) >= firstWholeHour);
      return split < 0 ? { oldest: events, recent: [] } : { oldest: events.slice(0, split), recent: events.slice(split) };
    }
    const oldest = windowStart < firstWholeHour ? await this.log.read({ since: iso(windowStart), until: iso(firstWholeHour - 1), types: FIX_OUTCOMES }) : [];
    return { oldest, recent: await this.log.read({ since: iso(recentFrom), types: FIX_OUTCOMES }) };
  }

  // Hours before the window's first whole hour are left to the read of the oldest part; hours from
  // recentFrom on are replaced by what was just read.
  private keepHours(firstWholeHour: number, recentFrom: number, recent: readonly SupportEvent[]): void {
    for (const hour of this.hours.keys()) if (hour < firstWholeHour || hour >= recentFrom) this.hours.delete(hour);
    const byHour = new Map<number, SupportEvent[]>();
    for (const e of recent) {
      const hour = floorHour(Date.parse(e.at));
      const events = byHour.get(hour);
      if (events) events.push(e);
      else byHour.set(hour, [e]);
    }
    for (const [hour, events] of byHour) this.hours.set(hour, fixTallies(events));
  }
}

function floorHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

function iso(ms: number): string {
  return DateTime.fromMillis(ms).toUTC().toISO()!;
}
