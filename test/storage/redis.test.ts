import { Redis } from 'ioredis';
import { RedisEventLog } from '../../src/storage/redisEventLog';
import { RedisStorage } from '../../src/storage/redisStorage';
import { redactRedisUrl } from '../../src/storage/redisUrl';
import { describeEventLogContract, eventAt } from './eventLogContract';
import { describeStorageContract } from './storageContract';

describe('the Redis URL in the start-up log', () => {
  test.each([
    ['redis://:s3cret@cache.example.com:6380/2', 'redis://:***@cache.example.com:6380/2'],
    ['rediss://bot:s3cret@cache.example.com:6380', 'rediss://bot:***@cache.example.com:6380'],
    ['redis://127.0.0.1:6379?password=s3cret&db=1', 'redis://127.0.0.1:6379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['bot:s3cret@cache.example.com:6380', '(URL not shown)'],
    ['not a url s3cret', '(URL not shown)'],
  ])('%s is shown as %s', (url, shown) => {
    expect(redactRedisUrl(url)).toBe(shown);
  });
});

const url = process.env.REDIS_URL;

if (!url) {
  console.info('Redis storage tests not run: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379 npx jest test/storage/redis.test.ts).');
} else {
  const runPrefix = `test:storage:${process.pid}:${Date.now()}:`;
  let backends = 0;

  /** Each client is its own connection, as a second bot process would have; close() removes the keys. */
  const onOneServer = <T>(make: (redis: Redis, prefix: string) => T) => async () => {
    const prefix = `${runPrefix}${++backends}:`;
    const connections: Redis[] = [];
    return {
      client: () => {
        const redis = new Redis(url);
        connections.push(redis);
        return make(redis, prefix);
      },
      close: async () => {
        await deleteKeys(connections[0], `${prefix}*`);
        await Promise.all(connections.map((c) => c.quit()));
      },
    };
  };

  describeStorageContract('RedisStorage', onOneServer((redis, prefix) => new RedisStorage(redis, prefix)), { etagOnMissingKey: 'writes', atomicWrite: true });
  describeEventLogContract('RedisEventLog', onOneServer((redis, prefix) => new RedisEventLog(redis, prefix)));

  describe('Redis keys', () => {
    let redis: Redis;
    beforeAll(() => (redis = new Redis(url)));
    afterAll(async () => {
      await deleteKeys(redis, `${runPrefix}*`);
      await redis.quit();
    });

    test('state and events stay under the key prefix, one sorted set per UTC day', async () => {
      const prefix = `${runPrefix}layout:`;
      await new RedisStorage(redis, prefix).write({ 'msteams/conversations/19:abc@thread.v2/': { n: 1 } });
      await new RedisEventLog(redis, prefix).append([eventAt('2026-11-22T23:59:59.999Z'), eventAt('2026-11-23T00:00:00.000Z')]);

      expect((await redis.keys(`${prefix}*`)).sort()).toEqual([
        `${prefix}events:day:2026-11-22`,
        `${prefix}events:day:2026-11-23`,
        `${prefix}events:days`,
        `${prefix}events:seq`,
        `${prefix}state:msteams/conversations/19:abc@thread.v2/`,
      ]);
    });

    test('a read asks only for the days in its range', async () => {
      const prefix = `${runPrefix}range:`;
      const log = new RedisEventLog(redis, prefix);
      await log.append(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) => eventAt(`${d}T12:00:00.000Z`)));
      const monitor = await redis.monitor();
      const asked: string[] = [];
      monitor.on('monitor', (_time: string, args: string[]) => asked.push(args.join(' ')));

      await log.read({ since: '2026-11-21T00:00:00.000Z', until: '2026-11-22T23:59:59.999Z' });

      await monitor.disconnect();
      const dayReads = asked.filter((a) => a.includes(`${prefix}events:day:`)).map((a) => a.split(' ')[1]);
      expect(dayReads).toEqual([`${prefix}events:day:2026-11-21`, `${prefix}events:day:2026-11-22`]);
      expect(asked.some((a) => /^(keys|scan)\b/i.test(a))).toBe(false);
    });
  });
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  for (let cursor = '0'; ; ) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    if (next === '0') return;
    cursor = next;
  }
}
