import { connect } from 'node:net';
import { startBotProcess, talk, type BotProcess } from '../helpers/botProcess';

// Local mode (no MicrosoftAppId) accepts unauthenticated requests, so the real process listens on
// loopback only unless HOST says otherwise, and its log says which. On Linux all of 127/8 is
// loopback: a server bound to 127.0.0.1 refuses 127.0.0.2, one bound to 0.0.0.0 accepts it.

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const startedLine = (bot: BotProcess) => bot.logs.find((l) => typeof l.url === 'string')!;

describe('local mode binding (the real process)', () => {
  const running: BotProcess[] = [];
  afterAll(() => Promise.all(running.map((b) => b.stop())));

  const start = async (env: Record<string, string>) => {
    const bot = await startBotProcess({ STORAGE: 'memory', ...env });
    running.push(bot);
    return bot;
  };

  test('no app id: listens on 127.0.0.1 only and says it is local mode on loopback', async () => {
    const bot = await start({});
    const port = Number(new URL(bot.base).port);
    const line = startedLine(bot);

    expect(new URL(line.url as string).hostname).toBe('127.0.0.1');
    expect(line).toMatchObject({ level: 30, localMode: true, msg: expect.stringMatching(/local mode.*loopback only/) });
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts('127.0.0.2', port)).toBe(false);
    expect((await talk(bot.base, 'local-1', 'hello')).length).toBeGreaterThan(0);
  }, 90_000);

  test('HOST overrides it, and the log warns that anyone who can reach it may talk to the bot', async () => {
    const bot = await start({ HOST: '0.0.0.0' });
    const port = Number(new URL(bot.base).port);
    const line = startedLine(bot);

    expect(new URL(line.url as string).hostname).toBe('0.0.0.0');
    expect(line).toMatchObject({ level: 40, localMode: true, msg: expect.stringMatching(/local mode on 0\.0\.0\.0.*unauthenticated/) });
    expect(await accepts('127.0.0.2', port)).toBe(true);
  }, 90_000);
});
