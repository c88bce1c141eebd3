import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/testCore';

/** The real app (restify, CloudAdapter, bot) in this process, with its log lines kept for checking. */
export interface AppUnderFault {
  base: string;
  app: ReturnType<typeof createApp>;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log output, to check nothing personal or no stack trace went in. */
  logText(): string;
  close(): Promise<void>;
}

export async function startApp(env: Record<string, string>, options: AppOptions = {}): Promise<AppUnderFault> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', TRANSCRIPTS: 'off', ...env } as NodeJS.ProcessEnv);
  const app = createApp(config, pino({ level: 'debug' }, sink), options);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    app,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join('\n'),
    close: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.stores.close();
    },
  };
}

/** A message activity from a person on Web Chat, replies going to `serviceUrl`. */
export function message(text: string, conversation: string, serviceUrl: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `${conversation}-${Math.random().toString(36).slice(2, 8)}`,
    text,
    channelId: 'webchat',
    serviceUrl,
    from: { id: `user-${conversation}`, name: 'Customer' },
    recipient: { id: 'bot', name: 'Support' },
    conversation: { id: conversation },
    locale: 'en-GB',
    ...extra,
  };
}

/** POSTs an activity to /api/messages; returns the HTTP status and how long the turn took. */
export async function post(base: string, activity: object): Promise<{ status: number; ms: number; body: string }> {
  const started = Date.now();
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = await res.text();
  return { status: res.status, ms: Date.now() - started, body };
}
