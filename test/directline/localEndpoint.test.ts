import nock from 'nock';
import { startBot, type RunningBot } from './startBot';

// The local Direct Line 3.0 endpoint over real HTTP: conversations, tokens, watermarks, and the
// bot's replies arriving back through the connector route into the conversation.

interface Activity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  channelId?: string;
  replyToId?: string;
  timestamp: string;
  serviceUrl?: string;
  suggestedActions?: { actions: { value: string }[] };
}
interface ActivitySet {
  activities: Activity[];
  watermark: string;
}
interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

let bot: RunningBot;
let dl: string;

beforeAll(async () => {
  bot = await startBot();
  dl = `${bot.base}/directline`;
  // Replies must come back over loopback; anything else (e.g. a client-chosen serviceUrl) is blocked.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterAll(async () => {
  nock.enableNetConnect();
  await bot.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function start(token?: string): Promise<{ status: number; body: Started }> {
  const res = await fetch(`${dl}/conversations`, { method: 'POST', headers: token ? auth(token) : {} });
  return { status: res.status, body: (await res.json()) as Started };
}

async function poll(c: Started, watermark?: string): Promise<ActivitySet> {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  const res = await fetch(`${dl}/conversations/${c.conversationId}/activities${query}`, { headers: auth(c.token) });
  expect(res.status).toBe(200);
  return (await res.json()) as ActivitySet;
}

async function say(c: Started, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${dl}/conversations/${c.conversationId}/activities`, { method: 'POST', headers: auth(c.token), body: JSON.stringify(body) });
}

describe('local Direct Line endpoint', () => {
  test('a conversation: welcome, a message, the replies in order, and watermark paging', async () => {
    const { status, body: c } = await start();
    expect(status).toBe(201);
    expect(c.conversationId).toMatch(/^[\w-]{16,}$/);
    expect(c.token.length).toBeGreaterThanOrEqual(40);
    expect(c.expires_in).toBe(1800);
    expect(c.streamUrl).toBeUndefined();

    // Like real Direct Line, the bot hears conversationUpdate first, so its welcome is there already.
    const first = await poll(c);
    expect(first.watermark).toBe('1');
    expect(first.activities).toHaveLength(1);
    expect(first.activities[0]).toMatchObject({ type: 'message', channelId: 'directline', from: { role: 'bot' } });
    expect(first.activities[0].text).toMatch(/support assistant for error 1002/i);

    const posted = await say(c, { type: 'message', from: { id: 'web-user' }, text: 'my watch shows error 1002' });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    expect(id).toBe(`${c.conversationId}|0000001`);

    const next = await poll(c, first.watermark);
    const [echo, intro, question] = next.activities;
    expect(next.activities).toHaveLength(3);
    expect(echo).toMatchObject({ id, text: 'my watch shows error 1002', from: { role: 'user' } });
    expect(intro.text).toMatch(/error 1002 off your watch/i);
    expect(question.text).toMatch(/turn on/i);
    expect(question.suggestedActions?.actions.map((a) => a.value)).toEqual(expect.arrayContaining(['Yes', 'No']));
    expect([intro.replyToId, question.replyToId]).toEqual([id, id]);
    expect(next.activities.map((a) => a.id)).toEqual([1, 2, 3].map((n) => `${c.conversationId}|000000${n}`));
    expect(next.activities.every((a) => !Number.isNaN(Date.parse(a.timestamp)))).toBe(true);
    expect(next.watermark).toBe('4');

    // Nothing new: an empty page, same watermark. Without a watermark: everything kept.
    expect(await poll(c, next.watermark)).toEqual({ activities: [], watermark: '4' });
    expect((await poll(c)).activities.map((a) => a.text)).toEqual([first.activities[0].text, echo.text, intro.text, question.text]);

    // Answering moves the flow on; only the new activities come back.
    await say(c, { type: 'message', text: 'Yes' });
    const after = await poll(c, next.watermark);
    expect(after.activities[0]).toMatchObject({ text: 'Yes', from: { role: 'user' } });
    expect(after.activities.slice(1).map((a) => a.text).join('\n')).toMatch(/bluetooth/i);
    expect(Number(after.watermark)).toBe(4 + after.activities.length);
  });

  test('a token from the token endpoint starts its own conversation, and the bot welcomes only once', async () => {
    const res = await fetch(`${bot.base}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const token = (await res.json()) as { token: string; conversationId: string; domain: string; userId: string; expires_in: number };
    expect(token.domain).toBe(dl);
    expect(token.userId).toMatch(/^dl_/);

    const first = await start(token.token);
    expect(first.status).toBe(201);
    expect(first.body.conversationId).toBe(token.conversationId);
    const again = await start(token.token);
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(token.conversationId);

    const c = first.body;
    const { activities } = await poll(c);
    expect(activities).toHaveLength(1);
    // The user's activities are sent as the token's user, whatever the client says.
    await say(c, { type: 'message', from: { id: 'someone-else', name: 'Sam' }, text: 'hello' });
    const mine = (await poll(c, '1')).activities[0];
    expect(mine.from).toEqual({ id: token.userId, name: 'Sam', role: 'user' });
  });

  test('the token endpoint keeps a user id it gave out, and replaces one a browser made up', async () => {
    const ask = async (userId: string) =>
      ((await (await fetch(`${bot.base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()) as { userId: string }).userId;
    const issued = await ask('');
    expect(await ask(issued)).toBe(issued);
    expect(await ask('alice')).toMatch(/^dl_/);
  });

  test('a client cannot choose where the bot sends its replies', async () => {
    const { body: c } = await start();
    const res = await say(c, { type: 'message', text: 'my watch shows error 1002', serviceUrl: 'http://attacker.example', channelId: 'msteams' });
    expect(res.status).toBe(200);
    const { activities } = await poll(c, '1');
    expect(activities[0].serviceUrl).toBeUndefined();
    expect(activities[0].channelId).toBe('directline');
    // The replies still arrived here (nock blocks any other host), rendered for Web Chat, not Teams.
    expect(activities[1].text).toMatch(/error 1002/i);
    expect(activities.every((a) => a.channelId === 'directline')).toBe(true);
  });

  test.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }],
    ['a malformed header', { authorization: 'Basic abc' }],
  ])('%s gets 401 on every conversation route', async (_name, headers: Record<string, string>) => {
    const { body: c } = await start();
    const url = `${dl}/conversations/${c.conversationId}`;
    const statuses = await Promise.all([
      fetch(`${url}/activities`, { headers }),
      fetch(`${url}/activities`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' }),
      fetch(url, { headers }),
      fetch(`${dl}/tokens/refresh`, { method: 'POST', headers }),
    ]).then((all) => all.map((r) => r.status));
    expect(statuses).toEqual([401, 401, 401, 401]);
    // Nothing was stored from the refused post.
    expect((await poll(c)).activities).toHaveLength(1);
  });

  test("one conversation's token does not open another conversation", async () => {
    const { body: a } = await start();
    const { body: b } = await start();
    const res = await fetch(`${dl}/conversations/${b.conversationId}/activities`, { headers: auth(a.token) });
    expect(res.status).toBe(401);
    expect(await start('Bearer-undefined')).toMatchObject({ status: 401 });
  });

  test('an unknown conversation gets 404', async () => {
    const { body: c } = await start();
    const res = await fetch(`${dl}/conversations/no-such-conversation/activities`, { headers: auth(c.token) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BadArgument');
  });

  test('reconnect answers with the conversation; refresh gives a new token and the old one keeps working', async () => {
    const { body: c } = await start();
    const reconnect = await fetch(`${dl}/conversations/${c.conversationId}?watermark=1`, { headers: auth(c.token) });
    expect(reconnect.status).toBe(200);
    expect(await reconnect.json()).toMatchObject({ conversationId: c.conversationId, token: c.token });

    const refreshed = await fetch(`${dl}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` } });
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as Started;
    expect(fresh.conversationId).toBe(c.conversationId);
    expect(fresh.token).not.toBe(c.token);
    expect((await poll({ ...c, token: fresh.token })).activities).toHaveLength(1);
    expect((await poll(c)).activities).toHaveLength(1);
  });

  test.each([
    ['no type', { text: 'hi' }],
    ['a type clients may not send', { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }],
    ['not an object', [1, 2]],
  ])('an activity with %s gets 400', async (_name, body) => {
    const { body: c } = await start();
    const res = await say(c, body as Record<string, unknown>);
    expect(res.status).toBe(400);
  });

  test('the connector route refuses replies for a conversation it does not have', async () => {
    const res = await fetch(`${dl}/connector/v3/conversations/nope/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'pretending to be the bot' }),
    });
    expect(res.status).toBe(404);
  });
});
