import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { CheckedConversationState } from '../../src/bot/checkedState';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';

/** MemoryStorage that counts writes. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return super.write(changes);
  }
}

const turn = () => new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: 'c1' } as never, text: 'hi' });

type Data = { step?: number; notes?: string[] };

/** A conversation whose first turn saved `initial`: the storage (counting writes), the state and its property. */
async function savedOnce(initial: Data) {
  const storage = new CountingStorage();
  const state = new CheckedConversationState(storage);
  const data = state.createProperty<Data>('data');
  const first = turn();
  await data.set(first, initial);
  await state.saveChanges(first);
  return { storage, state, data };
}

describe('conversation state saved with eTag checks', () => {
  test('state read and left as it was is not written; changed state is, once', async () => {
    const { storage, state, data } = await savedOnce({ step: 1 });
    expect(storage.writes).toBe(1);

    const second = turn();
    expect(await data.get(second)).toEqual({ step: 1 });
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);
    (await data.get(second))!.step = 2;
    await state.saveChanges(second);
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
  });

  test('cleared state is written, as empty', async () => {
    const { storage, state, data } = await savedOnce({ step: 1 });
    const second = turn();
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    const third = turn();
    expect(await data.get(third)).toBeUndefined();
  });

  test('a change undone before the save is not written; nor is a new eTag alone', async () => {
    const { storage, state, data } = await savedOnce({ step: 1, notes: ['a'] });

    const second = turn();
    const d = (await data.get(second))!;
    d.step = 2;
    d.notes!.push('b');
    d.step = 1;
    d.notes!.pop();
    (await state.load(second)).eTag = 'another';
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);
  });

  test('a forced load reads the state again and compares with what it read', async () => {
    const { storage, state, data } = await savedOnce({ step: 1 });

    const second = turn();
    await data.get(second);
    // Another instance moves the conversation on meanwhile.
    const other = turn();
    (await data.get(other))!.step = 5;
    await state.saveChanges(other);
    expect(storage.writes).toBe(2);
    await state.load(second, true);
    expect(await data.get(second)).toEqual({ step: 5 });
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    (await data.get(second))!.step = 6;
    await state.saveChanges(second);
    expect(storage.writes).toBe(3);
  });
});

describe('conversation state on SQLite, which hands over the text it read and is handed the text to write', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'checked-state-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** SqliteStorage that counts writes and serialisations of the state. */
  function sqliteState(file: string) {
    const db = openSqliteDatabase(join(dir, file));
    class CountingSqlite extends SqliteStorage {
      writes = 0;
      override write(changes: StoreItems): Promise<void> {
        this.writes += 1;
        return super.write(changes);
      }
    }
    const storage = new CountingSqlite(db);
    const state = new CheckedConversationState(storage);
    return { db, storage, state, data: state.createProperty<Data>('data') };
  }

  test('state read and left as it was is not written, and is read back as it was saved', async () => {
    const { db, storage, state, data } = sqliteState('unchanged.sqlite');
    const first = turn();
    await data.set(first, { step: 1, notes: ['ü', '🙂', 'a "quoted" word'] });
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const second = turn();
    expect(await data.get(second)).toEqual({ step: 1, notes: ['ü', '🙂', 'a "quoted" word'] });
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);
    db.close();
  });

  test('a changed state is stored as it is when saved, whatever happens to it afterwards', async () => {
    const { db, state, data } = sqliteState('changed.sqlite');
    const first = turn();
    await data.set(first, { step: 1 });
    await state.saveChanges(first);

    const second = turn();
    const d = (await data.get(second))!;
    d.step = 2;
    d.notes = ['b'];
    await state.saveChanges(second);
    // Edited after the save: the stored text must be the saved state's, not a stale or later one.
    d.step = 3;

    const third = turn();
    expect(await data.get(third)).toEqual({ step: 2, notes: ['b'] });
    (await data.get(third))!.step = 4;
    await state.saveChanges(third);
    const fourth = turn();
    expect(await data.get(fourth)).toEqual({ step: 4, notes: ['b'] });
    db.close();
  });
});
