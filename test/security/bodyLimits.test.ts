import { connect, type AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import type { Server } from 'restify';
import { MAX_MESSAGE_CHARS } from '../../src/bot/SupportBot';
import { createServer, MAX_BODY_BYTES } from '../../src/server/createServer';
import { activityText } from '../helpers/cards';
import { testCore } from '../helpers/testCore';
import { message, startApp, type AppOverHttp } from './appOverHttp';

// What the server does with requests that are too big, too slow or too long to read.
const TOO_LONG = testCore().wording.say('input.too_long', { max: MAX_MESSAGE_CHARS });

describe('request size limits (the real app)', () => {
  let bot: AppOverHttp;

  beforeAll(async () => {
    bot = await startApp({});
  });
  afterAll(() => bot.close());

  const healthy = async () => (await fetch(`${bot.base}/healthz`)).status;

  test('a body over 256 KB gets 413 with a JSON error, and the server keeps serving', async () => {
    const body = JSON.stringify(message('big', 'x'.repeat(MAX_BODY_BYTES)));
    const res = await bot.post(body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ code: 'PayloadTooLarge', message: expect.stringContaining(String(MAX_BODY_BYTES)) });
    expect(await healthy()).toBe(200);
  });

  test('a chunked body (no Content-Length) that grows past 256 KB gets 413 too', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit if nobody stops it; the server must stop reading at 256 KB.
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await healthy()).toBe(200);
  });

  test('just under the limit is read; the message text is cut to its limit with a polite note', async () => {
    const body = JSON.stringify(message('long', `my galaxy watch shows error 1002 ${'and more '.repeat(25_000)}`));
    expect(Buffer.byteLength(body)).toBeGreaterThan(200 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES);
    const res = await bot.post(body);
    expect(res.status).toBe(200);
    const texts = res.activities.map(activityText);
    expect(texts[0]).toBe(TOO_LONG);
    // The first 2,000 characters were still understood.
    expect(texts.slice(1).join('\n')).toMatch(/error 1002/i);
  });
});

describe('slow requests (createServer with a short request timeout)', () => {
  let server: Server;
  let port: number;
  const turns: string[] = [];

  beforeAll(async () => {
    const authentication = new ConfigurationBotFrameworkAuthentication({});
    const adapter = new CloudAdapter(authentication);
    const bot = new ActivityHandler().onMessage(async (ctx, next) => {
      turns.push(ctx.activity.text);
      await next();
    });
    server = createServer({ adapter, authentication, bot, logger: pino({ level: 'silent' }), health: () => ({}), requestTimeoutMs: 400 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `raw` and never more; resolves with what the server answered once it closed the connection. */
  const sendAndWait = (raw: string) =>
    new Promise<{ answer: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => socket.write(raw));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer after 5 s; got ${JSON.stringify(answer)}`));
      }, 5000);
      socket.on('error', reject);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ answer, ms: Date.now() - started });
      });
    });

  test('a body that claims more than it sends gets 408 and the connection closed, not a hang', async () => {
    const { answer, ms } = await sendAndWait(
      'POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":"mess',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(3000);
    expect(turns).toEqual([]);
  });

  test('headers that never finish get 408 as well', async () => {
    const { answer } = await sendAndWait('POST /api/messages HTTP/1.1\r\nHost: bot\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  test('a whole request sent in time is answered as usual', async () => {
    const body = JSON.stringify(message('ok', 'hello'));
    const { answer } = await sendAndWait(
      `POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(turns).toEqual(['hello']);
  });
});
