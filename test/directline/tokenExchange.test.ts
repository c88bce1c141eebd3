import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import restify, { type Server } from 'restify';
import { AzureTokenSource } from '../../src/directline/azureTokenSource';
import { registerTokenRoute, TOKEN_PATH } from '../../src/directline/tokenRoute';
import { startBot } from './startBot';

// POST /api/directline/token with DIRECT_LINE_SECRET set: the secret is exchanged with Azure
// (played by nock) for a short-lived token; the secret never reaches the browser or the log.

const SECRET = 'dl-secret-Xq93.never-in-a-response';
const AZURE = 'https://directline.botframework.com';
const GENERATE = '/v3/directline/tokens/generate';
const FRIENDLY = /not reachable right now.*try again/i;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const askToken = (base: string, body?: object) =>
  fetch(`${base}${TOKEN_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });

describe('token endpoint with a Direct Line secret (the whole app)', () => {
  test('passes the token through, binds a user, and never returns the secret', async () => {
    const bot = await startBot({ DIRECT_LINE_SECRET: SECRET });
    try {
      let sentUser: string | undefined;
      const azure = nock(AZURE, { reqheaders: { authorization: `Bearer ${SECRET}` } })
        .post(GENERATE, (body: { user?: { id?: string } }) => {
          sentUser = body.user?.id;
          return true;
        })
        .reply(200, { conversationId: 'AzConv-1', token: 'short.lived.token', expires_in: 1800, extra: SECRET });

      const res = await askToken(bot.base);
      const text = await res.text();

      expect(azure.isDone()).toBe(true);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toEqual({
        token: 'short.lived.token',
        expires_in: 1800,
        conversationId: 'AzConv-1',
        domain: 'https://directline.botframework.com/v3/directline',
        userId: sentUser,
      });
      expect(sentUser).toMatch(/^dl_/);
      expect(text).not.toContain(SECRET);
    } finally {
      await bot.close();
    }
  });
});

describe('token endpoint when Azure fails', () => {
  let server: Server;
  let base: string;
  const logged: string[] = [];

  beforeAll(async () => {
    // Just the route with a short upstream timeout, and a logger whose output the test reads.
    const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) });
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    const azure = new AzureTokenSource({ secret: SECRET, endpoint: `${AZURE}/v3/directline`, timeoutMs: 300 });
    registerTokenRoute(server, { azure, logger: pino({ level: 'info' }, sink) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    ['refuses the secret (401)', () => nock(AZURE).post(GENERATE).reply(401, { error: { code: 'BadArgument', message: `bad secret ${SECRET}` } })],
    ['fails (500)', () => nock(AZURE).post(GENERATE).reply(500, 'oops')],
    ['does not answer in time', () => nock(AZURE).post(GENERATE).delay(900).reply(200, { conversationId: 'c', token: 't', expires_in: 1800 })],
    ['cannot be reached', () => nock(AZURE).post(GENERATE).replyWithError({ code: 'ECONNREFUSED', message: 'connect refused' })],
    ['answers without a token', () => nock(AZURE).post(GENERATE).reply(200, { conversationId: 'c' })],
    ['answers with something that is not JSON', () => nock(AZURE).post(GENERATE).reply(200, '<html>')],
  ])('Azure %s → 502 with a friendly message, secret in neither answer nor log', async (_name, arrange) => {
    const azure = arrange();
    logged.length = 0;
    const started = Date.now();
    const res = await askToken(base);
    const text = await res.text();
    expect(azure.isDone()).toBe(true);
    expect(res.status).toBe(502);
    expect((JSON.parse(text) as { error: string }).error).toMatch(FRIENDLY);
    expect(text).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(logged.join('')).toMatch(/direct line token exchange failed/);
    expect(logged.join('')).not.toContain(SECRET);
  });

  test('the log says why, e.g. the upstream status', async () => {
    nock(AZURE).post(GENERATE).reply(403, {});
    logged.length = 0;
    await askToken(base);
    expect(logged.join('')).toMatch(/Direct Line answered 403/);
  });
});

describe('token endpoint with neither a secret nor local mode', () => {
  test('answers 503: web chat is not set up', async () => {
    const server = restify.createServer();
    registerTokenRoute(server, { logger: pino({ level: 'silent' }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const res = await askToken(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/not set up/i);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
