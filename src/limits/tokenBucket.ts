/** How fast each key may go: `burst` at once, then `perSecond` on average. */
export interface RateSettings {
  burst: number;
  perSecond: number;
  /** At most this many keys are remembered (default 10,000); the least recently seen go first. */
  maxKeys?: number;
}

const MAX_KEYS = 10_000;

/**
 * What to do with one event: `allow` it; `refuse` the first one over the limit (worth telling the
 * sender once); `drop` the rest until the key has tokens again.
 */
export type Admission = 'allow' | 'refuse' | 'drop';

interface Bucket {
  tokens: number;
  at: number;
  /** The sender was told once already in this run of refusals. */
  refused: boolean;
}

/**
 * A token bucket per key (e.g. per conversation) with bounded memory. A bucket that has refilled
 * is the same as a new one, so it is forgotten once idle that long; the map is kept in
 * least-recently-seen order, so eviction looks only at its front.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillMs: number;
  private readonly maxKeys: number;

  constructor(private readonly settings: RateSettings, private readonly clock: () => number = Date.now) {
    this.maxKeys = settings.maxKeys ?? MAX_KEYS;
    if (!(settings.burst >= 1) || !(settings.perSecond > 0) || !(this.maxKeys >= 1)) {
      throw new Error('TokenBuckets needs burst >= 1, perSecond > 0 and maxKeys >= 1');
    }
    this.refillMs = (settings.burst / settings.perSecond) * 1000;
  }

  take(key: string): Admission {
    const now = this.clock();
    this.evictIdle(now);
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return 'allow';
    }
    if (bucket.refused) return 'drop';
    bucket.refused = true;
    return 'refuse';
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const old = this.buckets.get(key);
    this.buckets.delete(key);
    // A clock that steps back (a simulated day, an NTP correction) refills nothing.
    const elapsed = old ? Math.max(0, now - old.at) : 0;
    const bucket = old
      ? { tokens: Math.min(this.settings.burst, old.tokens + (elapsed / 1000) * this.settings.perSecond), at: now, refused: old.refused }
      : { tokens: this.settings.burst, at: now, refused: false };
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return bucket;
  }

  private evictIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.refillMs) return;
      this.buckets.delete(key);
    }
  }
}
