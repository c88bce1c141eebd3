import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import nock from 'nock';
import { startApp, type AppOverHttp, type PostResult } from '../security/appOverHttp';
import { activityText } from '../helpers/cards';
import { testCore } from '../helpers/testCore';
import {
  CHANNELS, CONVERSATIONS_PER_CHANNEL, SERVICE_URL, conversationId, hostileBody, wellFormedMessage, type Activity,
} from './activityArbitraries';

// Thousands of random and hostile activities through the real HTTP endpoint (restify, CloudAdapter,
// every middleware, the bot, SQLite state in a temp file). The server must never crash or answer
// 500, must answer every well-formed message, never with a stack trace or a half-filled sentence,
// and must leave every conversation's state loadable. Fixed seed; FUZZ_SEED=<n> tries others,
// FUZZ_RUNS=<n> scales the number of runs.
const SEED = Number(process.env.FUZZ_SEED ?? 1002);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const wording = testCore().wording;
const FAILED_TURN = ['error.turn', 'state.save_failed', 'state.busy'].map((id) => wording.say(id));

/**
 * What no reply may contain: a stack frame, a value printed by mistake, a placeholder left unfilled,
 * or the script and link the hostile texts carry (the bot never repeats what people type as markup).
 */
const BROKEN = [/\bat .+\.(js|ts):\d+/, /\bundefined\b/, /\[object Object\]/, /\bNaN\b/, /\{[A-Za-z_]\w*\}/, /javascript:/i, /<script/i];

/** The text and card JSON of the replies that are messages (an event's value may carry the person's own words). */
function messageContent(res: PostResult): string[] {
  return res.activities.filter((a) => a.type === 'message').map((a) => `${a.text ?? ''} ${JSON.stringify(a.attachments ?? [])} ${JSON.stringify(a.suggestedActions ?? {})}`);
}

function brokenParts(res: PostResult): string[] {
  return messageContent(res).flatMap((content) => BROKEN.filter((re) => re.test(content)).map((re) => `${re}: ${content.slice(0, 300)}`));
}

describe(`fuzzing the HTTP endpoint (seed ${SEED})`, () => {
  let dir: string;
  let bot: AppOverHttp;
  let requests = 0;

  beforeAll(async () => {
    console.info(`fuzz seed ${SEED} (FUZZ_SEED=<n> to change it)`);
    dir = mkdtempSync(join(tmpdir(), 'support-fuzz-'));
    // Rate limiting would rightly leave some of this flood unanswered; it has its own tests.
    bot = await startApp({ STORAGE: 'sqlite', SQLITE_FILE: join(dir, 'state.sqlite'), RATE_LIMIT_BURST: '0' });
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // Activities whose deliveryMode was changed get their replies posted to the connector instead.
    nock(SERVICE_URL).persist().post(/.*/).reply(200, { id: 'sent' });
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (body: unknown): Promise<PostResult> => {
    requests += 1;
    const res = await bot.post(JSON.stringify(body));
    if (requests % 100 === 0) expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    return res;
  };

  test('every well-formed message is answered, sensibly, without a failed turn', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedMessage, async (activity: Activity) => {
        const res = await post(activity);
        expect(res.status).toBe(200);
        const texts = res.activities.filter((a) => a.type === 'message').map(activityText);
        expect(texts.length).toBeGreaterThan(0);
        expect(texts.filter((t) => FAILED_TURN.includes(t))).toEqual([]);
        expect(brokenParts(res)).toEqual([]);
      }),
      { seed: SEED, numRuns: 1200 * RUNS },
    );
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
  }, 120_000 * RUNS);

  test('anything else gets a clear status, never a 500, and never a broken reply', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const res = await post(body);
        const type = (body as Activity | null)?.type;
        // An invoke nobody handles is answered "501 not implemented", as the Bot Framework expects.
        const allowed = type === 'invoke' ? [200, 400, 501] : [200, 201, 202, 400, 413];
        expect(allowed).toContain(res.status);
        expect(brokenParts(res)).toEqual([]);
      }),
      { seed: SEED, numRuns: 1000 * RUNS },
    );
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
  }, 120_000 * RUNS);

  test('afterwards every conversation loads, carries on normally, and reads back from storage', async () => {
    for (const channelId of CHANNELS) {
      for (let n = 0; n < CONVERSATIONS_PER_CHANNEL; n += 1) {
        const conversation = conversationId(channelId, n);
        const base = { channelId, serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies', recipient: { id: 'bot-fuzz' }, from: { id: `user-${conversation}` }, conversation: { id: conversation } };
        // The first turn loads whatever the fuzzing left behind; a state it cannot read fails the turn.
        for (const text of ['start over', 'my galaxy watch shows error 1002']) {
          const res = await post({ ...base, type: 'message', id: `after-${conversation}-${text}`, text });
          const texts = res.activities.filter((a) => a.type === 'message').map(activityText);
          expect({ conversation, text, status: res.status, answered: texts.length > 0, failed: texts.filter((t) => FAILED_TURN.includes(t)) })
            .toEqual({ conversation, text, status: 200, answered: true, failed: [] });
        }
        // ConversationState's key (botbuilder adds its namespace, empty here, after a slash).
        const key = `${channelId}/conversations/${conversation}/`;
        const stored = (await bot.app.stores.storage.read([key]))[key];
        expect(JSON.parse(JSON.stringify(stored))).toEqual(expect.objectContaining({ eTag: expect.any(String) }));
      }
    }
  }, 60_000);
});
