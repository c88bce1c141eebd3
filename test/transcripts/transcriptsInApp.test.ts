import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import nock from 'nock';
import { capturedLogger } from '../helpers/capturedLogger';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { ROOT } from '../helpers/testCore';

// The real app (restify, CloudAdapter, every middleware) with TRANSCRIPTS=on, on a storage that keeps a
// copy of everything written to it and a log the test reads: nothing a person typed reaches either
// unredacted. Replies come back in the HTTP answer (deliveryMode expectReplies).

const PERSONAL = ['jane.doe@example.com', '+44 20 7946 0958', '7946 0958', 'WX12A3456789', '221B Baker Street', 'NW1 6XE', '81.2.69.160', '07700 900123', '07700900123'];

/** A MemoryStorage that remembers every write as JSON. */
class RecordingStorage implements Storage {
  readonly writes: string[] = [];
  private readonly inner = new MemoryStorage();
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes.push(JSON.stringify(changes));
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe('transcripts in the running app', () => {
  let base: string;
  let app: ReturnType<typeof createApp>;
  const storage = new RecordingStorage();
  const { logger, lines: logLines } = capturedLogger();

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', TRANSCRIPTS: 'on', LOG_LEVEL: 'info' } as NodeJS.ProcessEnv);
    app = createApp(config, logger, { stores: { storage, events: new MemoryEventLog(), describe: 'memory', close: async () => undefined } });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });

  afterAll(async () => {
    nock.enableNetConnect();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  });

  let n = 0;
  const say = async (conversation: string, content: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `act-${++n}`, channelId: 'webchat', serviceUrl: 'https://connector.example.test', deliveryMode: 'expectReplies',
        from: { id: 'user-1', name: 'Jane Doe' }, recipient: { id: 'bot', name: 'Support' }, conversation: { id: conversation }, locale: 'en-GB', ...content,
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { activities: { text?: string }[] }).activities;
  };
  const transcriptOf = (conversation: string) => app.transcripts!.store.read({ channelId: 'webchat', conversationId: conversation });

  test('messages and card values are stored redacted; nothing unredacted is written or logged', async () => {
    await say('conv-a', { text: 'my fitbit shows error 1002. I am jane.doe@example.com, +44 20 7946 0958, serial WX12A3456789, 221B Baker Street, London NW1 6XE' });
    await say('conv-a', { text: 'my router says 81.2.69.160 and you can ring 07700 900123' });
    // A tapped card button posts a value; a client may put anything in it.
    await say('conv-a', { value: { answer: 'Yes', note: 'text me on 07700900123' } });

    const entries = await transcriptOf('conv-a');
    const said = entries.filter((e) => e.from.role === 'user');
    expect(said.map((e) => e.text ?? e.value)).toEqual([
      'my fitbit shows error 1002. I am [email], [phone], serial [serial], [address]',
      'my router says [ip] and you can ring [phone]',
      { answer: 'Yes', note: 'text me on [phone]' },
    ]);
    expect(entries.filter((e) => e.from.role === 'bot').length).toBeGreaterThan(2);
    // No names, ids or addresses of the conversation in the stored entries.
    expect(JSON.stringify(entries)).not.toMatch(/Jane Doe|user-1|conv-a|connector\.example/);

    const written = storage.writes.join('\n');
    expect(written).toContain('[email]');
    for (const raw of PERSONAL) expect({ raw, inStorage: written.includes(raw) }).toEqual({ raw, inStorage: false });
    const logged = logLines.join('');
    for (const raw of PERSONAL) expect({ raw, inLog: logged.includes(raw) }).toEqual({ raw, inLog: false });
  });

  test('one document per conversation, under a key that does not contain the conversation id', async () => {
    await say('conv-b', { text: 'hello' });
    const keys = storage.writes.flatMap((w) => Object.keys(JSON.parse(w) as object)).filter((k) => k.startsWith('transcripts/'));
    expect(new Set(keys).size).toBe(2);
    for (const k of keys) expect(k).toMatch(/^transcripts\/webchat\/[0-9a-f]{16}$/);
    expect((await transcriptOf('conv-b')).map((e) => e.text)).toEqual(['hello', expect.any(String), expect.any(String)]);
  });

  test('"forget me" deletes the transcript, and the forget turn itself leaves none behind', async () => {
    await say('conv-c', { text: 'my email is jane.doe@example.com and my fitbit shows error 1002' });
    expect((await transcriptOf('conv-c')).length).toBeGreaterThan(1);
    await say('conv-c', { text: 'please forget me' });
    expect(await transcriptOf('conv-c')).toEqual([]);
    await say('conv-c', { text: 'hello again' });
    expect((await transcriptOf('conv-c'))[0].text).toBe('hello again');
  });
});
