import { join } from 'node:path';
import nock from 'nock';
import type { Activity } from 'botbuilder';
import { ConversationHarness, visibleText } from './helpers/conversationRunner';
import { CHANNELS, loadTranscripts } from './helpers/transcript';

// Every conversation in test/conversations/*.yaml, played under each channel the bot serves.
const transcripts = loadTranscripts(join(__dirname, 'conversations'));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(CHANNELS)('on %s', (channel) => {
  const mine = transcripts.filter((t) => !t.channels || t.channels.includes(channel));
  test.each(mine.map((t) => [`${t.file}: ${t.name}`, t] as const))('%s', async (_name, transcript) => {
    const bot = new ConversationHarness(channel, transcript);
    for (const [i, turn] of transcript.turns.entries()) {
      const { ids, activities } = await bot.send(turn.activity ?? turn.user ?? '');
      const where = `turn ${i + 1} (user: ${JSON.stringify(turn.user ?? turn.activity)})`;
      expect({ where, ids }).toEqual({ where, ids: turn.bot });
      const text = visibleText(activities);
      for (const fragment of turn.says ?? []) expect({ where, text }).toEqual({ where, text: expect.stringContaining(fragment.toLowerCase()) });
      checkChannelRules(channel, activities, ids, where);
    }
  });
});

/** What must hold on each channel whatever the conversation. */
function checkChannelRules(channel: string, activities: Partial<Activity>[], ids: string[], where: string): void {
  for (const a of activities) {
    expect(a.text ?? '').not.toMatch(/\bat .+\.(ts|js):\d+|TypeError|undefined|\[object Object\]|\{\w+\}/);
    if (channel === 'sms') {
      expect({ where, attachments: a.attachments }).toEqual({ where, attachments: undefined });
      expect(a.suggestedActions).toBeUndefined();
      expect((a.text ?? '').length).toBeLessThanOrEqual(306);
      expect(a.text).not.toMatch(/\*\*|\]\(/);
    }
  }
  const asksChoice = ids.some((id) => id === 'flow.did_it_work' || id.startsWith('flow.') && id.includes('.ask_'));
  if (asksChoice && channel === 'webchat') expect(activities.some((a) => (a.suggestedActions?.actions.length ?? 0) > 0)).toBe(true);
  if (asksChoice && channel === 'msteams') expect(activities.some((a) => a.attachments?.some((x) => x.contentType === 'application/vnd.microsoft.card.hero'))).toBe(true);
  if (asksChoice && channel === 'sms') expect(activities.some((a) => /\n1\) /.test(a.text ?? ''))).toBe(true);
}
