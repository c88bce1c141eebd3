import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { Redis } from 'ioredis';
import pino from 'pino';
import { capturedLogger } from '../helpers/capturedLogger';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { SqliteTranscriptLog } from '../../src/storage/sqliteTranscriptLog';
import { RedisStorage } from '../../src/storage/redisStorage';
import type { TranscriptEntry } from '../../src/transcripts/transcriptEntry';
import { TranscriptMiddleware } from '../../src/transcripts/transcriptMiddleware';
import { TranscriptStore, type TranscriptLog } from '../../src/transcripts/transcriptStore';
import type { TranscriptLimits } from '../../src/transcripts/transcriptPages';
import { redactorFor } from '../../src/privacy/redactorFor';
import { ConversationHarness } from '../helpers/conversationRunner';
import { realKnowledge } from '../helpers/testCore';
import { startAzurite, type Azurite } from '../storage/azurite';

const entry = (text: string, role: 'user' | 'bot' = 'user'): TranscriptEntry => ({ type: 'message', from: { id: role, role }, timestamp: '2026-11-22T10:00:00.000Z', text });
const ref = { channelId: 'sms', conversationId: '+15550100150' };

/** One backend: fresh data; each log() is another connection, as another bot process would have. */
interface LogBackend {
  log(limits?: TranscriptLimits): TranscriptLog;
  close(): Promise<void>;
}

/** What every transcript log does, the paged documents of any Storage and SQLite's rows alike. */
function describeTranscriptLog(name: string, open: () => Promise<LogBackend>): void {
  describe(`transcripts: ${name}`, () => {
    let backend: LogBackend;
    beforeEach(async () => (backend = await open()));
    afterEach(() => backend.close());

    test('appends in order, reads back, deletes', async () => {
      const store = backend.log();
      await store.append(ref, [entry('one'), entry('two', 'bot')]);
      await store.append(ref, [entry('three')]);
      expect((await store.read(ref)).map((e) => e.text)).toEqual(['one', 'two', 'three']);
      expect(await store.read({ ...ref, conversationId: 'other' })).toEqual([]);
      await store.delete(ref);
      expect(await store.read(ref)).toEqual([]);
    });

    test('appends racing from two processes all land', async () => {
      const [a, b] = [backend.log(), backend.log()];
      await a.append(ref, [entry('first')]);
      await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).append(ref, [entry(`n${i}`)])));
      const texts = (await a.read(ref)).map((e) => e.text);
      expect(texts[0]).toBe('first');
      expect(texts.slice(1).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
      expect((await b.read(ref)).map((e) => e.text)).toEqual(texts);
    });

    test('keeps the latest entries within the count and size limits, dropping the oldest', async () => {
      const store = backend.log({ maxEntries: 3, maxChars: 100_000 });
      await store.append(ref, [entry('1'), entry('2')]);
      await store.append(ref, [entry('3'), entry('4'), entry('5')]);
      expect((await store.read(ref)).map((e) => e.text)).toEqual(['3', '4', '5']);

      const small = backend.log({ maxEntries: 100, maxChars: 600 });
      const other = { ...ref, conversationId: 'small' };
      await small.append(other, Array.from({ length: 10 }, (_, i) => entry(`${i}`.padEnd(50, 'x'))));
      const kept = await small.read(other);
      expect(JSON.stringify(kept).length).toBeLessThanOrEqual(600);
      expect(kept.length).toBeGreaterThan(1);
      expect(kept.at(-1)!.text).toMatch(/^9x/);
      // One entry larger than the limit on its own is kept: the newest always stays.
      await small.append(other, [entry('y'.repeat(700))]);
      expect((await small.read(other)).map((e) => e.text)).toEqual(['y'.repeat(700)]);
    });
  });
}

/** One backend: fresh data; each client() is another connection, as another bot process would have. */
interface Backend {
  client(): Storage;
  close(): Promise<void>;
}

/** The paged documents of any botbuilder Storage: the log's contract, then what pages add. */
function describeTranscriptStore(name: string, open: () => Promise<Backend>): void {
  describeTranscriptLog(`pages on ${name}`, async () => {
    const backend = await open();
    return { log: (limits) => new TranscriptStore(backend.client(), limits), close: () => backend.close() };
  });

  describe(`transcript pages on ${name}`, () => {
    let backend: Backend;
    beforeEach(async () => (backend = await open()));
    afterEach(() => backend.close());

    // Pages of 3 entries: the racing appends seal pages while they collide.
    const paged = { maxEntries: 30, maxChars: 100_000 };

    test('appends racing across page boundaries all land once, in one order for every reader', async () => {
      const [a, b] = [new TranscriptStore(backend.client(), paged), new TranscriptStore(backend.client(), paged)];
      await a.append(ref, ['f1', 'f2', 'f3', 'f4'].map((t) => entry(t)));
      const racing = Array.from({ length: 8 }, (_, i) => `n${i}`);
      await Promise.all(racing.map((t, i) => (i % 2 ? a : b).append(ref, [entry(t)])));
      const texts = (await a.read(ref)).map((e) => e.text);
      expect(texts.slice(0, 4)).toEqual(['f1', 'f2', 'f3', 'f4']);
      expect(texts.slice(4).sort()).toEqual(racing);
      expect((await b.read(ref)).map((e) => e.text)).toEqual(texts);
    });

    test('"forget me" deletes every page, dropped ones included', async () => {
      const client = backend.client();
      const store = new TranscriptStore(client, paged);
      for (let i = 0; i < 40; i++) await store.append(ref, [entry(`${i}`)]);
      const key = store.key(ref);
      const pages = Array.from({ length: 20 }, (_, n) => store.pageKey(key, n));
      expect(Object.keys(await client.read(pages)).length).toBeGreaterThan(1);
      await store.delete(ref);
      expect(await client.read([key, ...pages])).toEqual({});
      expect(await store.read(ref)).toEqual([]);
    });
  });
}

describeTranscriptStore('MemoryStorage', async () => {
  const storage = new MemoryStorage();
  return { client: () => storage, close: async () => undefined };
});

describe('SQLite', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'transcripts-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  describeTranscriptStore('SqliteStorage', async () => {
    const file = join(dir, `t${++files}.sqlite`);
    const dbs: SqliteDatabase[] = [];
    return {
      client: () => {
        const db = openSqliteDatabase(file);
        dbs.push(db);
        return new SqliteStorage(db);
      },
      close: async () => dbs.forEach((db) => db.close()),
    };
  });

  describeTranscriptLog('rows in SQLite', async () => {
    const file = join(dir, `t${++files}.sqlite`);
    const dbs: SqliteDatabase[] = [];
    return {
      log: (limits) => {
        const db = openSqliteDatabase(file);
        dbs.push(db);
        return new SqliteTranscriptLog(db, { limits });
      },
      close: async () => dbs.forEach((db) => db.close()),
    };
  });

  describe('rows in SQLite', () => {
    test('a turn appends rows: no transcript document is read or rewritten', async () => {
      const db = openSqliteDatabase(join(dir, 'rows.sqlite'));
      const storage = new SqliteStorage(db);
      const read = jest.spyOn(storage, 'read');
      const log = new SqliteTranscriptLog(db, { earlier: new TranscriptStore(storage) });
      for (let i = 0; i < 30; i++) await log.append(ref, [entry(`${i}`), entry(`${i} answered`, 'bot')]);
      expect(read).not.toHaveBeenCalled();
      expect(db.prepare('SELECT count(*) FROM state').pluck().get()).toBe(0);
      expect(db.prepare('SELECT entries FROM transcript_sizes').pluck().all()).toEqual([60]);
      // The conversation is named by a hash, never by its id (an SMS id is a phone number).
      expect(JSON.stringify(db.prepare('SELECT conversation FROM transcript_entries').pluck().all())).not.toContain('5550100150');
      db.close();
    });

    test('a transcript kept as documents by an earlier version is read first, and forgotten with the rest', async () => {
      const db = openSqliteDatabase(join(dir, 'upgrade.sqlite'));
      const storage = new SqliteStorage(db);
      const earlier = new TranscriptStore(storage, { maxEntries: 30, maxChars: 100_000 });
      for (let i = 0; i < 7; i++) await earlier.append(ref, [entry(`old ${i}`)]);
      const log = new SqliteTranscriptLog(db, { earlier });
      await log.append(ref, [entry('new')]);
      expect((await log.read(ref)).map((e) => e.text)).toEqual(['old 0', 'old 1', 'old 2', 'old 3', 'old 4', 'old 5', 'old 6', 'new']);
      await log.delete(ref);
      expect(await log.read(ref)).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM state').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM transcript_sizes').pluck().get()).toBe(0);
      db.close();
    });
  });
});

describe('Azure Blob (Azurite)', () => {
  let azurite: Azurite;
  beforeAll(async () => (azurite = await startAzurite()), 30000);
  afterAll(() => azurite?.stop());
  let containers = 0;
  describeTranscriptStore('BlobsStorage', async () => {
    const container = `transcripts${process.pid}-${++containers}`;
    return {
      client: () => new BlobsStorage(azurite.connectionString, container),
      close: async () => void (await new ContainerClient(azurite.connectionString, container).deleteIfExists()),
    };
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  console.info('Transcripts on Redis not tested: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379).');
} else {
  let prefixes = 0;
  describeTranscriptStore('RedisStorage', async () => {
    const prefix = `test:transcripts:${process.pid}:${++prefixes}:`;
    const clients: Redis[] = [];
    return {
      client: () => {
        const redis = new Redis(redisUrl);
        clients.push(redis);
        return new RedisStorage(redis, prefix);
      },
      close: async () => {
        const [first] = clients;
        const keys = first ? await first.keys(`${prefix}*`) : [];
        if (keys.length > 0) await first.del(...keys);
        await Promise.all(clients.map((c) => c.quit()));
      },
    };
  });
}

describe('the paged store\'s head document', () => {
  test('counts the entries dropped to stay within the limits', async () => {
    const storage = new MemoryStorage();
    const store = new TranscriptStore(storage, { maxEntries: 3, maxChars: 100_000 });
    await store.append(ref, [entry('1'), entry('2')]);
    await store.append(ref, [entry('3'), entry('4'), entry('5')]);
    const doc = (await storage.read([store.key(ref)]))[store.key(ref)];
    expect(doc.dropped).toBe(2);
  });

  test('the key is a hash of the channel and conversation, never the id (an SMS id is a phone number)', () => {
    const key = new TranscriptStore(new MemoryStorage()).key(ref);
    expect(key).toMatch(/^transcripts\/sms\/[0-9a-f]{16}$/);
    expect(key).not.toContain('5550100150');
  });
});

describe('the transcript middleware', () => {
  const harness = (channel: string, storage: Storage, logger = pino({ level: 'silent' })) => {
    const middleware = new TranscriptMiddleware({ store: new TranscriptStore(storage), redact: redactorFor(realKnowledge()), logger });
    return { bot: new ConversationHarness(channel, { storage, middleware: [middleware] }), store: middleware.store };
  };
  const smsRef = { channelId: 'sms', conversationId: 'conv-sms' };

  test('on SMS it keeps what was really sent, and nothing from STOP on', async () => {
    const { bot, store } = harness('sms', new MemoryStorage());
    await bot.send('my fitbit shows error 1002, my number is 07700 900123');
    const before = await store.read(smsRef);
    expect(before[0].text).toBe('my fitbit shows error 1002, my number is [phone]');
    expect(before.filter((e) => e.from.role === 'bot').every((e) => e.attachments === undefined && e.suggestedActions === undefined)).toBe(true);
    await bot.send('STOP');
    await bot.send('still there? my email is jane@example.com');
    expect(await store.read(smsRef)).toEqual(before);
  });

  test('each reply is kept once, even though replies are held until the turn is saved', async () => {
    const { bot, store } = harness('webchat', new MemoryStorage());
    const { activities } = await bot.send('my fitbit shows error 1002');
    const kept = await store.read({ channelId: 'webchat', conversationId: 'conv-webchat' });
    expect(kept.filter((e) => e.from.role === 'bot')).toHaveLength(activities.length);
  });

  test('a storage that cannot save the transcript does not fail the turn, and the log does not quote the person', async () => {
    const storage = new MemoryStorage();
    const broken: Storage = { read: (k) => storage.read(k), delete: (k) => storage.delete(k), write: (changes) => (Object.keys(changes).some((k) => k.startsWith('transcripts/')) ? Promise.reject(new Error('disk full')) : storage.write(changes)) };
    const { logger, lines } = capturedLogger();
    const { bot } = harness('webchat', broken, logger);
    const { ids } = await bot.send('my fitbit shows error 1002, email jane@example.com');
    expect(ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    expect(lines.join('')).toContain('transcript not saved');
    expect(lines.join('')).not.toContain('jane@example.com');
  });
});
