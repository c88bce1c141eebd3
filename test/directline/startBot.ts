import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/testCore';

export interface RunningBot {
  base: string;
  app: ReturnType<typeof createApp>;
  close: () => Promise<void>;
}

/** The whole app (real restify server, CloudAdapter in local mode) on a free loopback port. */
export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', ...env } as NodeJS.ProcessEnv);
  const app = createApp(config, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { base, app, close: () => new Promise<void>((resolve) => app.server.close(() => resolve())) };
}

/** Resolves once `check` returns something; fails with what was seen if that takes too long. */
export async function waitFor<T>(check: () => T | undefined, describe: () => unknown, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out; saw ${JSON.stringify(describe(), null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
