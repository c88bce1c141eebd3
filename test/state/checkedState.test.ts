import { MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { CheckedConversationState } from '../../src/bot/checkedState';

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
