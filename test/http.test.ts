import type { AddressInfo } from 'node:net';
import nock from 'nock';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { ROOT } from './helpers/testCore';

// The real restify server and CloudAdapter in local mode; the channel's connector is played by nock.
const SERVICE_URL = 'https://connector.example.test';

describe('HTTP endpoint', () => {
  let base: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory' } as NodeJS.ProcessEnv);
    app = createApp(config, pino({ level: 'silent' }));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });

  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  });

  const activity = (text: string, id: string) => ({
    type: 'message',
    id,
    text,
    channelId: 'webchat',
    serviceUrl: SERVICE_URL,
    from: { id: 'user-1', name: 'Customer' },
    recipient: { id: 'bot', name: 'Support' },
    conversation: { id: 'conv-http' },
    locale: 'en-GB',
  });

  const post = (body: string) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  test('a message gets its replies posted to the serviceUrl of the activity', async () => {
    const received: { text?: string; replyToId?: string }[] = [];
    const connector = nock(SERVICE_URL)
      .post('/v3/conversations/conv-http/activities/act-1', (body) => {
        received.push(body);
        return true;
      })
      .times(2)
      .reply(200, { id: 'sent' });

    const res = await post(JSON.stringify(activity('my galaxy watch shows error 1002', 'act-1')));

    expect(res.status).toBe(200);
    expect(connector.isDone()).toBe(true);
    expect(received[0].text).toMatch(/error 1002/i);
    expect(received[1].text).toMatch(/turn on/i);
    expect(received.every((a) => a.replyToId === 'act-1')).toBe(true);
  });

  test('health check answers with what is loaded', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; articles: number; flows: number };
    expect(body.status).toBe('ok');
    expect(body.flows).toBeGreaterThanOrEqual(2);
    expect(body.articles).toBeGreaterThan(20);
  });

  test.each([
    ['malformed JSON', '{"type": "message", '],
    ['JSON that is not an activity', '[1, 2, 3]'],
    ['an activity without a type', JSON.stringify({ text: 'hi' })],
  ])('%s gets a 400, and the server keeps serving', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('a connector that fails: the turn error is logged, the user is told, the server keeps serving', async () => {
    const bodies: string[] = [];
    nock(SERVICE_URL)
      .persist()
      .post(/\/v3\/conversations\/conv-http\/activities/, (body) => {
        bodies.push(JSON.stringify(body));
        return true;
      })
      .reply(500, { error: 'down' });
    const res = await post(JSON.stringify(activity('hello', 'act-2')));
    nock.cleanAll();
    // The bot's normal reply failed, so onTurnError tried to send its friendly message.
    expect(bodies.some((b) => /went wrong on my side/.test(b))).toBe(true);
    expect(bodies.join('\n')).not.toMatch(/\bat .+\.(js|ts):\d+/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
