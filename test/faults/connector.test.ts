import nock from 'nock';
import { testCore } from '../helpers/testCore';
import { message, post, startApp, type AppUnderFault } from './appUnderFault';

// The channel's connector (nock at the activity's serviceUrl) failing while the bot posts its
// replies over HTTP (no expectReplies). Retries start only within the turn's budget and every call
// ends by budget + attempt limit (defaults 10 s + 4 s, inside the channel's 15 s); both are cut down
// here to keep the tests short. The rules are the same.
const SERVICE_URL = 'https://connector.example.test';
const BUDGET_MS = 3000;
const ATTEMPT_MS = 1000;
const DELAY_MS = 200;
// Timers, the HTTP round trips and the bot's own work on a busy 2-core machine.
const SLACK_MS = 700;

const core = testCore();
const say = (id: string) => core.wording.say(id);

/** What the connector does with one attempt: answer with a status (and headers), or never answer. */
type Answer = number | { status: number; headers: Record<string, string> } | 'hang';

interface Attempt {
  at: number;
  text: string;
  answer: Answer;
}

/**
 * Plays the connector for one conversation: the answers in order, the last one for every attempt
 * after that. Returns every attempt it saw (only the ones it answered, plus hung ones, are timed).
 */
function connector(conversation: string, answers: Answer[]): Attempt[] {
  const attempts: Attempt[] = [];
  const path = new RegExp(`^/v3/conversations/${conversation}/activities`);
  const intercept = (answer: Answer, scope: nock.Interceptor) => {
    const reply = (_uri: string, body: nock.Body): nock.ReplyFnResult => {
      attempts.push({ at: Date.now(), text: (body as { text?: string }).text ?? '', answer });
      if (answer === 'hang') return [200, { id: 'too-late' }];
      const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
      return [status, status < 300 ? { id: `sent-${attempts.length}` } : { error: { code: 'ServiceError', message: 'down' } }, headers];
    };
    // A hung attempt is recorded when it arrives; nock then holds the answer far past any time limit.
    return answer === 'hang' ? scope.delay(60_000).reply(reply) : scope.reply(reply);
  };
  answers.slice(0, -1).forEach((a) => intercept(a, nock(SERVICE_URL).post(path)));
  intercept(answers[answers.length - 1], nock(SERVICE_URL).persist().post(path));
  return attempts;
}

const gaps = (attempts: Attempt[]) => attempts.slice(1).map((a, i) => a.at - attempts[i].at);
const GAVE_UP = 'connector did not take the reply within the turn budget; giving up';
const RETRYING = 'connector call failed; retrying';

/** From now on: the log lines with this message. */
function watchLogs(bot: AppUnderFault): (msg: string) => Record<string, unknown>[] {
  const from = bot.logs.length;
  return (msg) => bot.logs.slice(from).filter((l) => l.msg === msg);
}

describe('the connector fails while the bot replies', () => {
  let bot: AppUnderFault;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    bot = await startApp({
      CONNECTOR_RETRY_BUDGET_MS: String(BUDGET_MS),
      CONNECTOR_ATTEMPT_TIMEOUT_MS: String(ATTEMPT_MS),
      CONNECTOR_RETRY_DELAY_MS: String(DELAY_MS),
    });
  });

  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });

  afterAll(async () => {
    nock.enableNetConnect();
    await bot.close();
  });

  test('429 with Retry-After: 1 — the reply waits the second the connector asked for, then goes', async () => {
    const attempts = connector('conv-429', [{ status: 429, headers: { 'Retry-After': '1' } }, 200]);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002', 'conv-429', SERVICE_URL));

    expect(turn.status).toBe(200);
    // The intro twice (429, then accepted), then the question once.
    expect(attempts.map((a) => [a.text, a.answer])).toEqual([
      [say('flow.smartwatch.intro'), { status: 429, headers: { 'Retry-After': '1' } }],
      [say('flow.smartwatch.intro'), 200],
      [expect.stringContaining(say('flow.smartwatch.ask_powers_on')), 200],
    ]);
    expect(gaps(attempts)[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps(attempts)[0]).toBeLessThan(1000 + SLACK_MS);
  });

  test('429 asking for more time than the turn has — no wait at all, the turn gives up at once', async () => {
    const attempts = connector('conv-429-long', [{ status: 429, headers: { 'Retry-After': '30' } }]);
    const log = watchLogs(bot);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002', 'conv-429-long', SERVICE_URL));

    expect(turn.status).toBe(200);
    expect(turn.ms).toBeLessThan(SLACK_MS);
    // The intro once, then onTurnError's apology once: neither waits the 30 s.
    expect(attempts.map((a) => a.text)).toEqual([say('flow.smartwatch.intro'), say('error.turn')]);
    expect(log(GAVE_UP).pop()).toMatchObject({ status: 429, attempts: 1 });
  });

  test('500, 502, 503 in a row — retried with doubling waits and jitter, and the reply gets through', async () => {
    const attempts = connector('conv-5xx', [500, 502, 503, 200]);
    const log = watchLogs(bot);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002', 'conv-5xx', SERVICE_URL));

    expect(turn.status).toBe(200);
    expect(attempts.map((a) => a.answer)).toEqual([500, 502, 503, 200, 200]);
    expect(attempts.slice(0, 4).every((a) => a.text === say('flow.smartwatch.intro'))).toBe(true);
    // Waits are drawn from the upper half of 200, 400 and 800 ms.
    const [first, second, third] = gaps(attempts);
    expect(first).toBeGreaterThanOrEqual(100);
    expect(first).toBeLessThan(200 + SLACK_MS);
    expect(second).toBeGreaterThanOrEqual(200);
    expect(second).toBeLessThan(400 + SLACK_MS);
    expect(third).toBeGreaterThanOrEqual(400);
    expect(third).toBeLessThan(800 + SLACK_MS);
    const retries = log(RETRYING);
    expect(retries.map((l) => [l.status, l.attempt])).toEqual([[500, 1], [502, 2], [503, 3]]);
  });

  test('a connector that never answers — each attempt is cut off and retried, and the turn ends by budget + one attempt', async () => {
    const attempts = connector('conv-hang', ['hang']);
    const log = watchLogs(bot);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002', 'conv-hang', SERVICE_URL));

    expect(turn.status).toBe(200);
    expect(turn.ms).toBeLessThan(BUDGET_MS + ATTEMPT_MS + SLACK_MS);
    // The reply at 0 s, about 1.1–1.2 s and 2.3–2.6 s, each cut off after 1 s; then the apology, once.
    const replies = attempts.filter((a) => a.text === say('flow.smartwatch.intro'));
    expect(replies.length).toBe(3);
    expect(replies[replies.length - 1].at - replies[0].at).toBeLessThan(BUDGET_MS);
    expect(gaps(replies).every((g) => g >= ATTEMPT_MS)).toBe(true);
    expect(attempts.filter((a) => a.text === say('error.turn')).length).toBe(1);
    expect(log(GAVE_UP)).toEqual([
      expect.objectContaining({ code: 'ETIMEDOUT', host: 'connector.example.test', attempts: 3, budgetMs: BUDGET_MS }),
      expect.objectContaining({ code: 'ETIMEDOUT', attempts: 1 }),
    ]);
  });

  test('a connector slow once — the second attempt delivers the reply', async () => {
    const attempts = connector('conv-slow-once', ['hang', 200]);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002', 'conv-slow-once', SERVICE_URL));

    expect(turn.status).toBe(200);
    expect(attempts.map((a) => [a.text, a.answer])).toEqual([
      [say('flow.smartwatch.intro'), 'hang'],
      [say('flow.smartwatch.intro'), 200],
      [expect.stringContaining(say('flow.smartwatch.ask_powers_on')), 200],
    ]);
    expect(gaps(attempts)[0]).toBeGreaterThanOrEqual(ATTEMPT_MS + DELAY_MS / 2);
  });

  test('down for the whole turn — logged without the person’s words, and the next turn carries on from saved state', async () => {
    const attempts = connector('conv-down', [503]);
    const log = watchLogs(bot);

    const turn = await post(bot.base, message('my galaxy watch shows error 1002 since tuesday', 'conv-down', SERVICE_URL));

    expect(turn.status).toBe(200);
    expect(turn.ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    expect(attempts[attempts.length - 1].at - attempts[0].at).toBeLessThan(BUDGET_MS);
    expect(log(GAVE_UP).pop()).toMatchObject({ status: 503 });
    expect(log('turn failed').length).toBeGreaterThan(0);
    expect(bot.logText()).not.toMatch(/since tuesday/i);

    // The connector is back: the answer to the question the person never saw still moves the flow on.
    nock.cleanAll();
    const next = connector('conv-down', [200]);
    await post(bot.base, message('yes', 'conv-down', SERVICE_URL));
    expect(next.map((a) => a.text)).toEqual([expect.stringContaining(say('flow.smartwatch.ask_connected'))]);
  });

  test.each([400, 403, 404])('%i is final — no retry, the turn ends at once', async (status) => {
    const conversation = `conv-${status}`;
    const attempts = connector(conversation, [status]);
    const log = watchLogs(bot);

    const turn = await post(bot.base, message('hello', conversation, SERVICE_URL));

    expect(turn.status).toBe(200);
    // The greeting once; then onTurnError's apology once, refused the same way.
    expect(attempts.map((a) => [a.text, a.answer])).toEqual([
      [expect.any(String), status],
      [say('error.turn'), status],
    ]);
    expect(log(RETRYING)).toEqual([]);
    expect(turn.ms).toBeLessThan(SLACK_MS);
  });
});
