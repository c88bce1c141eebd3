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

describe('conversation state saved with eTag checks', () => {
  test('state read and left as it was is not written; changed state is, once', async () => {
    const storage = new CountingStorage();
    const state = new CheckedConversationState(storage);
    const data = state.createProperty<{ step?: number }>('data');
    const first = turn();
    await data.set(first, { step: 1 });
    await state.saveChanges(first);
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
    const storage = new CountingStorage();
    const state = new CheckedConversationState(storage);
    const data = state.createProperty<{ step?: number }>('data');
    const first = turn();
    await data.set(first, { step: 1 });
    await state.saveChanges(first);
    const second = turn();
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    const third = turn();
    expect(await data.get(third)).toBeUndefined();
  });
});
