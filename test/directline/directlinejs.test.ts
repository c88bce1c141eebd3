import nock from 'nock';
import { ConnectionStatus, DirectLine, type Activity, type Message } from 'botframework-directlinejs';
import { nodeServices } from './fetchAjax';
import { startBot, waitFor, type RunningBot } from './startBot';

// Microsoft's own Direct Line client (what Web Chat uses) against the local endpoint, polling.

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  nock.enableNetConnect();
  await bot.close();
});

// The bot's replies carry replyToId, which the client's Message type leaves out.
type Reply = Message & { replyToId?: string };
const isBotMessage = (a: Activity): a is Reply => a.type === 'message' && a.from.role === 'bot';

test('botframework-directlinejs: welcome, a question, an answer, the next question', async () => {
  const res = await fetch(`${bot.base}/api/directline/token`, { method: 'POST' });
  const { token, domain, userId, conversationId } = (await res.json()) as Record<string, string>;

  const directLine = new DirectLine({ domain, token, webSocket: false, pollingInterval: 200, ...nodeServices });
  const seen: Activity[] = [];
  const subscription = directLine.activity$.subscribe((a) => seen.push(a));
  const post = (text: string) =>
    new Promise<string>((resolve, reject) =>
      directLine.postActivity({ type: 'message', from: { id: userId }, text }).subscribe(resolve, reject),
    );
  const botReplyTo = (id: string, pattern: RegExp) => () =>
    seen.filter(isBotMessage).find((a) => a.replyToId === id && pattern.test(a.text ?? ''));

  try {
    const welcome = await waitFor(() => seen.find(isBotMessage), () => seen);
    expect(welcome.text).toMatch(/error 1002/i);
    expect(directLine.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

    const first = await post('my watch shows error 1002');
    expect(first.startsWith(`${conversationId}|`)).toBe(true);
    const question = await waitFor(botReplyTo(first, /turn on/i), () => seen);
    const yes = question.suggestedActions?.actions.find((a) => a.title === 'Yes');
    expect(yes?.value).toBe('Yes');

    // Tapping the suggested action posts its value, as Web Chat does.
    const answer = await post(String(yes?.value));
    const next = await waitFor(botReplyTo(answer, /bluetooth/i), () => seen);
    expect(next.suggestedActions?.actions.length).toBeGreaterThanOrEqual(2);

    // Everything arrived once, in the order it was said.
    const texts = seen.map((a) => (a as Message).text);
    expect(texts.indexOf('my watch shows error 1002')).toBeGreaterThan(texts.indexOf(welcome.text));
    expect(texts.indexOf(question.text)).toBeLessThan(texts.indexOf('Yes'));
    expect(texts.indexOf('Yes')).toBeLessThan(texts.indexOf(next.text));
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
  } finally {
    subscription.unsubscribe();
    directLine.end();
  }
});
