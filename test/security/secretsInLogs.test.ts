import { Writable } from 'node:stream';
import nock from 'nock';
import { Redis } from 'ioredis';
import { createLogger } from '../../src/logger';
import { startBotProcess, talk, type BotProcess } from '../helpers/botProcess';
import { message, SERVICE_URL, startApp, type AppOverHttp } from './appOverHttp';
import { channelClaims, serveChannelKeys, signingKey, signJwt } from './botFrameworkTokens';

// Secrets never reach a log: the app runs with fake secrets in every setting that holds one, a few
// turns and failure paths are driven (rejected tokens, a connector that fails, a token service that
// refuses, an unreachable helpdesk and Direct Line, a Redis that does not want the password), and
// everything written (pino at trace level, the SDK's console output, the process's stdout and
// stderr) is searched for each secret.
const SECRETS = {
  MicrosoftAppPassword: 'fake-app-password-Q7x!9zK',
  DIRECT_LINE_SECRET: 'fake-direct-line-secret-Wm3pV8',
  HELPDESK_WEBHOOK_AUTH: 'Bearer fake-helpdesk-key-T4nR2q',
  redisPassword: 'fake-redis-password-Zy5Lk1',
};
const APP_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** Every secret found in `text`, by name. */
function leaked(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
    .map(([name]) => name);
}

describe('secrets in logs: the app in this process, with Bot Framework authentication', () => {
  const lines: string[] = [];
  const consoleOutput: string[] = [];
  const channelKey = signingKey('channel-key');
  const outgoingToken = 'fake-outgoing-access-token-Hd8s';
  let bot: AppOverHttp;
  let incomingToken: string;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveChannelKeys([{ key: channelKey, endorsements: ['webchat', 'msteams'] }]);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    bot = await startApp(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: SECRETS.MicrosoftAppPassword,
        DIRECT_LINE_SECRET: SECRETS.DIRECT_LINE_SECRET,
        HELPDESK_WEBHOOK_URL: 'https://helpdesk.example.test/tickets',
        HELPDESK_WEBHOOK_AUTH: SECRETS.HELPDESK_WEBHOOK_AUTH,
        // Failed replies are retried within a budget; a short one keeps the test quick.
        CONNECTOR_RETRY_BUDGET_MS: '1000',
        CONNECTOR_RETRY_DELAY_MS: '20',
      },
      {},
      createLogger('trace', destination),
    );
    incomingToken = signJwt(channelClaims(APP_ID, SERVICE_URL), channelKey);
  });
  afterAll(async () => {
    await bot.close();
    jest.restoreAllMocks();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  // What people type may not be logged at info level or above, and cannot forge a log line.
  const MARKER = 'zq-typed-by-the-user-7731';
  const FORGED_LINE = `\n{"level":30,"msg":"forged ${MARKER}"}\n`;

  const post = (conversation: string, text: string, token = incomingToken) =>
    bot.post({ ...message(conversation, text), deliveryMode: undefined }, { authorization: `Bearer ${token}` });

  test('turns, failures and refusals leave no secret and no token in any log', async () => {
    // The token service refuses the app (wrong password, say): the reply cannot be sent. Then it works.
    let tokenServiceUp = false;
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/oauth2\/v2\.0\/token/)
      .query(true)
      .reply(() => tokenServiceUp
        ? [200, { token_type: 'Bearer', expires_in: 3599, access_token: outgoingToken }]
        : [401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }]);
    expect((await post('secrets-1', `hello ${MARKER}`)).status).toBe(200);
    tokenServiceUp = true;

    // The connector fails, then works.
    nock(SERVICE_URL).persist().post(/\/v3\/conversations\/secrets-2\/activities/).reply(500, { error: 'down' });
    expect((await post('secrets-2', `my galaxy watch shows error 1002 ${MARKER}${FORGED_LINE}`)).status).toBe(200);
    nock(SERVICE_URL).persist().post(/\/v3\/conversations\/secrets-3\/activities/).reply(200, { id: 'sent' });

    // The helpdesk is down, so the ticket is kept for a retry.
    nock('https://helpdesk.example.test').persist().post('/tickets').reply(503);
    expect((await post('secrets-3', 'talk to a person')).status).toBe(200);

    // Azure's Direct Line refuses the secret.
    nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').reply(403, { error: { code: 'Forbidden', message: 'bad secret' } });
    expect((await fetch(`${bot.base}/api/directline/token`, { method: 'POST' })).status).toBe(502);

    // Refused requests: a forged token, an expired one, none.
    const forged = signJwt(channelClaims(APP_ID, SERVICE_URL), signingKey('channel-key'));
    const expired = signJwt(channelClaims(APP_ID, SERVICE_URL, { exp: Math.floor(Date.now() / 1000) - 3600 }), channelKey);
    expect((await post('secrets-4', 'hello', forged)).status).toBe(401);
    expect((await post('secrets-4', 'hello', expired)).status).toBe(401);
    expect((await bot.post(message('secrets-4', 'hello'))).status).toBe(401);

    const logged = lines.join('');
    // The paths ran and were logged (otherwise there would be nothing to search).
    expect(logged).toMatch(/turn failed/);
    expect(logged).toMatch(/helpdesk unreachable/);
    expect(logged).toMatch(/direct line token exchange failed/);
    expect(consoleOutput.join('\n')).toMatch(/Unauthorized|expired/i);

    // One JSON object per line, whatever was typed; none at info or above holds the person's words.
    const entries = lines.map((l) => {
      expect(l.endsWith('\n') && !l.slice(0, -1).includes('\n')).toBe(true);
      return JSON.parse(l) as { level: number };
    });
    expect(entries.filter((e) => e.level >= 30 && JSON.stringify(e).includes(MARKER))).toEqual([]);

    const secrets = { ...SECRETS, outgoingToken, incomingToken, forged, expired };
    expect(leaked(logged, secrets)).toEqual([]);
    expect(leaked(consoleOutput.join('\n'), secrets)).toEqual([]);
  });
});

describe('secrets in logs: the real process', () => {
  const running: BotProcess[] = [];
  afterAll(() => Promise.all(running.map((b) => b.stop())));

  /** Starts the bot and records everything it writes from then on, besides the start-up log lines. */
  const start = async (env: Record<string, string>) => {
    const bot = await startBotProcess({ LOG_LEVEL: 'trace', ...env });
    running.push(bot);
    const output: string[] = bot.logs.map((l) => JSON.stringify(l));
    bot.child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    bot.child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    return { bot, output };
  };

  test('local mode with every secret set: start-up, turns, an unreachable helpdesk and Direct Line', async () => {
    const { bot, output } = await start({
      STORAGE: 'memory',
      MicrosoftAppPassword: SECRETS.MicrosoftAppPassword,
      DIRECT_LINE_SECRET: SECRETS.DIRECT_LINE_SECRET,
      DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9/v3/directline',
      HELPDESK_WEBHOOK_URL: 'http://127.0.0.1:9/tickets',
      HELPDESK_WEBHOOK_AUTH: SECRETS.HELPDESK_WEBHOOK_AUTH,
    });
    expect((await talk(bot.base, 'secrets-p1', 'my galaxy watch shows error 1002')).length).toBeGreaterThan(0);
    expect((await talk(bot.base, 'secrets-p2', 'talk to a person')).length).toBeGreaterThan(0);
    expect((await fetch(`${bot.base}/api/directline/token`, { method: 'POST' })).status).toBe(502);
    expect((await fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' })).status).toBe(400);
    await bot.stop();

    const all = output.join('\n');
    expect(all).toMatch(/helpdesk unreachable/);
    expect(all).toMatch(/direct line token exchange failed/);
    expect(leaked(all, SECRETS)).toEqual([]);
  }, 90_000);

  test('Redis with a password (one this Redis does not expect, or no Redis at all)', async () => {
    const prefix = `test-secrets-${process.pid}:`;
    const { bot, output } = await start({
      STORAGE: 'redis',
      REDIS_URL: `redis://:${SECRETS.redisPassword}@127.0.0.1:6379/0`,
      REDIS_KEY_PREFIX: prefix,
    });
    // Whether the turn works depends on this machine's Redis; either way nothing may leak.
    await talk(bot.base, 'secrets-redis', 'hello').catch(() => undefined);
    await bot.stop();
    await removeKeys(prefix);

    const all = output.join('\n');
    expect(all).toContain('redis');
    expect(leaked(all, SECRETS)).toEqual([]);
  }, 90_000);
});

async function removeKeys(prefix: string): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // No Redis here: nothing was written.
  } finally {
    redis.disconnect();
  }
}
