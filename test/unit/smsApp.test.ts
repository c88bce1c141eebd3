import type { AddressInfo } from 'node:net';
import nock from 'nock';
import pino from 'pino';
import { createApp } from '../../src/app';
import { isGsm7 } from '../../src/bot/sms/gsm7';
import { fitsMessage } from '../../src/bot/sms/smsSplit';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/testCore';

// The app as it runs (restify, CloudAdapter, the SMS middleware from src/app.ts); the SMS channel's
// connector is played by nock, so "nothing sent" means no request reached it.
const SERVICE_URL = 'https://sms.connector.example.test';

describe('SMS through the real app', () => {
  let base: string;
  let app: ReturnType<typeof createApp>;
  const sent: { text?: string; attachments?: unknown; textFormat?: string }[] = [];

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory' } as NodeJS.ProcessEnv);
    app = createApp(config, pino({ level: 'silent' }));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock(SERVICE_URL)
      .persist()
      .post(/^\/v3\/conversations\/.+\/activities/)
      .reply(200, (_uri, body) => {
        sent.push(body as (typeof sent)[number]);
        return { id: `sent-${sent.length}` };
      });
  });

  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  });

  let n = 0;
  async function text(message: string): Promise<typeof sent> {
    const before = sent.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `sms-${++n}`,
        text: message,
        channelId: 'sms',
        serviceUrl: SERVICE_URL,
        from: { id: '+15550100123' },
        recipient: { id: '+15550100999' },
        conversation: { id: '+15550100123' },
      }),
    });
    expect(res.status).toBe(200);
    return sent.slice(before);
  }

  test('replies are plain GSM-7 text; after STOP nothing reaches the connector until START', async () => {
    const first = await text('my galaxy watch shows error 1002');
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const a of first) {
      expect(a.attachments).toBeUndefined();
      expect(a.textFormat).toBe('plain');
      expect(isGsm7(a.text!)).toBe(true);
      expect(fitsMessage(a.text!)).toBe(true);
    }

    expect(await text('STOP')).toEqual([]);
    expect(await text('1')).toEqual([]);
    expect(await text('my watch shows error 1002')).toEqual([]);

    const back = await text('START');
    expect(back).toHaveLength(1);
    expect(back[0].text).toMatch(/STOP/);
    expect((await text('my watch shows error 1002')).length).toBeGreaterThanOrEqual(2);
  });
});
