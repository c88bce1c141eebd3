import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { StorageConflictError } from './storageConflict';

/**
 * Checks every eTag first, then writes every item, inside one script: Redis runs it atomically, so
 * bot processes sharing the server cannot interleave, and a call with a conflict writes nothing.
 * ARGV per key: expected eTag ('' = unconditional), new eTag, JSON. Returns the 1-based index of the
 * first conflicting key, or 0. A missing key is written whatever the eTag, as MemoryStorage does.
 */
const CAS_WRITE = `
for i = 1, #KEYS do
  local expected = ARGV[3 * i - 2]
  if expected ~= '' then
    local current = redis.call('HGET', KEYS[i], 'etag')
    if current and current ~= expected then return i end
  end
end
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'etag', ARGV[3 * i - 1], 'doc', ARGV[3 * i])
end
return 0`;

const COMMAND = 'supportStateWrite';
type CasWrite = (numKeys: number, ...args: string[]) => Promise<number>;

/** Bot state in Redis: one hash (etag, doc) per key under `<prefix>state:`. */
export class RedisStorage implements Storage {
  private readonly casWrite: CasWrite;

  constructor(private readonly redis: Redis, private readonly keyPrefix: string) {
    // defineCommand sends EVALSHA and falls back to EVAL once per server, not the script every call.
    redis.defineCommand(COMMAND, { lua: CAS_WRITE });
    this.casWrite = (redis as unknown as Record<string, CasWrite>)[COMMAND].bind(redis);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const replies = (await this.redis.pipeline(keys.map((key) => ['hmget', this.redisKey(key), 'etag', 'doc'])).exec()) ?? [];
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [err, value] = replies[i];
      if (err) throw err;
      const [etag, doc] = value as [string | null, string | null];
      if (etag !== null && doc !== null) items[key] = { ...JSON.parse(doc), eTag: etag };
    });
    return items;
  }

  /** All changes or none: a conflict on any key leaves every key as it was. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const args = entries.flatMap(([, { eTag, ...doc }]) => [eTag && eTag !== '*' ? eTag : '', randomUUID(), JSON.stringify(doc)]);
    const conflict = await this.casWrite(entries.length, ...entries.map(([key]) => this.redisKey(key)), ...args);
    if (conflict > 0) throw new StorageConflictError(entries[conflict - 1][0]);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.redisKey(key)));
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}state:${key}`;
  }
}
