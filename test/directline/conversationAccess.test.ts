import pino from 'pino';
import type { Logger } from '../../src/logger';
import type { Request } from 'restify';
import { accessFor, isDenied } from '../../src/directline/conversationAccess';
import { ConversationStore } from '../../src/directline/conversationStore';
import { LocalDirectLine } from '../../src/directline/localDirectLine';
import { TokenBook } from '../../src/directline/tokenBook';

// Which status each kind of bad request gets; directlinejs acts on them (403 = refresh, 404 = ended).

let now = 0;
const local = new LocalDirectLine({
  store: new ConversationStore({ now: () => now, idleMs: 10 * 60_000 }),
  tokens: new TokenBook({ now: () => now, ttlMs: 60_000 }),
  deliver: async () => undefined,
  channel: () => ({ channelId: 'directline', bot: { id: 'bot' }, serviceUrl: 'http://127.0.0.1:1/directline/connector' }),
  logger: pino({ level: 'silent' }),
});
const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as unknown as Request;
const statusOf = (authorization: string | undefined, conversationId?: string) => {
  const access = accessFor(request(authorization), local, conversationId);
  return isDenied(access) ? access.status : 200;
};

test('each kind of bad request gets its own status', () => {
  now = 0;
  const mine = local.open('dl_me');
  const theirs = local.open('dl_them');
  const bearer = `Bearer ${mine.token}`;
  expect(statusOf(bearer, mine.conversation.id)).toBe(200);
  // The scheme is case-insensitive; without an id in the URL (token refresh) the token's own counts.
  expect(statusOf(`bearer ${mine.token}`)).toBe(200);
  expect(statusOf(undefined, mine.conversation.id)).toBe(401);
  expect(statusOf(`Bearer ${mine.token}x`, mine.conversation.id)).toBe(401);
  expect(statusOf(bearer, theirs.conversation.id)).toBe(401);
  expect(statusOf(bearer, 'unknown')).toBe(404);
  now = 61_000;
  expect(statusOf(bearer, mine.conversation.id)).toBe(403);
});

test("a live token whose conversation went idle gets 404, so the client knows it ended", () => {
  now = 0;
  const { conversation, token } = local.open('dl_me');
  now = 59_000;
  local.tokens.issue(conversation.id);
  now = 11 * 60_000;
  const fresh = local.tokens.issue(conversation.id).token;
  expect(statusOf(`Bearer ${fresh}`, conversation.id)).toBe(404);
  // Long expired tokens are swept; then they are just unknown.
  expect(statusOf(`Bearer ${token}`)).toBe(401);
});

test('a turn that cannot run is logged and reported to the caller, and the next turn still runs', async () => {
  const errors: string[] = [];
  let fail = true;
  const failing = new LocalDirectLine({
    store: new ConversationStore(),
    tokens: new TokenBook(),
    deliver: async () => {
      if (fail) throw new Error('adapter refused the activity');
    },
    channel: () => ({ channelId: 'directline', bot: { id: 'bot' }, serviceUrl: 'http://127.0.0.1:1/directline/connector' }),
    logger: { error: (_obj: unknown, msg: string) => errors.push(msg) } as unknown as Logger,
  });
  const { conversation } = failing.open('dl_me');
  await expect(failing.post(conversation, { type: 'message', text: 'hi' })).rejects.toThrow(/refused/);
  expect(errors).toEqual(['direct line: the bot did not take the activity']);
  fail = false;
  await expect(failing.post(conversation, { type: 'message', text: 'again' })).resolves.toMatchObject({ text: 'again' });
});
