import { createServer, type AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { HelpdeskWebhook } from '../../src/handoff/helpdeskWebhook';
import { TicketOutbox, type OutboxTicket } from '../../src/handoff/ticketOutbox';
import { nextTryAt, TicketRetrier } from '../../src/handoff/ticketRetrier';
import { capturedLogger } from '../helpers/capturedLogger';
import { HELPDESK_AUTH, HELPDESK_HOST, HELPDESK_PATH } from '../helpers/handoffHarness';

const URL = `${HELPDESK_HOST}${HELPDESK_PATH}`;
const webhook = (timeoutMs = 1000, authHeader = 'Authorization') => new HelpdeskWebhook({ url: URL, authHeader, auth: HELPDESK_AUTH, timeoutMs });
const BODY = { subject: 'Error 1002 on Fitbit Smartwatch', transcript: [{ from: 'user', text: 'my number is [phone]' }] };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('posting a ticket to the helpdesk webhook', () => {
  test('sends the JSON body with the configured auth header and the case reference as idempotency key', async () => {
    const helpdesk = nock(HELPDESK_HOST, { reqheaders: { authorization: HELPDESK_AUTH, 'idempotency-key': 'H-AAAA-BBBB', 'content-type': 'application/json' } })
      .post(HELPDESK_PATH, BODY)
      .reply(201, { id: 'T-1' });
    expect(await webhook().post(BODY, 'H-AAAA-BBBB')).toEqual({ ok: true, status: 201 });
    expect(helpdesk.isDone()).toBe(true);
  });

  test('the auth header name comes from the settings', async () => {
    const helpdesk = nock(HELPDESK_HOST, { reqheaders: { 'x-api-key': HELPDESK_AUTH }, badheaders: ['authorization'] }).post(HELPDESK_PATH).reply(200);
    expect(await webhook(1000, 'X-Api-Key').post(BODY, 'H-1')).toEqual({ ok: true, status: 200 });
    expect(helpdesk.isDone()).toBe(true);
  });

  test.each([
    [500, true], [503, true], [429, true], [408, true], [400, false], [401, false], [422, false],
  ])('an answer %i is a failure; worth retrying: %s', async (status, retry) => {
    nock(HELPDESK_HOST).post(HELPDESK_PATH).reply(status, 'no');
    expect(await webhook().post(BODY, 'H-1')).toEqual({ ok: false, retry, reason: 'status', status });
  });

  test('a helpdesk slower than the time limit is a timeout, and the post does not hang', async () => {
    nock(HELPDESK_HOST).post(HELPDESK_PATH).delay(2000).reply(201);
    const started = Date.now();
    expect(await webhook(150).post(BODY, 'H-1')).toEqual({ ok: false, retry: true, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  test('a helpdesk that refuses the connection is unreachable', async () => {
    const port = await closedPort();
    nock.enableNetConnect('127.0.0.1');
    try {
      const down = new HelpdeskWebhook({ url: `http://127.0.0.1:${port}/tickets`, authHeader: 'Authorization', timeoutMs: 1000 });
      expect(await down.post(BODY, 'H-1')).toEqual({ ok: false, retry: true, reason: 'unreachable' });
    } finally {
      nock.disableNetConnect();
    }
  });
});

describe('the outbox and its retrier', () => {
  const ticket = (reference: string, nextAt = 0): OutboxTicket => ({ reference, body: { ...BODY, externalReference: reference }, attempts: 1, nextAt });

  test('500, then accepted on the next try: the ticket is delivered once and the outbox is empty', async () => {
    let now = 1_000_000;
    const outbox = new TicketOutbox(new MemoryStorage());
    await outbox.add(ticket('H-1', now));
    const { logger, lines } = capturedLogger();
    const retrier = new TicketRetrier(outbox, webhook(), logger, { intervalMs: 60_000, now: () => now });
    const posted: unknown[] = [];
    nock(HELPDESK_HOST).post(HELPDESK_PATH, (b) => posted.push(b) > 0).reply(500).post(HELPDESK_PATH, (b) => posted.push(b) > 0).reply(201);

    expect(await retrier.runOnce()).toEqual({ delivered: 0, postponed: 1, gaveUp: 0 });
    expect(await outbox.list()).toEqual([{ reference: 'H-1', body: ticket('H-1').body, attempts: 2, nextAt: now + 120_000 }]);
    // Not due yet: nothing is posted.
    expect(await retrier.runOnce()).toEqual({ delivered: 0, postponed: 0, gaveUp: 0 });
    now += 120_000;
    expect(await retrier.runOnce()).toEqual({ delivered: 1, postponed: 0, gaveUp: 0 });

    expect(await outbox.list()).toEqual([]);
    expect(posted).toEqual([ticket('H-1').body, ticket('H-1').body]);
    // Each outcome is logged by reference, without the ticket, the URL or the auth header.
    const logged = lines.join('');
    expect(logged).toContain('"reference":"H-1"');
    expect(logged).toContain('helpdesk ticket delivered on retry');
    for (const secret of [HELPDESK_AUTH, 'test-helpdesk-token', HELPDESK_HOST, '[phone]', 'Fitbit']) expect(logged).not.toContain(secret);
  });

  test('the wait doubles after each failure, up to an hour', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => nextTryAt(0, n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000]);
  });

  test('a ticket still failing after the last attempt is given up and logged as an error', async () => {
    const outbox = new TicketOutbox(new MemoryStorage());
    await outbox.add({ ...ticket('H-2'), attempts: 2 });
    const { logger, lines } = capturedLogger();
    nock(HELPDESK_HOST).post(HELPDESK_PATH).reply(503);
    const retrier = new TicketRetrier(outbox, webhook(), logger, { intervalMs: 1000, maxAttempts: 3 });
    expect(await retrier.runOnce()).toEqual({ delivered: 0, postponed: 0, gaveUp: 1 });
    expect(await outbox.list()).toEqual([]);
    expect(lines.join('')).toMatch(/"level":50.*"reference":"H-2".*given up/);
  });

  test('two bot processes sharing the outbox post each ticket once', async () => {
    const storage = new MemoryStorage();
    await new TicketOutbox(storage).add(ticket('H-3'));
    let posts = 0;
    nock(HELPDESK_HOST).persist().post(HELPDESK_PATH).reply(() => {
      posts++;
      return [201, {}];
    });
    const silent = pino({ level: 'silent' });
    const [a, b] = [new TicketRetrier(new TicketOutbox(storage), webhook(), silent, { intervalMs: 1000 }), new TicketRetrier(new TicketOutbox(storage), webhook(), silent, { intervalMs: 1000 })];
    const rounds = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(rounds.map((r) => r.delivered).sort()).toEqual([0, 1]);
    expect(posts).toBe(1);
    expect(await new TicketOutbox(storage).list()).toEqual([]);
  });

  test('started, it retries on its timer; stopped, it does not', async () => {
    const outbox = new TicketOutbox(new MemoryStorage());
    await outbox.add(ticket('H-4'));
    nock(HELPDESK_HOST).post(HELPDESK_PATH).reply(201);
    const retrier = new TicketRetrier(outbox, webhook(), pino({ level: 'silent' }), { intervalMs: 20 });
    retrier.start();
    try {
      await waitFor(async () => (await outbox.list()).length === 0);
    } finally {
      retrier.stop();
    }
    await outbox.add(ticket('H-5'));
    await new Promise((r) => setTimeout(r, 100));
    expect((await outbox.list()).map((t) => t.reference)).toEqual(['H-5']);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
