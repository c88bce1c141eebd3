import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { activityText } from '../helpers/cards';
import { testCore } from '../helpers/testCore';
import { message, startApp, type AppOverHttp } from './appOverHttp';

// Per-conversation rate limiting through the real app over HTTP, on the core's clock (which the test
// moves by hand): a burst of 8, then one message a second.
const SLOW_DOWN = testCore().wording.say('input.slow_down');

describe('per-conversation rate limit', () => {
  let bot: AppOverHttp;
  let now = DateTime.fromISO('2026-11-22T10:00:00Z');
  const logged: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    });
    bot = await startApp({ RATE_LIMIT_BURST: '8', RATE_LIMIT_PER_SECOND: '1' }, { core: { now: () => now } }, pino({ level: 'debug' }, destination));
  });
  afterAll(() => bot.close());

  const say = async (conversation: string, text: string, channelId = 'webchat'): Promise<string[]> => {
    const res = await bot.post(message(conversation, text, channelId));
    expect(res.status).toBe(200);
    return res.activities.map(activityText);
  };

  test('200 messages in a burst: the first 8 are answered, one "slow down", then silence; another conversation is unaffected', async () => {
    const answers: string[][] = [];
    for (let i = 0; i < 200; i += 1) answers.push(await say('flood', `hello ${i}`));

    const answered = answers.filter((a) => a.length > 0 && !a.includes(SLOW_DOWN));
    expect(answers.slice(0, 8).every((a) => a.length > 0 && !a.includes(SLOW_DOWN))).toBe(true);
    expect(answered).toHaveLength(8);
    expect(answers[8]).toEqual([SLOW_DOWN]);
    expect(answers.slice(9).every((a) => a.length === 0)).toBe(true);
    expect(answers.flat().filter((t) => t === SLOW_DOWN)).toHaveLength(1);

    // Told once (info), the rest counted at debug; the conversation id (on SMS a phone number) is not logged.
    const limited = logged.filter((l) => /rate limit/.test(l.msg));
    expect(limited.filter((l) => l.level === 30)).toHaveLength(1);
    expect(limited.filter((l) => l.level === 20)).toHaveLength(191);
    expect(limited.at(-1)).toMatchObject({ dropped: 191 });
    expect(JSON.stringify(limited)).not.toContain('flood');

    const other = await say('calm', 'my galaxy watch shows error 1002');
    expect(other.length).toBeGreaterThan(0);
    expect(other).not.toContain(SLOW_DOWN);
  });

  test('after a pause the conversation is answered again, and a new flood is told once more', async () => {
    now = now.plus({ seconds: 2 });
    expect(await say('flood', 'hello again')).not.toContain(SLOW_DOWN);
    expect(await say('flood', 'hello again')).not.toContain(SLOW_DOWN);
    expect(await say('flood', 'hello again')).toEqual([SLOW_DOWN]);
    expect(await say('flood', 'hello again')).toEqual([]);
  });

  test('SMS: STOP is honoured even in the middle of a flood', async () => {
    for (let i = 0; i < 10; i += 1) await say('+15550100123', `hello ${i}`, 'sms');
    expect(await say('+15550100123', 'STOP', 'sms')).toEqual([]);
    now = now.plus({ minutes: 5 });
    // Opted out: read by nobody, answered by nobody, whatever the limit says.
    expect(await say('+15550100123', 'my watch shows error 1002', 'sms')).toEqual([]);
    expect((await say('+15550100123', 'START', 'sms')).length).toBeGreaterThan(0);
  });
});

describe('rate limit settings', () => {
  const settings = (env: Record<string, string>) => loadConfig({ KNOWLEDGE_DIR: '/srv/bot', ...env } as NodeJS.ProcessEnv).rateLimit;

  test('a burst of 8 and one a second unless told otherwise; empty means the default', () => {
    expect(settings({})).toEqual({ burst: 8, perSecond: 1 });
    expect(settings({ RATE_LIMIT_BURST: '', RATE_LIMIT_PER_SECOND: '' })).toEqual({ burst: 8, perSecond: 1 });
    expect(settings({ RATE_LIMIT_BURST: '20', RATE_LIMIT_PER_SECOND: '0.5' })).toEqual({ burst: 20, perSecond: 0.5 });
  });

  test('a burst of 0 turns the limit off; nonsense is refused by name', () => {
    expect(settings({ RATE_LIMIT_BURST: '0' })).toBeUndefined();
    expect(() => settings({ RATE_LIMIT_BURST: '-1' })).toThrow(/RATE_LIMIT_BURST/);
    expect(() => settings({ RATE_LIMIT_PER_SECOND: '0' })).toThrow(/RATE_LIMIT_PER_SECOND/);
    expect(() => settings({ RATE_LIMIT_PER_SECOND: 'lots' })).toThrow(/RATE_LIMIT_PER_SECOND/);
  });
});
