/** One memory sample of the soak run, taken after a full GC in the bot process. */
export interface TrendSample {
  minute: number;
  heapUsed: number;
  rss: number;
}

/** Least-squares slope of y over x; 0 with fewer than two distinct x. */
export function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Growth in KB per minute of heap and RSS over the samples from `fromMinute` on (the start is warm-up). */
export function growthKbPerMinute(samples: readonly TrendSample[], fromMinute = 0): { heap: number; rss: number } {
  const kept = samples.filter((s) => s.minute >= fromMinute);
  return {
    heap: slope(kept.map((s) => [s.minute, s.heapUsed / 1024])),
    rss: slope(kept.map((s) => [s.minute, s.rss / 1024])),
  };
}
