import { activityText } from '../helpers/cards';
import { testCore } from '../helpers/testCore';
import { message, startApp, type AppOverHttp } from './appOverHttp';

// Malformed activities are refused at the door with 400, naming the field but never echoing what
// was sent; before, most of them got into a turn and failed there (or answered 500).
const MARKER = 'zq-sent-by-the-client-4410';
const TURN_FAILED = testCore().wording.say('error.turn');
const ok = () => message('bad-requests', 'hello');
const without = (field: string) => {
  const activity = ok();
  delete activity[field];
  return activity;
};

describe('malformed activities', () => {
  let bot: AppOverHttp;

  beforeAll(async () => {
    bot = await startApp({});
  });
  afterAll(() => bot.close());

  test.each([
    ['text that is a number', { ...ok(), text: 42 }, 'text'],
    ['text that is an object', { ...ok(), text: { marker: MARKER } }, 'text'],
    ['no conversation', without('conversation'), 'conversation'],
    ['a conversation id that is a number', { ...ok(), conversation: { id: 7 } }, 'conversation.id'],
    ['no sender', without('from'), 'from'],
    ['no recipient', without('recipient'), 'recipient'],
    ['no channel', without('channelId'), 'channelId'],
    ['no serviceUrl (the SDK would wait 12 s on api.botframework.com)', without('serviceUrl'), 'serviceUrl'],
    ['a serviceUrl that is not http(s)', { ...ok(), serviceUrl: `javascript:${MARKER}` }, 'serviceUrl'],
    ['attachments that are not a list', { ...ok(), attachments: MARKER }, 'attachments'],
    ['an attachment that is null', { ...ok(), attachments: [null] }, 'attachments.0'],
    ['an entity without a type', { ...ok(), entities: [{ mentioned: { id: 'bot' } }] }, 'entities.0.type'],
    ['members added that are not accounts', { ...ok(), type: 'conversationUpdate', membersAdded: [MARKER] }, 'membersAdded.0'],
    ['a locale that is not text', { ...ok(), locale: { marker: MARKER } }, 'locale'],
  ])('%s: 400 naming the field, and nothing of the value', async (_name, activity, field) => {
    const res = await bot.post(activity);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toContain(`(${field}:`);
    expect(res.body).not.toContain(MARKER);
  });

  test('the same through the local Direct Line endpoint', async () => {
    const { token } = (await (await fetch(`${bot.base}/api/directline/token`, { method: 'POST' })).json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { conversationId } = (await (await fetch(`${bot.base}/directline/conversations`, { method: 'POST', headers })).json()) as { conversationId: string };
    const send = (body: unknown) => fetch(`${bot.base}/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify(body) });

    const bad = await send({ type: 'message', text: 5 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining('(text:') } });
    expect((await send({ type: 'message', text: 'hello' })).status).toBe(200);
  });

  test('well-formed oddities are still answered: null text, an unknown type, a replayed id', async () => {
    expect((await bot.post({ ...ok(), text: null })).activities.map(activityText)).toEqual([expect.stringMatching(/didn't get any text/)]);
    expect(await bot.post({ ...ok(), type: 'somethingNew' })).toMatchObject({ status: 200, activities: [] });
    const replayed = { ...ok(), id: 'same-id' };
    expect((await bot.post(replayed)).activities.length).toBeGreaterThan(0);
    expect((await bot.post(replayed)).activities.length).toBeGreaterThan(0);
  });

  // Found by test/fuzz: each of these used to fail the turn ("Sorry, something went wrong").
  test.each([
    ['a word that names a property every object has', { ...ok(), text: 'my galaxy watch shows error 1002 constructor' }],
    ['a mention of the bot next to a mention of nobody', {
      ...ok(),
      channelId: 'msteams',
      text: '<at>Support</at> my watch shows error 1002',
      entities: [{ type: 'mention', mentioned: null, text: 'x' }, { type: 'mention', mentioned: { id: 'bot' }, text: '<at>Support</at>' }],
    }],
  ])('%s is read like any other message', async (_name, activity) => {
    const res = await bot.post(activity);
    const texts = res.activities.map(activityText);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain(TURN_FAILED);
  });
});
