import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { TranscriptEntry } from '../../src/transcripts/transcriptEntry';
import { TranscriptStore } from '../../src/transcripts/transcriptStore';

const entry = (text: string): TranscriptEntry => ({ type: 'message', from: { id: 'user', role: 'user' }, timestamp: '2026-11-22T10:00:00.000Z', text });
const ref = { channelId: 'webchat', conversationId: 'conv-pages' };
const texts = (entries: TranscriptEntry[]) => entries.map((e) => e.text);

/** MemoryStorage that counts the JSON it is given to write, as a database or blob store would store it. */
class CountingStorage implements Storage {
  readonly inner = new MemoryStorage();
  written = 0;
  read(keys: string[]) { return this.inner.read(keys); }
  delete(keys: string[]) { return this.inner.delete(keys); }
  write(changes: StoreItems) {
    this.written += JSON.stringify(changes).length;
    return this.inner.write(changes);
  }
}

/** Appends one turn (a message and two replies) at a time; the bytes each append wrote. */
async function turns(store: TranscriptStore, storage: CountingStorage, count: number): Promise<number[]> {
  const bytes: number[] = [];
  for (let turn = 0; turn < count; turn++) {
    const before = storage.written;
    await store.append(ref, [entry(`q${turn}`), entry(`a${turn}`), entry(`b${turn}`)]);
    bytes.push(storage.written - before);
  }
  return bytes;
}

describe('a transcript in pages', () => {
  test('what an append writes stays bounded as the conversation grows (only the last page is rewritten)', async () => {
    const storage = new CountingStorage();
    const bytes = await turns(new TranscriptStore(storage), storage, 300);
    // The first 14 turns fill and seal two pages; 900 entries later an append writes about as much
    // (longer numbers in the texts, the sizes of ten full pages in the head), not ten times as much.
    const early = Math.max(...bytes.slice(0, 14));
    expect(Math.max(...bytes.slice(200))).toBeLessThanOrEqual(1.5 * early);
    // The whole transcript, kept at the limit, is ten times that: it is not what a turn rewrites.
    expect(JSON.stringify(await new TranscriptStore(storage).read(ref)).length).toBeGreaterThan(5 * early);
  });

  test('entries read back in order across many pages', async () => {
    const storage = new CountingStorage();
    const store = new TranscriptStore(storage, { maxEntries: 1000, maxChars: 1_000_000 });
    await turns(store, storage, 100);
    const expected = Array.from({ length: 100 }, (_, t) => [`q${t}`, `a${t}`, `b${t}`]).flat();
    expect(texts(await store.read(ref))).toEqual(expected);
    // Pages of 100 (102: a turn does not straddle two): two full pages stored, the third in the head.
    const key = store.key(ref);
    expect(Object.keys(await storage.read(Array.from({ length: 10 }, (_, n) => store.pageKey(key, n))))).toHaveLength(2);
  });

  test('over the entry limit the oldest pages drop, counted, and their documents are deleted', async () => {
    const storage = new CountingStorage();
    const store = new TranscriptStore(storage, { maxEntries: 50, maxChars: 1_000_000 });
    await turns(store, storage, 100);
    const kept = texts(await store.read(ref));
    // Pages of 5 entries: between one page under the limit and the limit.
    expect(kept.length).toBeGreaterThanOrEqual(45);
    expect(kept.length).toBeLessThanOrEqual(50);
    expect(kept.at(-1)).toBe('b99');
    const all = Array.from({ length: 100 }, (_, t) => [`q${t}`, `a${t}`, `b${t}`]).flat();
    expect(kept).toEqual(all.slice(300 - kept.length));
    const key = store.key(ref);
    expect((await storage.read([key]))[key].dropped).toBe(300 - kept.length);
    const pages = await storage.read(Array.from({ length: 80 }, (_, n) => store.pageKey(key, n)));
    expect(Object.keys(pages).length).toBeLessThanOrEqual(10);
  });

  test('one append over the limits on its own keeps its newest entries', async () => {
    const storage = new CountingStorage();
    const store = new TranscriptStore(storage, { maxEntries: 3, maxChars: 100_000 });
    await store.append(ref, ['1', '2', '3', '4', '5'].map(entry));
    expect(texts(await store.read(ref))).toEqual(['3', '4', '5']);
    expect((await storage.read([store.key(ref)]))[store.key(ref)].dropped).toBe(2);
  });

  test('over the size limit the oldest pages drop; the transcript as JSON stays within it', async () => {
    const storage = new CountingStorage();
    const store = new TranscriptStore(storage, { maxEntries: 1000, maxChars: 5_000 });
    await turns(store, storage, 100);
    const kept = await store.read(ref);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(5_000);
    expect(JSON.stringify(kept).length).toBeGreaterThan(4_000);
    expect(texts(kept).at(-1)).toBe('b99');
  });

  test('a transcript stored as one document keeps its entries: its first append cuts it into pages', async () => {
    const storage = new CountingStorage();
    const store = new TranscriptStore(storage);
    const old = Array.from({ length: 200 }, (_, i) => entry(`old${i}`));
    await storage.write({ [store.key(ref)]: { entries: old, dropped: 7 } });
    await store.append(ref, [entry('new')]);
    const kept = texts(await store.read(ref));
    // One page of 20 made room for the new entry.
    expect(kept).toEqual([...texts(old.slice(20)), 'new']);
    expect((await storage.read([store.key(ref)]))[store.key(ref)].dropped).toBe(27);
  });
});
