import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import pino from 'pino';
import { BlobEventLog } from '../../src/storage/blobEventLog';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { openStores } from '../../src/storage/openStores';
import { RedisEventLog } from '../../src/storage/redisEventLog';
import { RedisStorage } from '../../src/storage/redisStorage';
import { SqliteEventLog } from '../../src/storage/sqliteEventLog';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { TimeoutStorage } from '../../src/storage/timeoutStorage';
import { eventAt } from './eventLogContract';

const logger = pino({ level: 'silent' });
const ACCOUNT_KEY = 'c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1uZXZlci1iZS1sb2dnZWQ=';

describe('openStores', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'open-stores-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sqlite: state and events in one file, usable until closed', async () => {
    const file = join(dir, 'data', 'support.sqlite');
    const stores = openStores({ kind: 'sqlite', file }, logger);
    expect(stores.storage).toBeInstanceOf(SqliteStorage);
    expect(stores.events).toBeInstanceOf(SqliteEventLog);
    expect(stores.describe).toBe(`sqlite ${file}`);

    await stores.storage.write({ k: { n: 1 } });
    await stores.events.append([eventAt('2026-11-22T10:00:00.000Z')]);
    await stores.close();

    const reopened = openStores({ kind: 'sqlite', file }, logger);
    expect((await reopened.storage.read(['k'])).k.n).toBe(1);
    expect(await reopened.events.read()).toHaveLength(1);
    await reopened.close();
  });

  test('a time limit wraps the network backends only: SQLite answers inside the call, where no timer can fire', async () => {
    const sqlite = openStores({ kind: 'sqlite', file: join(dir, 'limited', 'support.sqlite') }, logger, { timeoutMs: 50 });
    expect(sqlite.storage).toBeInstanceOf(SqliteStorage);
    await sqlite.close();
    const redis = openStores({ kind: 'redis', url: 'redis://127.0.0.1:1/0', keyPrefix: 'support:' }, logger, { timeoutMs: 50 });
    expect(redis.storage).toBeInstanceOf(TimeoutStorage);
    await redis.close();
  });

  test('memory: botbuilder MemoryStorage and the in-memory event log', async () => {
    const stores = openStores({ kind: 'memory' }, logger);
    expect(stores.storage).toBeInstanceOf(MemoryStorage);
    expect(stores.events).toBeInstanceOf(MemoryEventLog);
    expect(stores.describe).toBe('memory');
    await stores.close();
  });

  test('redis: the password never reaches describe, and close() returns even with no server', async () => {
    // Port 1 on loopback refuses connections at once.
    const stores = openStores({ kind: 'redis', url: 'redis://bot:s3cret-pass@127.0.0.1:1/0', keyPrefix: 'support:' }, logger);
    expect(stores.storage).toBeInstanceOf(RedisStorage);
    expect(stores.events).toBeInstanceOf(RedisEventLog);
    expect(stores.describe).toBe('redis redis://bot:***@127.0.0.1:1/0 prefix "support:"');
    await stores.close();
  });

  test('azure-blob: describe names the account and container, never the key', async () => {
    const connectionString = `DefaultEndpointsProtocol=https;AccountName=supportbotstate;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
    const stores = openStores({ kind: 'azure-blob', connectionString, container: 'support-state' }, logger);
    expect(stores.storage).toBeInstanceOf(BlobsStorage);
    expect(stores.events).toBeInstanceOf(BlobEventLog);
    expect(stores.describe).toBe('azure-blob account supportbotstate, container support-state');
    await stores.close();
  });
});
