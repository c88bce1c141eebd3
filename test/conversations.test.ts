import { join } from 'node:path';
import nock from 'nock';
import type { Activity } from 'botbuilder';
import { adaptiveCards, cardActions, cardElements, type Json } from './helpers/cards';
import { ConversationHarness, visibleText } from './helpers/conversationRunner';
import { handoffOptions } from './helpers/handoffHarness';
import { CHANNELS, loadTranscripts } from './helpers/transcript';
import { measureSms } from '../src/bot/sms/gsm7';
import { smsLabels as smsLabelsOf } from '../src/bot/sms/smsLabels';
import { Wording } from '../src/replies/wording';
import { realKnowledge } from './helpers/testCore';

const smsLabels = smsLabelsOf(new Wording(realKnowledge().responses));

// Every conversation in test/conversations/*.yaml, played under each channel the bot serves.
const transcripts = loadTranscripts(join(__dirname, 'conversations'));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(CHANNELS)('on %s', (channel) => {
  const mine = transcripts.filter((t) => !t.channels || t.channels.includes(channel));
  test.each(mine.map((t) => [`${t.file}: ${t.name}`, t] as const))('%s', async (_name, transcript) => {
    const { handoff, ...options } = transcript;
    const bot = new ConversationHarness(channel, { ...options, ...handoffOptions(handoff) });
    for (const [i, turn] of transcript.turns.entries()) {
      const { ids, activities } = turn.click !== undefined ? await bot.click(turn.click) : await bot.send(turn.activity ?? turn.user ?? '');
      const where = `turn ${i + 1} (user: ${JSON.stringify(turn.click !== undefined ? { click: turn.click } : turn.user ?? turn.activity)})`;
      expect({ where, ids }).toEqual({ where, ids: turn.bot });
      // Events (e.g. handoff.initiate) go to the channel's agent hub, not to the person.
      const events = activities.filter((a) => a.type === 'event').map((a) => a.name);
      expect({ where, events }).toEqual({ where, events: turn.events ?? [] });
      const seen = activities.filter((a) => a.type !== 'event');
      const text = visibleText(seen);
      for (const fragment of turn.says ?? []) expect({ where, text }).toEqual({ where, text: expect.stringContaining(fragment.toLowerCase()) });
      checkChannelRules(channel, seen, ids, where);
    }
  });
});

/** What must hold on each channel whatever the conversation. */
function checkChannelRules(channel: string, activities: Partial<Activity>[], ids: string[], where: string): void {
  for (const a of activities) {
    expect(a.text ?? '').not.toMatch(/\bat .+\.(ts|js):\d+|TypeError|undefined|\[object Object\]|\{\w+\}/);
    if (channel === 'sms') checkSms(a, where);
    else {
      // Web Chat and Teams: every card is a safe Adaptive Card 1.5 (no hero cards left).
      for (const x of a.attachments ?? []) expect({ where, contentType: x.contentType }).toEqual({ where, contentType: 'application/vnd.microsoft.card.adaptive' });
    }
    if (channel === 'msteams') expect({ where, suggestedActions: a.suggestedActions }).toEqual({ where, suggestedActions: undefined });
  }
  if (channel === 'sms') {
    // Nothing at all when the bot says nothing (e.g. after STOP).
    if (ids.length === 0) expect({ where, activities }).toEqual({ where, activities: [] });
    const asksChoice = ids.some((id) => id === 'flow.did_it_work' || id.startsWith('flow.') && id.includes('.ask_') || ['ask.device', 'start.choices', 'clarify.intent', 'warranty.ambiguous'].includes(id));
    if (asksChoice) expect({ where, numbered: activities.some((a) => /\n1\) /.test(a.text ?? '')) }).toEqual({ where, numbered: true });
    return;
  }
  const cards = adaptiveCards(activities);
  for (const card of cards) checkCard(channel, card, where);
  const submits = cards.flatMap(cardActions).filter((x) => x.type === 'Action.Submit');
  const has = (id: string | RegExp) => ids.some((x) => (typeof id === 'string' ? x === id : id.test(x)));

  // A fix: a card with numbered steps, its "Did that fix it?" answers as Action.Submit buttons.
  if (has(/^fix:/)) {
    expect({ where, numbered: cards.some((c) => cardElements(c).some((e) => e.type === 'TextBlock' && /^1\. /.test(String(e.text)))) }).toEqual({ where, numbered: true });
  }
  if (has('flow.did_it_work')) expect({ where, answers: submits.length > 0 }).toEqual({ where, answers: true });
  // A plain question: chips on Web Chat; on Teams a numbered list in the text and a card of buttons.
  if (has(/^flow\..*\.ask_/) || has('ask.device') || has('flow.ask_status_page')) {
    if (channel === 'webchat') expect({ where, chips: activities.some((a) => (a.suggestedActions?.actions.length ?? 0) > 0) }).toEqual({ where, chips: true });
    if (channel === 'msteams') {
      expect({ where, numbered: activities.some((a) => /\n1\. /.test(a.text ?? '')) }).toEqual({ where, numbered: true });
      expect({ where, answers: submits.length > 0 }).toEqual({ where, answers: true });
    }
  }
  // Contacts: tap-to-call buttons. The case summary: a FactSet. The warranty verdict: a card.
  if (has('contact.manufacturer') || has('repair.centres') || has('helpdesk.contacts')) {
    expect({ where, call: cards.flatMap(cardActions).some((x) => /^tel:/.test(String(x.url))) }).toEqual({ where, call: true });
  }
  if (has('summary.case')) expect({ where, facts: cards.some((c) => cardElements(c).some((e) => e.type === 'FactSet')) }).toEqual({ where, facts: true });
  if (has(/^warranty\.(covered|expired|borderline|no_date)$/)) expect({ where, warrantyCards: cards.length > 0 }).toEqual({ where, warrantyCards: true });
}

/**
 * SMS: one plain-text message of at most two GSM-7 segments (306 septets, no character forcing UCS-2),
 * no Markdown, no attachments or buttons; a numbered list of answers "1) …" ends with "Reply 1, 2 or 3."
 */
function checkSms(a: Partial<Activity>, where: string): void {
  const text = a.text ?? '';
  expect({ where, attachments: a.attachments, suggestedActions: a.suggestedActions, textFormat: a.textFormat }).toEqual({ where, attachments: undefined, suggestedActions: undefined, textFormat: 'plain' });
  const m = measureSms(text);
  expect({ where, text, encoding: m.encoding, fits: m.units <= 306 && m.segments <= 2 }).toEqual({ where, text, encoding: 'GSM-7', fits: true });
  expect({ where, text }).toEqual({ where, text: expect.not.stringMatching(/\*\*|__|~~|`|\]\(|^\s*(#{1,6}|>|[*+]) /m) });
  const numbered = [...text.matchAll(/^(\d+)\) /gm)].map((x) => Number(x[1]));
  if (numbered.length > 0) {
    expect({ where, numbered }).toEqual({ where, numbered: numbered.map((_, i) => i + 1) });
    expect({ where, text }).toEqual({ where, text: expect.stringContaining(`\n${smsLabels.replyNumbers(numbered.length)}`) });
  }
}

/** Every Adaptive Card: version 1.5, links only http(s)/tel/mailto, answer buttons that SupportBot reads back. */
function checkCard(channel: string, card: Json, where: string): void {
  expect({ where, type: card.type, version: card.version }).toEqual({ where, type: 'AdaptiveCard', version: '1.5' });
  for (const action of cardActions(card)) {
    if (action.type === 'Action.OpenUrl') expect({ where, url: action.url }).toEqual({ where, url: expect.stringMatching(/^(https?:\/\/|tel:\+?\d+$|mailto:[^\s?&]+$)/) });
    else if (action.type === 'Action.Submit') {
      const data = action.data as { answer?: unknown; msteams?: { type?: string; text?: string; displayText?: string } };
      expect({ where, answer: data.answer }).toEqual({ where, answer: action.title });
      if (channel === 'msteams') expect({ where, msteams: data.msteams }).toEqual({ where, msteams: expect.objectContaining({ type: 'messageBack', text: action.title, displayText: action.title }) });
      else expect(data.msteams).toBeUndefined();
    } else throw new Error(`${where}: unexpected action ${JSON.stringify(action)}`);
  }
}
