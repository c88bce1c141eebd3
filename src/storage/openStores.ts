import { MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import type { StorageSettings } from '../config';
import type { Logger } from '../logger';
import { openBlobStores } from './blobStorage';
import { MemoryEventLog } from './memoryEventLog';
import { RedisEventLog } from './redisEventLog';
import { RedisStorage } from './redisStorage';
import { redactRedisUrl } from './redisUrl';
import { openSqliteDatabase } from './sqliteDatabase';
import { SqliteEventLog } from './sqliteEventLog';
import { SqliteStorage } from './sqliteStorage';
import type { Stores } from './stores';
import { TimeoutStorage } from './timeoutStorage';

export interface StoreOptions {
  /** A time limit on each state read and write (none when absent). */
  timeoutMs?: number;
}

/** State storage and event log for the configured backend. Network clients connect in the background. */
export function openStores(settings: StorageSettings, logger: Logger, options: StoreOptions = {}): Stores {
  const stores = openBackend(settings, logger);
  return options.timeoutMs ? { ...stores, storage: new TimeoutStorage(stores.storage, options.timeoutMs) } : stores;
}

function openBackend(settings: StorageSettings, logger: Logger): Stores {
  switch (settings.kind) {
    case 'sqlite':
      return openSqliteStores(settings.file);
    case 'redis':
      return openRedisStores(settings.url, settings.keyPrefix, logger);
    case 'azure-blob':
      return openBlobStores(settings.connectionString, settings.container);
    case 'memory':
      return { storage: new MemoryStorage(), events: new MemoryEventLog(), describe: 'memory', close: async () => undefined };
  }
}

function openSqliteStores(file: string): Stores {
  const db = openSqliteDatabase(file);
  return {
    storage: new SqliteStorage(db),
    events: new SqliteEventLog(db),
    describe: `sqlite ${file}`,
    close: async () => {
      db.close();
    },
  };
}

function openRedisStores(url: string, keyPrefix: string, logger: Logger): Stores {
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
