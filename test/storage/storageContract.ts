import type { Storage, StoreItems } from 'botbuilder';
import { isStorageConflict } from '../../src/storage/storageConflict';

/** One fresh, empty store; each client() is another connection to the same data. */
export interface StorageBackend {
  client(): Storage;
  close(): Promise<void>;
}

export interface StorageContractOptions {
  /**
   * A write carrying an eTag to a key that does not exist: MemoryStorage writes it; BlobsStorage's
   * If-Match fails on a missing blob.
   */
  etagOnMissingKey: 'writes' | 'conflicts';
  /** A conflict on one key of a write() leaves its other keys unwritten (MemoryStorage writes them). */
  atomicWrite: boolean;
}

// Bot Framework keys look like "<channel>/conversations/<id>/" and "<channel>/users/<id>/".
export const ODD_KEYS = [
  'msteams/conversations/19:abc@thread.v2/',
  'webchat/users/a b c/',
  'sms/conversations/+15550100/',
  'key:with:colons',
  'ünïcødé/日本語/🙂',
  '%2F already%20encoded',
  "quotes \"double\" and 'single'",
];

/** Registers the Storage contract (botbuilder's MemoryStorage is the reference) for one backend. */
export function describeStorageContract(name: string, open: () => Promise<StorageBackend>, options: StorageContractOptions): void {
  describe(`${name} honours the Storage contract`, () => {
    let backend: StorageBackend;
    let storage: Storage;

    beforeEach(async () => {
      backend = await open();
      storage = backend.client();
    });
    afterEach(() => backend.close());

    test('reading keys that were never written gives nothing', async () => {
      expect(await storage.read(['nobody', 'nothing/here/'])).toEqual({});
    });

    test('calls with no keys do nothing and do not fail', async () => {
      await storage.write({});
      await storage.delete([]);
      expect(await storage.read([])).toEqual({});
    });

    test('an item reads back as written, with an eTag', async () => {
      const item = { count: 3, topic: 'sync', nested: { list: [1, 'two', null], flag: false } };
      await storage.write({ a: item });
      const { a } = await storage.read(['a']);
      expect(a).toEqual({ ...item, eTag: expect.any(String) });
      expect(a.eTag).not.toBe('');
    });

    test('write() does not change the caller’s object', async () => {
      const item = { count: 1, eTag: '*' };
      await storage.write({ a: item });
      expect(item).toEqual({ count: 1, eTag: '*' });
    });

    test('every write gives the item a new eTag', async () => {
      const seen = new Set<string>();
      for (const change of [{ n: 1 }, { n: 2, eTag: '*' }, { n: 3 }]) {
        await storage.write({ a: change });
        seen.add((await storage.read(['a'])).a.eTag);
      }
      await storage.write({ a: { ...(await storage.read(['a'])).a, n: 4 } });
      seen.add((await storage.read(['a'])).a.eTag);
      expect(seen.size).toBe(4);
    });

    test('a write with a stale eTag is refused as a conflict and changes nothing', async () => {
      await storage.write({ a: { n: 1 } });
      const first = (await storage.read(['a'])).a;
      await storage.write({ a: { ...first, n: 2 } });

      const stale = storage.write({ a: { ...first, n: 3 } });

      await expect(stale).rejects.toThrow(/eTag conflict/);
      expect(isStorageConflict(await stale.catch((e: unknown) => e))).toBe(true);
      expect((await storage.read(['a'])).a.n).toBe(2);
    });

    test("a write with eTag '*' or no eTag wins over any stored eTag", async () => {
      await storage.write({ a: { n: 1 } });
      const first = (await storage.read(['a'])).a;
      await storage.write({ a: { ...first, n: 2 } });

      await storage.write({ a: { n: 3, eTag: '*' } });
      expect((await storage.read(['a'])).a.n).toBe(3);
      await storage.write({ a: { n: 4 } });
      expect((await storage.read(['a'])).a.n).toBe(4);
    });

    test(`a write with an eTag to a missing key ${options.etagOnMissingKey === 'writes' ? 'creates it' : 'is a conflict'}`, async () => {
      await storage.write({ a: { n: 1 } });
      const read = (await storage.read(['a'])).a;
      await storage.delete(['a']);

      const write = storage.write({ a: { ...read, n: 2 } });

      if (options.etagOnMissingKey === 'writes') {
        await write;
        expect((await storage.read(['a'])).a.n).toBe(2);
      } else {
        expect(isStorageConflict(await write.then(() => 'written', (e: unknown) => e))).toBe(true);
        expect(await storage.read(['a'])).toEqual({});
      }
    });

    test('delete removes items, and deleting a missing key is no error', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a', 'never-written']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    test('several keys are written, read and deleted in one call', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
      const items = await storage.read(['c', 'missing', 'a', 'b']);
      expect(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.n]))).toEqual({ a: 1, b: 2, c: 3 });
      await storage.delete(['a', 'b', 'c']);
      expect(await storage.read(['a', 'b', 'c'])).toEqual({});
    });

    test('keys with slashes, colons, spaces, quotes and unicode stay distinct', async () => {
      const changes: StoreItems = {};
      ODD_KEYS.forEach((key, i) => (changes[key] = { key, i }));
      await storage.write(changes);

      const items = await storage.read(ODD_KEYS);
      expect(ODD_KEYS.map((key) => items[key]?.key)).toEqual(ODD_KEYS);

      await storage.delete(ODD_KEYS.slice(1));
      expect(Object.keys(await storage.read(ODD_KEYS))).toEqual([ODD_KEYS[0]]);
    });

    test('a 100 KB item with unicode text survives the round trip', async () => {
      const text = 'Fehler 1002 – Uhr synchronisiert nicht 🙂 '.repeat(2500);
      const item = { text, lines: Array.from({ length: 200 }, (_, i) => `step ${i}: ✓`) };
      expect(Buffer.byteLength(JSON.stringify(item))).toBeGreaterThan(100_000);
      await storage.write({ big: item });
      expect((await storage.read(['big'])).big).toEqual({ ...item, eTag: expect.any(String) });
    });

    test('two clients write what they both read: exactly one wins, the other gets a conflict', async () => {
      const [alice, bob] = [backend.client(), backend.client()];
      for (let round = 1; round <= 5; round++) {
        await storage.write({ race: { round, by: 'setup' } });
        const [fromAlice, fromBob] = await Promise.all([alice.read(['race']), bob.read(['race'])]);

        const results = await Promise.allSettled([
          alice.write({ race: { ...fromAlice.race, by: 'alice' } }),
          bob.write({ race: { ...fromBob.race, by: 'bob' } }),
        ]);

        const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [['alice', 'bob'][i]] : []));
        const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers.map(isStorageConflict)).toEqual([true]);
        expect((await storage.read(['race'])).race).toMatchObject({ round, by: winners[0] });
      }
    });

    test('two clients counting with retry on conflict lose no update', async () => {
      const perClient = 15;
      const increment = async (client: Storage) => {
        for (let done = 0; done < perClient; ) {
          const current = (await client.read(['counter'])).counter;
          try {
            await client.write({ counter: { ...current, n: current.n + 1 } });
            done++;
          } catch (err) {
            if (!isStorageConflict(err)) throw err;
          }
        }
      };
      // Created first: a write without an eTag always wins, so two first writes could both succeed.
      await storage.write({ counter: { n: 0 } });
      await Promise.all([increment(backend.client()), increment(backend.client())]);
      expect((await storage.read(['counter'])).counter.n).toBe(2 * perClient);
    });

    if (options.atomicWrite) {
      test('a conflict on one key of a write leaves every key of that write as it was', async () => {
        await storage.write({ a: { n: 1 }, b: { n: 1 } });
        const stale = (await storage.read(['b'])).b;
        await storage.write({ b: { n: 2 } });

        await expect(storage.write({ a: { n: 9 }, b: { ...stale, n: 9 }, c: { n: 9 } })).rejects.toThrow(/"b" due to eTag conflict/);

        const items = await storage.read(['a', 'b', 'c']);
        expect(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.n]))).toEqual({ a: 1, b: 2 });
      });
    }
  });
}
