import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { capturedLogger } from '../helpers/capturedLogger';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { OUTBOX_KEY, TicketOutbox } from '../../src/handoff/ticketOutbox';
import { HELPDESK_HOST, HELPDESK_PATH } from '../helpers/handoffHarness';
import { ROOT } from '../helpers/testCore';

// The whole app as configured by settings: agent hub on Web Chat, a helpdesk webhook that is down at
// first, the retrier that app.ts starts (every 50 ms here) and stops when the server closes.

const TOKEN = 'Bearer s3cret-helpdesk-token';

describe('handoff in the running app', () => {
  let base: string;
  let app: ReturnType<typeof createApp>;
  const { logger, lines: logLines } = capturedLogger();

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', LOG_LEVEL: 'info',
      HANDOFF_EVENT_CHANNELS: 'webchat', HELPDESK_WEBHOOK_URL: `${HELPDESK_HOST}${HELPDESK_PATH}?code=url-secret`,
      HELPDESK_WEBHOOK_AUTH: TOKEN, HELPDESK_WEBHOOK_TIMEOUT_MS: '500', HELPDESK_RETRY_INTERVAL_MS: '50',
    } as NodeJS.ProcessEnv);
    app = createApp(config, logger);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });

  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    if (app.server.listening) await new Promise<void>((resolve) => app.server.close(() => resolve()));
  });

  const say = async (text: string) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `a-${Math.random()}`, text, channelId: 'webchat', serviceUrl: 'https://connector.example.test', deliveryMode: 'expectReplies',
        from: { id: 'user-1' }, recipient: { id: 'bot' }, conversation: { id: 'conv-app' }, locale: 'en-GB',
      }),
    });
    return ((await res.json()) as { activities: { type: string; name?: string; text?: string; value?: { reference?: string } }[] }).activities;
  };

  test('helpdesk down: the person hears so and gets contacts, the hub gets the event, and the retrier delivers the ticket', async () => {
    const posted: { auth?: string; body: Record<string, unknown> }[] = [];
    nock(HELPDESK_HOST)
      .post(HELPDESK_PATH).query({ code: 'url-secret' }).reply(503)
      .post(HELPDESK_PATH).query({ code: 'url-secret' }).reply(function (_uri, body) {
        posted.push({ auth: this.req.headers.authorization, body: body as Record<string, unknown> });
        return [201, { id: 'T-1' }];
      });

    await say('my fitbit shows error 1002, mail me at jane.doe@example.com');
    const replies = await say('talk to a person please');
    const event = replies.find((a) => a.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    const text = replies.map((a) => a.text ?? '').join('\n');
    expect(text).toContain("couldn't reach the support team");
    expect(text).toContain('I\'ve asked a person from the support team to join this chat');

    await waitFor(() => posted.length === 1);
    await waitFor(async () => ((await new TicketOutbox(app.stores.storage).list()).length === 0));
    expect(posted[0].auth).toBe(TOKEN);
    expect(posted[0].body).toMatchObject({ externalReference: event!.value!.reference, reason: 'asked', channel: 'webchat' });
    expect(JSON.stringify(posted[0].body)).toContain('mail me at [email]');
    expect(JSON.stringify(posted[0].body)).not.toContain('jane.doe@example.com');

    const logged = logLines.join('');
    expect(logged).toContain('helpdesk ticket delivered on retry');
    for (const secret of ['s3cret-helpdesk-token', 'url-secret', 'jane.doe@example.com']) expect(logged).not.toContain(secret);
  });

  test('closing the server stops the retrier', async () => {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    const outbox = new TicketOutbox(app.stores.storage);
    await outbox.add({ reference: 'H-LATE-0001', body: {}, attempts: 1, nextAt: 0 });
    await new Promise((r) => setTimeout(r, 300));
    const doc = (await app.stores.storage.read([OUTBOX_KEY]))[OUTBOX_KEY];
    expect(doc.tickets).toEqual([{ reference: 'H-LATE-0001', body: {}, attempts: 1, nextAt: 0 }]);
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
