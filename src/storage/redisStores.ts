import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { RedisEventLog } from './redisEventLog';
import { RedisStorage } from './redisStorage';
import { redactRedisUrl } from './redisUrl';
import type { Stores } from './stores';

/** State and events in Redis under `keyPrefix`; ioredis connects (and reconnects) in the background. */
export function openRedisStores(url: string, keyPrefix: string, logger: Logger): Stores {
  const redis = new Redis(url);
  const describe = `redis ${redactRedisUrl(url)} prefix "${keyPrefix}"`;
  // ioredis reconnects by itself; without a listener each failed attempt would print a raw stack.
  redis.on('error', (err: Error) => logger.warn({ storage: describe, err: err.message }, 'redis connection error'));
  return {
    storage: new RedisStorage(redis, keyPrefix),
    events: new RedisEventLog(redis, keyPrefix),
    describe,
    close: async () => {
      // QUIT lets queued commands finish; a server that is gone (or never came) would hold QUIT in
      // ioredis' offline queue through every reconnect attempt, so it just gets disconnect().
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}
