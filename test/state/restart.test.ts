import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotProcess, talk, type BotProcess } from '../helpers/botProcess';
import { startAzurite } from '../storage/azurite';
import { testCore } from '../helpers/testCore';

// The real server as separate processes: a conversation survives a crash and moves between
// instances that share state, with each reply following on from the last.
const core = testCore();
const say = (id: string) => core.wording.say(id);
const fixTitle = (article: string) => core.search.byId(article)!.title;

// A smartwatch conversation, turn by turn, with something each reply must contain.
const SCRIPT: Array<[string, () => string]> = [
  ['my galaxy watch keeps showing error 1002', () => say('flow.smartwatch.ask_powers_on')],
  ['yes', () => say('flow.smartwatch.ask_connected')],
  ['yep', () => fixTitle('sw-restart')],
  ["didn't work", () => fixTitle('sw-battery-charging')],
  ['no luck', () => fixTitle('sw-bluetooth-pairing')],
  ['fixed it', () => say('flow.resolved')],
];

async function expectTurn(bot: BotProcess, conversation: string, turn: number): Promise<void> {
  const [text, expected] = SCRIPT[turn];
  const replies = await talk(bot.base, conversation, text);
  expect({ turn: text, replies: replies.join('\n') }).toEqual({ turn: text, replies: expect.stringContaining(expected()) });
}

describe('state survives the server', () => {
  let dir: string;
  const running: BotProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'support-state-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((b) => b.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>) => {
    const bot = await startBotProcess(env);
    running.push(bot);
    return bot;
  };

  test('SQLite (the default): the server is killed mid-conversation and a new one carries on', async () => {
    const env = { SQLITE_FILE: join(dir, 'nested', 'state.sqlite') };
    const first = await start(env);
    for (const turn of [0, 1, 2]) await expectTurn(first, 'conv-restart', turn);
    // No graceful shutdown: whatever a reply promised was already saved.
    await first.stop('SIGKILL');
    const second = await start(env);
    expect(second.logs.find((l) => l.url)?.storage).toContain('sqlite');
    for (const turn of [3, 4, 5]) await expectTurn(second, 'conv-restart', turn);
  }, 120_000);

  test('Azure Blob Storage (Azurite): a conversation moves between two servers and survives both restarting', async () => {
    const azurite = await startAzurite();
    try {
      const env = { STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'restart-test' };
      const [a, b] = await Promise.all([start(env), start(env)]);
      for (const turn of [0, 1, 2]) await expectTurn(turn % 2 === 0 ? a : b, 'conv-blob', turn);
      await Promise.all([a.stop('SIGKILL'), b.stop('SIGKILL')]);
      const c = await start(env);
      for (const turn of [3, 4, 5]) await expectTurn(c, 'conv-blob', turn);
    } finally {
      await azurite.stop();
    }
  }, 120_000);

  if (process.env.REDIS_URL) {
    test('Redis: two servers on different ports answer alternate turns of one conversation', async () => {
      const env = { STORAGE: 'redis', REDIS_URL: process.env.REDIS_URL!, REDIS_KEY_PREFIX: `test-instances-${process.pid}:` };
      const [a, b] = await Promise.all([start(env), start(env)]);
      expect(a.base).not.toBe(b.base);
      for (const turn of SCRIPT.keys()) await expectTurn(turn % 2 === 0 ? a : b, 'conv-two-instances', turn);
    }, 120_000);
  } else {
    console.info('REDIS_URL is not set: the two-instance Redis test was not run (REDIS_URL=redis://127.0.0.1:6379 npm test runs it).');
  }
});
