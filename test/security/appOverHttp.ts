import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import pino, { type Logger } from 'pino';
import { createApp, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/testCore';

export const SERVICE_URL = 'https://connector.example.test';

export interface PostResult {
  status: number;
  /** The replies, when the activity asked for them in the response (deliveryMode expectReplies). */
  activities: Partial<Activity>[];
  body: string;
}

export interface AppOverHttp {
  base: string;
  app: ReturnType<typeof createApp>;
  post(activity: unknown, headers?: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

/** The whole app (restify, CloudAdapter, middleware, bot) on a free loopback port. */
export async function startApp(env: Record<string, string>, options: AppOptions = {}, logger: Logger = pino({ level: 'silent' })): Promise<AppOverHttp> {
  const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', ...env } as NodeJS.ProcessEnv);
  const app = createApp(config, logger, options);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    base,
    app,
    post: async (activity, headers = {}) => {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const body = await res.text();
      let activities: Partial<Activity>[] = [];
      try {
        activities = (JSON.parse(body) as { activities?: Partial<Activity>[] }).activities ?? [];
      } catch {
        // Not JSON (an empty 200, a plain-text error): no replies in the body.
      }
      return { status: res.status, activities, body };
    },
    close: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.stores.close();
    },
  };
}

let counter = 0;

/** A message from a person in `conversation`, answered in the response body. */
export function message(conversation: string, text: string, channelId = 'webchat', extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `msg-${counter}`,
    text,
    channelId,
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: `user-${conversation}`, name: 'Customer' },
    recipient: { id: 'bot', name: 'Support' },
    conversation: { id: conversation },
    locale: 'en-GB',
    ...extra,
  };
}
