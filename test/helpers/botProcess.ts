import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Activity } from 'botbuilder';
import { activityText } from './cards';
import { ROOT } from './testCore';

export interface BotProcess {
  /** http://127.0.0.1:port */
  base: string;
  child: ChildProcess;
  /** Log lines the process printed (pino JSON). */
  logs: Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The real bot (src/index.ts, run by tsx) as its own process on a free loopback port. */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (typeof entry.url === 'string') {
        clearTimeout(timer);
        resolve(new URL(entry.url).origin);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before it was ready: ${stderr}`));
    });
  });
  return {
    base,
    child,
    logs,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** One message in one conversation over HTTP, answered in the response body (expectReplies). */
export async function talk(base: string, conversationId: string, text: string, channelId = 'webchat'): Promise<string[]> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `${conversationId}-${Math.random().toString(36).slice(2)}`,
      text,
      channelId,
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      from: { id: `user-${conversationId}` },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
      locale: 'en-GB',
    }),
  });
  if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities?: Partial<Activity>[] };
  return (body.activities ?? []).map(activityText);
}
