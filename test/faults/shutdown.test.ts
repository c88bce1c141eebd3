import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotProcess, talk, type BotProcess } from '../helpers/botProcess';
import { testCore } from '../helpers/testCore';

// SIGTERM while turns are in flight (a deploy, a scale-in): those turns finish and answer, new
// requests are refused, the state is saved, and a new process carries every conversation on.
const core = testCore();
const say = (id: string) => core.wording.say(id);
const CONVERSATIONS = ['conv-term-1', 'conv-term-2', 'conv-term-3'];

/** A cloud status service that answers "all is well" after `delayMs`; it counts the requests it got. */
async function slowStatusService(delayMs: number): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests += 1;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: { indicator: 'none' } }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/status.json`, requests: () => requests, server };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends SIGTERM once (a second one would end the process at once) and resolves with the exit code. */
function terminate(bot: BotProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
  bot.child.kill('SIGTERM');
  return exited;
}

/** One message through the local Direct Line endpoint (a new conversation); resolves with the HTTP status of the post. */
async function directLineTurn(base: string, text: string): Promise<number> {
  const started = (await (await fetch(`${base}/directline/conversations`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  const res = await fetch(`${base}/directline/conversations/${started.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, text }),
  });
  return res.status;
}

/** A new turn sent after SIGTERM: refused at the door (no connection) or answered 503. */
async function newRequestOutcome(base: string): Promise<string> {
  try {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' });
    return `HTTP ${res.status}`;
  } catch (err) {
    return String((err as Error & { cause?: { code?: string } }).cause?.code ?? err);
  }
}

describe('SIGTERM during traffic', () => {
  let dir: string;
  let status: Awaited<ReturnType<typeof slowStatusService>>;
  const running: BotProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faults-shutdown-'));
    status = await slowStatusService(1000);
  });

  afterAll(async () => {
    await Promise.all(running.map((b) => b.stop('SIGKILL')));
    await new Promise((resolve) => status.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>) => {
    const bot = await startBotProcess({ CLOUD_STATUS_URL: status.url, CLOUD_STATUS_TIMEOUT_MS: '5000', ...env });
    running.push(bot);
    return bot;
  };

  test('turns in flight finish and answer, new ones are refused, the process exits 0, and a new one carries on', async () => {
    const env = { SQLITE_FILE: join(dir, 'drain.sqlite') };
    const first = await start(env);
    const before = status.requests();
    // Three NAS conversations start; each turn waits about 1 s for the status service. A fourth comes
    // through the local Direct Line endpoint, whose replies come back to this server while it drains.
    const inFlight = CONVERSATIONS.map((c) => talk(first.base, c, 'my WD My Cloud says cloud access connection error 1002'));
    const directLine = directLineTurn(first.base, 'my WD My Cloud says cloud access connection error 1002');
    await waitFor(() => status.requests() === before + CONVERSATIONS.length + 1, 'the four turns are waiting for the status service');

    const signalled = Date.now();
    const exited = terminate(first);
    await waitFor(() => first.logs.some((l) => l.msg === 'shutting down: refusing new requests, finishing those in flight'), 'shutdown starts');
    const refused = await newRequestOutcome(first.base);
    const answers = await Promise.all(inFlight);
    const directLineStatus = await directLine;
    const code = await exited;
    const exitMs = Date.now() - signalled;

    expect(['ECONNREFUSED', 'HTTP 503']).toContain(refused);
    for (const replies of answers) {
      expect(replies).toEqual([say('flow.nas.intro'), say('flow.status_up'), expect.stringContaining(say('flow.nas.ask_other_devices'))]);
    }
    expect(directLineStatus).toBe(200);
    // Its replies reached the Direct Line store: none was refused, retried or lost.
    expect(first.logs.filter((l) => /^connector|^turn failed/.test(String(l.msg)))).toEqual([]);
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(3000);
    expect(first.logs.find((l) => l.msg === 'shutting down: refusing new requests, finishing those in flight')).toMatchObject({ signal: 'SIGTERM', inFlight: 4 });
    expect(first.logs.find((l) => l.msg === 'shut down')).toMatchObject({ outcome: 'drained' });

    // The state of every turn that answered was saved: a new process takes each conversation on.
    const second = await start(env);
    for (const c of CONVERSATIONS) {
      expect(await talk(second.base, c, 'no')).toEqual([say('flow.nas.say_home_internet'), expect.stringContaining(say('flow.nas.ask_local_dashboard'))]);
    }
  }, 90_000);

  test('a turn still running at the shutdown deadline is abandoned: exit 1, logged, and its conversation keeps its last saved state', async () => {
    const env = { SQLITE_FILE: join(dir, 'deadline.sqlite'), SHUTDOWN_GRACE_MS: '300' };
    const first = await start(env);
    const before = status.requests();
    const abandoned = talk(first.base, 'conv-term-late', 'my WD My Cloud says cloud access connection error 1002').then(
      (replies) => `answered: ${replies.join(' ')}`,
      (err: Error) => `failed: ${err.message}`,
    );
    await waitFor(() => status.requests() === before + 1, 'the turn is waiting for the status service');

    const code = await terminate(first);

    expect(code).toBe(1);
    // The connection was closed without an answer; the channel would send the activity again.
    expect(await abandoned).toBe('failed: fetch failed');
    expect(first.logs.find((l) => l.msg === 'requests still running at the shutdown deadline; closing anyway')).toMatchObject({ inFlight: 1, graceMs: 300 });
    // Nothing of the abandoned turn was saved: the conversation starts afresh.
    const second = await start(env);
    expect(await talk(second.base, 'conv-term-late', 'no')).not.toContainEqual(say('flow.nas.say_home_internet'));
  }, 90_000);
});
