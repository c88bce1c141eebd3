import { TokenBuckets, type Admission } from '../../src/limits/tokenBucket';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = () => now;
  const takes = (buckets: TokenBuckets, key: string, n: number): Admission[] => Array.from({ length: n }, () => buckets.take(key));

  beforeEach(() => {
    now = 1_000_000;
  });

  test('a burst is allowed, the first event over it is refused, the rest are dropped', () => {
    const buckets = new TokenBuckets({ burst: 3, perSecond: 1 }, clock);
    expect(takes(buckets, 'a', 6)).toEqual(['allow', 'allow', 'allow', 'refuse', 'drop', 'drop']);
  });

  test('tokens come back at the steady rate, and a new flood is refused once again', () => {
    const buckets = new TokenBuckets({ burst: 2, perSecond: 0.5 }, clock);
    expect(takes(buckets, 'a', 4)).toEqual(['allow', 'allow', 'refuse', 'drop']);
    now += 1999;
    expect(buckets.take('a')).toBe('drop');
    now += 1;
    expect(takes(buckets, 'a', 3)).toEqual(['allow', 'refuse', 'drop']);
    now += 60_000;
    expect(takes(buckets, 'a', 3)).toEqual(['allow', 'allow', 'refuse']);
  });

  test('keys do not share tokens', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1 }, clock);
    expect(takes(buckets, 'a', 2)).toEqual(['allow', 'refuse']);
    expect(takes(buckets, 'b', 2)).toEqual(['allow', 'refuse']);
  });

  test('a clock that steps back refills nothing', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1 }, clock);
    expect(buckets.take('a')).toBe('allow');
    now -= 3_600_000;
    expect(buckets.take('a')).toBe('refuse');
  });

  test('buckets idle long enough to be full again are forgotten', () => {
    const buckets = new TokenBuckets({ burst: 4, perSecond: 2 }, clock);
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    expect(buckets.size).toBe(3);
    now += 1999;
    buckets.take('c');
    expect(buckets.size).toBe(3);
    now += 1;
    buckets.take('d');
    // a and b were last seen 2 s ago (4 tokens at 2 a second): full again, so forgotten; c was seen since.
    expect(buckets.size).toBe(2);
  });

  test('memory is capped: the least recently seen key goes first, and a flood on many keys stays within the cap', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 0.001, maxKeys: 3 }, clock);
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a');
    buckets.take('d');
    expect(buckets.size).toBe(3);
    // b was least recently seen: forgotten, so it starts again with a full bucket; a still owes.
    expect(buckets.take('b')).toBe('allow');
    expect(buckets.take('a')).toBe('drop');
    for (let i = 0; i < 10_000; i += 1) buckets.take(`flood-${i}`);
    expect(buckets.size).toBe(3);
  });

  test.each([
    [{ burst: 0, perSecond: 1 }],
    [{ burst: 1, perSecond: 0 }],
    [{ burst: 1, perSecond: 1, maxKeys: 0 }],
    [{ burst: Number.NaN, perSecond: 1 }],
  ])('refuses settings that would block everything or nothing: %j', (settings) => {
    expect(() => new TokenBuckets(settings, clock)).toThrow(/burst >= 1/);
  });
});
