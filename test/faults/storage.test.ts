import { MemoryStorage, type Storage } from 'botbuilder';
import { TimeoutStorage } from '../../src/storage/timeoutStorage';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { talk } from '../helpers/botProcess';
import { activityText } from '../helpers/cards';
import { ConversationHarness } from '../helpers/conversationRunner';
import { testCore } from '../helpers/testCore';
import { startApp } from './appUnderFault';
import { FaultyStorage } from './faultyStorage';

// State storage that fails, stalls or slows down mid-conversation. Nothing the person was told
// may be lost: a turn either saves and answers, or says it could not and leaves the last saved state.
const core = testCore();
const say = (id: string) => core.wording.say(id);
const title = (article: string) => core.search.byId(article)!.title;
const CONVERSATION_KEY = 'webchat/conversations/conv-webchat/';
// Timers and the bot's own work on a busy 2-core machine.
const SLACK_MS = 700;

/** What the person really receives for one message (held and dropped replies do not count). */
async function turn(h: ConversationHarness, text: string): Promise<string[]> {
  return (await h.send(text)).activities.map(activityText);
}

function harness(storage: Storage): ConversationHarness {
  return new ConversationHarness('webchat', { storage });
}

describe('a turn whose state cannot be saved', () => {
  test('says so, sends nothing else, and the next turn carries on from the last saved step', async () => {
    const memory = new MemoryStorage();
    const storage = new FaultyStorage(memory);
    const h = harness(storage);
    await turn(h, 'my galaxy watch keeps showing error 1002');
    expect(await turn(h, 'yes')).toEqual([expect.stringContaining(say('flow.smartwatch.ask_connected'))]);
    const saved = await memory.read([CONVERSATION_KEY]);

    storage.inject('write', 'fail');
    expect(await turn(h, 'yep')).toEqual([say('state.save_failed')]);
    expect(await memory.read([CONVERSATION_KEY])).toEqual(saved);

    // Sent again once storage is back: the answer lands on the question that was pending before.
    storage.heal();
    const again = await turn(h, 'yep');
    expect(again.join('\n')).toContain(title('sw-restart'));
    expect(again).toContainEqual(expect.stringContaining(say('flow.did_it_work')));
  });

  test('when only the profile cannot be saved, the conversation does not move on either', async () => {
    const memory = new MemoryStorage();
    const storage = new FaultyStorage(memory);
    const h = harness(storage);

    storage.inject('write', 'fail', /\/users\//);
    expect(await turn(h, 'my galaxy watch keeps showing error 1002')).toEqual([say('state.save_failed')]);
    expect(await memory.read([CONVERSATION_KEY])).toEqual({});

    storage.heal();
    expect(await turn(h, 'my galaxy watch keeps showing error 1002')).toEqual([
      say('flow.smartwatch.intro'),
      expect.stringContaining(say('flow.smartwatch.ask_powers_on')),
    ]);
  });

  test('a write that stalls is cut off by the time limit: the person hears so at once, and carries on later', async () => {
    const storage = new FaultyStorage(new MemoryStorage());
    const h = harness(new TimeoutStorage(storage, 300));
    await turn(h, 'my galaxy watch keeps showing error 1002');

    storage.inject('write', 'stall');
    const started = Date.now();
    expect(await turn(h, 'yes')).toEqual([say('state.save_failed')]);
    expect(Date.now() - started).toBeLessThan(300 + SLACK_MS);

    storage.heal();
    expect(await turn(h, 'yes')).toEqual([expect.stringContaining(say('flow.smartwatch.ask_connected'))]);
  });
});

describe('slow storage', () => {
  test('reads taking 1 s each: the turn is slow but complete, well inside the default 5 s limit per call', async () => {
    const storage = new FaultyStorage(new MemoryStorage());
    const h = harness(new TimeoutStorage(storage, 5000));
    await turn(h, 'my galaxy watch keeps showing error 1002');

    storage.inject('read', { delayMs: 1000 });
    const reads = storage.calls.read;
    const started = Date.now();
    const replies = await turn(h, 'yes');
    const elapsed = Date.now() - started;

    expect(replies).toEqual([expect.stringContaining(say('flow.smartwatch.ask_connected'))]);
    const slowReads = storage.calls.read - reads;
    expect(slowReads).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeGreaterThanOrEqual(slowReads * 1000);
  }, 30_000);
});

describe('through the app (CloudAdapter, onTurnError, log)', () => {
  test('a read that fails: the person gets the apology and no stack trace, the log has the error, the next turn works', async () => {
    const storage = new FaultyStorage(new MemoryStorage());
    const bot = await startApp({}, { stores: { storage, events: new MemoryEventLog(), describe: 'faulty memory', close: async () => undefined } });
    try {
      storage.inject('read', 'fail');
      const replies = await talk(bot.base, 'conv-read-fails', 'my galaxy watch keeps showing error 1002');
      expect(replies).toEqual([say('error.turn')]);
      expect(replies.join('\n')).not.toMatch(/\bat .+\.(js|ts):\d+|injected/);
      const failed = bot.logs.find((l) => l.msg === 'turn failed') as { err?: { message?: string }; conversation?: string };
      expect(failed).toMatchObject({ err: { message: 'injected read failure' }, conversation: 'conv-read-fails' });

      storage.heal();
      expect(await talk(bot.base, 'conv-read-fails', 'my galaxy watch keeps showing error 1002')).toEqual([
        say('flow.smartwatch.intro'),
        expect.stringContaining(say('flow.smartwatch.ask_powers_on')),
      ]);
    } finally {
      await bot.close();
    }
  });

  test('Redis unreachable (commands queue while ioredis reconnects): the turn fails within STORAGE_TIMEOUT_MS instead of hanging', async () => {
    const bot = await startApp({ STORAGE: 'redis', REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'faults-unreachable:', STORAGE_TIMEOUT_MS: '500' });
    try {
      const started = Date.now();
      const replies = await talk(bot.base, 'conv-redis-down', 'my galaxy watch keeps showing error 1002');
      expect(replies).toEqual([say('error.turn')]);
      expect(Date.now() - started).toBeLessThan(500 + SLACK_MS);
      expect(bot.logs.find((l) => l.msg === 'turn failed')).toMatchObject({ err: { type: 'StorageTimeoutError', message: 'storage read took longer than 500 ms' } });
    } finally {
      await bot.close();
    }
  });
});
