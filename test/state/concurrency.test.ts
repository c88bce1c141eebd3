import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { BotInstance } from '../helpers/botInstance';
import { testCore } from '../helpers/testCore';

// Two turns of one conversation at the same moment must both count: the later save meets the
// earlier one's eTag, and its turn runs again on the fresh state instead of overwriting it.

/** Shared storage whose reads are slow, so two turns read the same state before either saves. */
class SlowReads implements Storage {
  constructor(private readonly inner: Storage, private readonly delayMs: number) {}
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return items;
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const core = testCore();
const title = (article: string) => core.search.byId(article)!.title;
const shows = (replies: string[], article: string) => replies.some((r) => r.includes(title(article)));
const BUSY = core.wording.say('state.busy');
const STATE_KEY = 'webchat/conversations/conv-shared/';

async function triedFixes(storage: Storage): Promise<Record<string, string>> {
  const items = await storage.read([STATE_KEY]);
  return (items[STATE_KEY] as { conversationData: { tried: Record<string, string> } }).conversationData.tried;
}

async function startWatchFlow(bot: BotInstance): Promise<void> {
  await bot.send('my galaxy watch keeps showing error 1002');
  await bot.send('yes');
  expect(shows(await bot.send('yep'), 'sw-restart')).toBe(true);
}

describe('two turns of one conversation at once', () => {
  test('on two instances sharing storage: neither answer is lost, and nobody is told to wait', async () => {
    const memory = new MemoryStorage();
    const storage = new SlowReads(memory, 30);
    const a = new BotInstance(core, storage);
    const b = new BotInstance(core, storage);
    await startWatchFlow(a);

    const [first, second] = await Promise.all([a.send("didn't work"), b.send('still broken')]);

    // One answer was about the restart, the other (run again after the conflict) about the battery.
    expect(await triedFixes(memory)).toEqual({ restart: 'not_fixed', battery: 'not_fixed' });
    expect([shows(first, 'sw-battery-charging'), shows(second, 'sw-battery-charging')].sort()).toEqual([false, true]);
    expect([shows(first, 'sw-bluetooth-pairing'), shows(second, 'sw-bluetooth-pairing')].sort()).toEqual([false, true]);
    expect([...first, ...second]).not.toContain(BUSY);
    // Either instance carries on from the merged state.
    expect(await a.send('fixed it')).toEqual([core.wording.say('flow.resolved')]);
    expect(await triedFixes(memory)).toEqual({ restart: 'not_fixed', battery: 'not_fixed', bluetooth: 'fixed' });
  });

  test('on one instance: the second message waits for the first', async () => {
    const memory = new MemoryStorage();
    const a = new BotInstance(core, new SlowReads(memory, 30));
    await startWatchFlow(a);

    const [first, second] = await Promise.all([a.send("didn't work"), a.send('still broken')]);

    expect(shows(first, 'sw-battery-charging')).toBe(true);
    expect(shows(second, 'sw-bluetooth-pairing')).toBe(true);
    expect(await triedFixes(memory)).toEqual({ restart: 'not_fixed', battery: 'not_fixed' });
  });

  test('a turn that keeps losing the race is told to send again, and nothing half-done is kept', async () => {
    const memory = new MemoryStorage();
    const a = new BotInstance(core, memory);
    await startWatchFlow(a);
    const before = await triedFixes(memory);
    // Another writer changes the conversation on every save attempt of this turn.
    const write = memory.write.bind(memory);
    memory.write = async (changes) => {
      const current = await memory.read(Object.keys(changes));
      await write(Object.fromEntries(Object.entries(current).map(([k, v]) => [k, { ...v, eTag: '*' }])));
      return write(changes);
    };

    const replies = await a.send("didn't work");

    expect(replies).toEqual([BUSY]);
    memory.write = write;
    expect(await triedFixes(memory)).toEqual(before);
  });
});
