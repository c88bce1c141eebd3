import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/app';
import { createDialogFloorApp } from '../../src/bench/dialogFloorApp';
import { createEchoApp } from '../../src/bench/echoApp';
import { LocalConnector } from '../../src/bench/localConnector';
import { TurnClient } from '../../src/bench/turnClient';
import { loadConfig } from '../../src/config';
import { coreFromConfig } from '../../src/core/coreFromConfig';
import { ROOT } from '../helpers/testCore';

// How `npm run bench` measures a turn: the real server and CloudAdapter post replies to the local
// connector, which counts them against the turn; a turn is done when the POST is answered and its replies are in.

const config = loadConfig({ PORT: '0', KNOWLEDGE_DIR: ROOT, MicrosoftAppId: '', STORAGE: 'memory', TRANSCRIPTS: 'off' } as NodeJS.ProcessEnv);
const silent = pino({ level: 'silent' });

async function listen(server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a turn measured through the local connector', () => {
  const connector = new LocalConnector();
  let serviceUrl: string;
  const servers: Array<{ close(cb: () => void): unknown }> = [];

  beforeAll(async () => {
    serviceUrl = await connector.start();
  });

  afterAll(async () => {
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await connector.stop();
  });

  async function clientFor(server: Server | ReturnType<typeof createApp>['server']): Promise<TurnClient> {
    servers.push(server);
    return new TurnClient(await listen(server), connector, serviceUrl, 2);
  }

  test('the echo bot answers each message with one reply, posted before it answers the POST', async () => {
    const app = createEchoApp(config, silent, coreFromConfig(config).wording);
    const client = await clientFor(app.server);
    const turn = await client.send('echo-1', 'hello there', 'webchat');
    client.close();
    expect(turn).toMatchObject({ status: 200, replies: 1, lost: false, replyAfterAnswer: false });
    expect(turn.latencyMs).toBeGreaterThan(0);
    // The reply is in before the POST is answered: the customer's wait ends first.
    expect(turn.answeredMs).toBeGreaterThanOrEqual(turn.latencyMs);
  });

  test('the dialog floor asks on the first message, then answers and asks again: two replies a turn', async () => {
    const app = createDialogFloorApp(config, silent, coreFromConfig(config).wording);
    const client = await clientFor(app.server);
    const first = await client.send('floor-1', 'hello', 'webchat');
    const second = await client.send('floor-1', 'again', 'webchat');
    const third = await client.send('floor-1', 'and again', 'webchat');
    client.close();
    await app.close();
    expect(first).toMatchObject({ status: 200, replies: 1, lost: false });
    expect(second).toMatchObject({ status: 200, replies: 2, lost: false, replyAfterAnswer: false });
    expect(third).toMatchObject({ status: 200, replies: 2, lost: false });
  });

  test.each([
    ['state', 1],
    ['state+reply', 2],
  ] as const)('the %s floor of `--floors` answers every message, its first included, with %i replies', async (shape, replies) => {
    const app = createDialogFloorApp(config, silent, coreFromConfig(config).wording, shape);
    const client = await clientFor(app.server);
    const turns = [await client.send(`floor-${shape}`, 'hello', 'webchat'), await client.send(`floor-${shape}`, 'again', 'webchat')];
    client.close();
    await app.close();
    for (const turn of turns) expect(turn).toMatchObject({ status: 200, replies, lost: false, replyAfterAnswer: false });
  });

  test('the assistant: the first message of a smartwatch flow gets its two replies before the POST is answered', async () => {
    const app = createApp(config, silent);
    const client = await clientFor(app.server);
    const first = await client.send('assistant-1', 'my galaxy watch keeps showing error 1002', 'webchat');
    const second = await client.send('assistant-1', 'yes', 'webchat');
    client.close();
    expect(first).toMatchObject({ status: 200, replies: 2, lost: false, replyAfterAnswer: false });
    expect(second).toMatchObject({ status: 200, replies: 1, lost: false });
  });

  test('a bot that answers without replying loses the turn; one that replies after answering is caught; a refusal is an error', async () => {
    let replyLate = false;
    let status = 200;
    const bot = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        res.writeHead(status);
        res.end();
        if (!replyLate) return;
        const a = JSON.parse(body) as { id: string; conversation: { id: string }; serviceUrl: string };
        const reply = request(`${a.serviceUrl}/v3/conversations/${a.conversation.id}/activities/${a.id}`, { method: 'POST' });
        reply.end('{}');
      });
    });
    const client = await clientFor(bot);
    const silentTurn = await client.send('fake-1', 'anyone there?', 'webchat');
    replyLate = true;
    const lateTurn = await client.send('fake-1', 'hello?', 'webchat');
    status = 503;
    const refused = await client.send('fake-1', 'still there?', 'webchat');
    client.close();
    expect(silentTurn).toMatchObject({ status: 200, replies: 0, lost: true, error: undefined });
    expect(lateTurn).toMatchObject({ status: 200, replies: 1, lost: false, replyAfterAnswer: true });
    // A turn's latency runs to its last reply, however late; a turn with none ends at the answer.
    expect(lateTurn.latencyMs).toBeGreaterThan(lateTurn.answeredMs);
    expect(silentTurn.latencyMs).toBe(silentTurn.answeredMs);
    expect(refused).toMatchObject({ status: 503, error: 'HTTP 503' });
  });
});
