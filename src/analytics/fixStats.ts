import { DateTime } from 'luxon';
import type { FixRates, FixRatesSource, FixTally } from '../flow/fixOrder';
import type { EventLog } from './eventLog';
import { fixTallies } from './fixTallies';

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

/**
 * Fix success rates measured from the event log, for flows whose fixOrder follows the data. A turn
 * never waits for the backend: `rates` answers from the last numbers read and, when they are older
 * than `refreshMs`, starts one read in the background.
 */
export class FixStats implements FixRatesSource {
  private tallies = new Map<string, Map<string, FixTally>>();
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
      const since = DateTime.fromMillis(started - (this.options.windowDays ?? 90) * DAY_MS).toUTC().toISO()!;
      this.tallies = fixTallies(await this.log.read({ since }));
    } catch (err) {
      this.options.onError?.(err);
    } finally {
      // A failed read waits for the next refresh too, so a backend that is down is not asked every turn.
      this.readAt = started;
    }
  }
}
