import nock from 'nock';
import { talk } from '../helpers/botProcess';
import { testCore } from '../helpers/testCore';
import { startApp } from './appUnderFault';

// The services the bot calls during a turn hang. The turn must carry on without them within their
// time limits, and nothing the person asked for may be lost.
const core = testCore();
const say = (id: string) => core.wording.say(id);
// The part of a wording before its first {placeholder}.
const opening = (id: string) => String(core.knowledge.responses[id]).split('{')[0].trim();
const SLACK_MS = 700;

const STATUS_URL = 'https://status.example.test/api/v2/status.json';
const HELPDESK = 'https://helpdesk.example.test';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

afterAll(() => nock.enableNetConnect());

test('the cloud status service hangs: the NAS flow asks the person to look at the status page, within the time limit', async () => {
  nock('https://status.example.test').persist().get('/api/v2/status.json').delay(10_000).reply(200, { status: { indicator: 'none' } });
  const bot = await startApp({ CLOUD_STATUS_URL: STATUS_URL, CLOUD_STATUS_TIMEOUT_MS: '500' });
  try {
    const started = Date.now();
    const replies = await talk(bot.base, 'conv-status-hangs', 'nas cloud access error 1002');
    const elapsed = Date.now() - started;

    expect(replies).toEqual([say('flow.nas.intro'), expect.stringContaining(opening('flow.ask_status_page'))]);
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(500 + SLACK_MS);
    expect(bot.logs.find((l) => l.msg === 'cloud status check failed; carrying on without it')).toBeDefined();
    // The person saw nothing wrong on the page: the flow goes on to its first question.
    expect(await talk(bot.base, 'conv-status-hangs', 'no')).toEqual([expect.stringContaining(say('flow.nas.ask_other_devices'))]);
  } finally {
    await bot.close();
  }
});

test('the helpdesk webhook hangs: the person is told at once and gets the contacts; the ticket is kept and delivered once it is back', async () => {
  const posted: Array<{ key: string; body: { reference?: string } }> = [];
  nock(HELPDESK).post('/api/tickets').delay(10_000).reply(201, { id: 'too-late' });
  const bot = await startApp({
    HELPDESK_WEBHOOK_URL: `${HELPDESK}/api/tickets`,
    HELPDESK_WEBHOOK_TIMEOUT_MS: '500',
    HELPDESK_RETRY_INTERVAL_MS: '300',
  });
  try {
    await talk(bot.base, 'conv-helpdesk-hangs', 'my fitbit wont sync w my phone, error 1002');
    const started = Date.now();
    const replies = await talk(bot.base, 'conv-helpdesk-hangs', 'can i speak to someone');
    const elapsed = Date.now() - started;

    const queued = replies.find((r) => r.startsWith(opening('handoff.ticket_queued')));
    expect(queued).toBeDefined();
    expect(replies.join('\n')).toMatch(/\+1 555-01/);
    expect(elapsed).toBeLessThan(500 + SLACK_MS);
    const kept = bot.logs.find((l) => l.msg === 'helpdesk unreachable, ticket kept for a retry');
    expect(kept).toMatchObject({ reason: 'timeout' });

    // The helpdesk answers again: the retrier delivers the same case, under the reference the person was given.
    nock(HELPDESK).post('/api/tickets').reply(function (_uri, body) {
      posted.push({ key: String(this.req.headers['idempotency-key']), body: body as { reference?: string } });
      return [201, { id: 'T-1' }];
    });
    await waitFor(() => posted.length > 0, 5000);
    expect(posted).toEqual([{ key: kept!.reference, body: expect.anything() }]);
    expect(queued).toContain(String(kept!.reference));
  } finally {
    await bot.close();
  }
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
