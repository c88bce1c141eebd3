/** What a load phase measured: throughput, turn latency percentiles and what went wrong. */
export interface LoadSummary {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p99 of POST sent → POST answered (ms). */
  answeredP99: number;
  /** Non-2xx answers, failed requests and error lines in the bot's log. */
  errors: number;
  /** The errors by kind, e.g. { "HTTP 408": 2 }. */
  errorKinds: Record<string, number>;
  /** Turns that got no reply at all. */
  lost: number;
  /** Replies the connector received for the counted turns. */
  replies: number;
  /** Turns with a reply that arrived after the bot had answered the POST (expected: none). */
  repliesAfterAnswer: number;
  /** CPU time over wall time while counting, in cores: the bot process and this load generator. */
  botCpu: number;
  loadGeneratorCpu: number;
}

export type PhaseCounts = Omit<LoadSummary, 'turns' | 'turnsPerSecond' | 'p50' | 'p95' | 'p99' | 'max' | 'answeredP99'>;

/** Percentiles by the nearest-rank method over the turn latencies and the times to the POST's answer (ms). */
export function summarise(latencies: number[], counts: PhaseCounts, answered: number[]): LoadSummary {
  const sorted = Float64Array.from(latencies).sort();
  return {
    ...counts,
    answeredP99: percentile(Float64Array.from(answered).sort(), 0.99),
    turns: sorted.length,
    turnsPerSecond: counts.seconds > 0 ? sorted.length / counts.seconds : 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
  };
}

/** The smallest value with at least `q` of all values at or below it (0 for no values). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The middle value, or the mean of the two middle values (NaN for no values). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
}
