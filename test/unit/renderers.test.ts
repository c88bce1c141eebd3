import type { Activity } from 'botbuilder';
import { PlainTextRenderer } from '../../src/bot/render/plainTextRenderer';
import { rendererFor, SMS_MAX_CHARS } from '../../src/bot/render/renderers';
import { RichRenderer } from '../../src/bot/render/richRenderer';
import { TeamsRenderer } from '../../src/bot/render/teamsRenderer';
import { renderLabels } from '../../src/bot/render/renderLabels';
import type { ChoicesReply, ContactsReply, Reply, StepsReply, SummaryReply } from '../../src/replies/reply';
import { Wording } from '../../src/replies/wording';
import { cardActions, cardElements, cardText, type Json } from '../helpers/cards';
import { realKnowledge } from '../helpers/testCore';

/** The one Adaptive Card of a rendered activity. */
function onlyCard(a: Partial<Activity>): Json {
  expect(a.attachments).toHaveLength(1);
  expect(a.attachments![0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  return a.attachments![0].content as Json;
}

const labels = renderLabels(new Wording(realKnowledge().responses));

const choices: ChoicesReply = {
  kind: 'choices',
  id: 'flow.did_it_work',
  text: 'Did that work?',
  choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: 'unsure', label: 'Not sure' }],
};

const longSteps: StepsReply = {
  kind: 'steps',
  id: 'fix:long',
  title: 'Reset the network settings',
  intro: 'This takes about ten minutes and needs the companion app.',
  steps: Array.from({ length: 12 }, (_, i) =>
    `Step ${i + 1} marker: open the app, go to the settings page, and carefully follow the instruction number ${i + 1} before moving on.`),
  warning: 'This removes saved networks.',
  link: 'https://example.com/reset',
};

// One step longer than a whole SMS: it has to be cut at word boundaries.
const hugeStep: StepsReply = {
  kind: 'steps',
  id: 'fix:huge',
  title: 'One very long step',
  steps: [Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')],
};

const contacts: ContactsReply = {
  kind: 'contacts',
  id: 'contact.manufacturer',
  title: 'You can reach them here:',
  contacts: [{
    name: 'Acme support',
    note: 'Authorised',
    phone: '+1 555-0110',
    email: 'help@example.com',
    links: [{ label: 'Chat', url: 'https://example.com/chat' }],
    hours: 'Open now, until 8:00 PM your time',
  }],
};

const summary: SummaryReply = { kind: 'summary', id: 'summary.case', title: 'Case summary', lines: ['Device: watch', 'Error: 1002'] };
const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');

describe('PlainTextRenderer (SMS, 306 characters)', () => {
  const sms = new PlainTextRenderer(labels, 306);

  test('never emits a message over 306 characters, and splits long steps into several messages', () => {
    const out = sms.render([longSteps, hugeStep, contacts, summary, choices]);
    for (const t of texts(out)) {
      expect(t.length).toBeLessThanOrEqual(306);
      expect(t.trim().length).toBeGreaterThan(0);
    }
    const stepsMessages = sms.render([longSteps]);
    expect(stepsMessages.length).toBeGreaterThan(1);
  });

  // A fix with a link that would take more than three messages is shortened (see smsRenderer.test.ts);
  // without a link there is nowhere to send the rest, so every step is kept.
  test('the parts of a long reply keep their order and lose no step', () => {
    const joined = texts(sms.render([{ ...longSteps, link: undefined }])).join('\n');
    const positions = longSteps.steps.map((_, i) => joined.indexOf(`Step ${i + 1} marker`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(joined.indexOf(longSteps.title)).toBeLessThan(positions[0]);
    expect(joined).toContain(longSteps.warning);
  });

  test('a single line longer than a message is cut between words, keeping every word in order', () => {
    const parts = texts(sms.render([hugeStep]));
    expect(parts.length).toBeGreaterThan(1);
    const words = parts.join(' ').split(/\s+/).filter((w) => w.startsWith('word'));
    expect(words).toEqual(Array.from({ length: 120 }, (_, i) => `word${i}`));
  });

  test('numbers the choices "1) Yes" and says how to answer', () => {
    const [msg] = sms.render([choices]);
    expect(msg.text).toContain('Did that work?');
    expect(msg.text).toContain('1) Yes');
    expect(msg.text).toContain('2) No');
    expect(msg.text).toContain('3) Not sure');
    expect(msg.text!.indexOf('1) Yes')).toBeLessThan(msg.text!.indexOf('2) No'));
  });

  test('plain text only: no attachments, no suggested actions, no Markdown', () => {
    const out = sms.render([longSteps, contacts, summary, choices, { kind: 'text', id: 't', text: 'hello' }]);
    for (const a of out) {
      expect(a.type).toBe('message');
      expect(a.textFormat).toBe('plain');
      expect(a.attachments).toBeUndefined();
      expect(a.suggestedActions).toBeUndefined();
      expect(a.text).not.toContain('**');
    }
  });

  test('contacts are written out with the phone number', () => {
    const joined = texts(sms.render([contacts])).join('\n');
    expect(joined).toContain('+1 555-0110');
    expect(joined).toContain('Acme support');
    expect(joined).toContain('Open now, until 8:00 PM your time');
  });

  test('a short reply is one message, unchanged', () => {
    expect(sms.render([{ kind: 'text', id: 't', text: 'Hi there' }])).toEqual([{ type: 'message', text: 'Hi there', textFormat: 'plain' }]);
  });

  test('with no limit (terminal) nothing is split', () => {
    expect(new PlainTextRenderer(labels).render([longSteps])).toHaveLength(1);
  });
});

describe('RichRenderer (Web Chat)', () => {
  const rich = new RichRenderer(labels);

  test('one activity per reply, except a fix and its question, which share one card', () => {
    expect(rich.render([longSteps, contacts, summary, choices])).toHaveLength(4);
    expect(rich.render([longSteps, choices, contacts, summary])).toHaveLength(3);
  });

  test('a plain question keeps imBack suggested actions (chips) whose value is the label', () => {
    const [msg] = rich.render([choices]);
    expect(msg.text).toBe('Did that work?');
    expect(msg.suggestedActions?.actions).toEqual(
      choices.choices.map((c) => expect.objectContaining({ type: 'imBack', title: c.label, value: c.label })),
    );
    expect(msg.attachments).toBeUndefined();
  });

  test('fix steps are an Adaptive Card 1.5: title, numbered wrapping steps, the warning highlighted, a link', () => {
    const [msg] = rich.render([longSteps]);
    const card = onlyCard(msg);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    const blocks = cardElements(card).filter((e) => e.type === 'TextBlock');
    expect(blocks[0]).toMatchObject({ text: longSteps.title, weight: 'Bolder', wrap: true });
    // One Markdown list in one block, so every host numbers it 1, 2, 3…
    const steps = blocks.filter((b) => /^\d+\. /.test(String(b.text)));
    expect(steps).toHaveLength(1);
    expect(String(steps[0].text).split('\n')).toEqual(longSteps.steps.map((st, i) => `${i + 1}. ${st}`));
    expect(steps[0].wrap).toBe(true);
    const warning = cardElements(card).find((e) => e.type === 'Container' && e.style === 'attention');
    expect(cardText({ body: [warning!] })).toContain(longSteps.warning);
    expect(cardActions(card)).toContainEqual({ type: 'Action.OpenUrl', title: labels.moreDetails, url: 'https://example.com/reset' });
    expect(cardActions(card).some((a) => a.type === 'Action.Submit')).toBe(false);
  });

  test('a fix followed by its question: the answers are Action.Submit buttons whose data SupportBot reads back', () => {
    const out = rich.render([longSteps, choices]);
    expect(out).toHaveLength(1);
    const card = onlyCard(out[0]);
    expect(cardText(card)).toContain('Did that work?');
    expect(out[0].suggestedActions).toBeUndefined();
    expect(card.actions).toEqual(choices.choices.map((c) => ({ type: 'Action.Submit', title: c.label, data: { answer: c.label } })));
  });

  test('contacts are one card: name, note, facts, tap-to-call tel: (digits and + only), mailto: and links', () => {
    const [msg] = rich.render([contacts]);
    const card = onlyCard(msg);
    const text = cardText(card);
    expect(text).toContain(contacts.title);
    expect(text).toContain('Acme support');
    expect(text).toContain('Authorised');
    expect(text).toContain('Hours: Open now, until 8:00 PM your time');
    expect(text).toContain('Phone: +1 555-0110');
    expect(cardActions(card)).toEqual([
      { type: 'Action.OpenUrl', title: labels.callButton('+1 555-0110'), url: 'tel:+15550110' },
      { type: 'Action.OpenUrl', title: labels.emailButton('help@example.com'), url: 'mailto:help@example.com' },
      { type: 'Action.OpenUrl', title: 'Chat', url: 'https://example.com/chat' },
    ]);
  });

  test('the case summary is a FactSet: "Key: value" lines and checklist marks become facts', () => {
    const caseSummary: SummaryReply = { ...summary, lines: ['Device: Fitbit watch', '[tried, no luck] Restarted the watch', 'Bought: 3 Mar 2026'] };
    const card = onlyCard(rich.render([caseSummary])[0]);
    expect(cardElements(card).find((e) => e.type === 'FactSet')?.facts).toEqual([
      { title: 'Device', value: 'Fitbit watch' },
      { title: 'tried, no luck', value: 'Restarted the watch' },
      { title: 'Bought', value: '3 Mar 2026' },
    ]);
  });

  test('a summary that is not facts is a bulleted list', () => {
    const questions: SummaryReply = { kind: 'summary', id: 'repair.questions', title: 'Questions to ask', lines: ['Are you authorised?', 'How long will it take?'] };
    const card = onlyCard(rich.render([questions])[0]);
    expect(cardElements(card).some((e) => e.type === 'FactSet')).toBe(false);
    expect(cardText(card)).toContain('- Are you authorised?\n- How long will it take?');
  });

  test('the warranty verdict is a card, coloured by the verdict, with what is not covered when that follows', () => {
    const verdict: Reply = { kind: 'text', id: 'warranty.expired', text: 'The 12-month warranty ended on 1 May 2025.' };
    const terms: SummaryReply = { kind: 'summary', id: 'warranty.terms', title: 'Not covered', lines: ['Accidental damage'] };
    const out = rich.render([verdict, terms]);
    expect(out).toHaveLength(1);
    const card = onlyCard(out[0]);
    const blocks = cardElements(card);
    expect(blocks).toContainEqual(expect.objectContaining({ type: 'TextBlock', text: verdict.text, color: 'Attention' }));
    expect(cardText(card)).toContain('Not covered');
    expect(cardText(card)).toContain('- Accidental damage');
  });

  test('plain text stays Markdown text', () => {
    expect(rich.render([{ kind: 'text', id: 't', text: 'Hi **there**' }])).toEqual([{ type: 'message', text: 'Hi **there**', textFormat: 'markdown' }]);
  });
});

describe('TeamsRenderer', () => {
  const teams = new TeamsRenderer(labels);

  test('a question is its text with numbered options plus an Adaptive Card of messageBack Action.Submit buttons', () => {
    const [msg] = teams.render([choices]);
    expect(msg.suggestedActions).toBeUndefined();
    expect(msg.text).toContain('Did that work?');
    expect(msg.text).toContain('\n1. Yes\n2. No\n3. Not sure');
    const card = onlyCard(msg);
    expect(card.version).toBe('1.5');
    expect(card.actions).toEqual(choices.choices.map((c) => ({
      type: 'Action.Submit',
      title: c.label,
      data: { answer: c.label, msteams: { type: 'messageBack', text: c.label, displayText: c.label, value: { answer: c.label } } },
    })));
  });

  test('fix steps and their question are one full-width card with messageBack answers', () => {
    const out = teams.render([longSteps, choices]);
    expect(out).toHaveLength(1);
    const card = onlyCard(out[0]);
    expect(card.msteams).toEqual({ width: 'Full' });
    expect((card.actions as Json[]).map((a) => (a.data as Json).msteams)).toEqual(
      choices.choices.map((c) => expect.objectContaining({ type: 'messageBack', text: c.label, displayText: c.label })),
    );
  });

  test('contacts, summaries and steps have the same content as on Web Chat', () => {
    const reply: Reply[] = [contacts, longSteps, summary];
    const strip = (a: Partial<Activity>) => cardText(onlyCard(a));
    expect(teams.render(reply).map(strip)).toEqual(new RichRenderer(labels).render(reply).map(strip));
  });
});

describe('cards are safe with hostile data', () => {
  const hostile = '**bold** [x](javascript:alert(1))';
  const rich = new RichRenderer(labels);

  const evil: Reply[] = [
    { ...longSteps, title: hostile, intro: hostile, steps: [hostile, `- ${hostile}`, `1. ${hostile}`], warning: hostile, link: 'javascript:alert(1)' },
    {
      kind: 'contacts', id: 'contact.manufacturer', title: hostile,
      contacts: [{ name: hostile, note: hostile, phone: '+1 (555) 0110; rm -rf', email: 'x@example.com?bcc=all@example.com', hours: hostile, links: [{ label: hostile, url: 'javascript:alert(1)' }, { label: 'data', url: 'data:text/html,<b>' }] }],
    },
    { kind: 'summary', id: 'summary.case', title: hostile, lines: [`Device: ${hostile}`, `[${hostile}] x`] },
    { kind: 'text', id: 'warranty.covered', text: hostile },
  ];

  test.each([['webchat', rich], ['msteams', new TeamsRenderer(labels)]] as const)('on %s no Markdown survives and no link but http(s), tel:, mailto:', (_channel, renderer) => {
    const cards = renderer.render(evil).map(onlyCard);
    for (const card of cards) {
      for (const e of cardElements(card)) {
        const texts = e.type === 'TextBlock' ? [String(e.text)] : e.type === 'FactSet' ? (e.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]) : [];
        for (const t of texts) {
          expect(t).not.toMatch(/(^|[^\\])\*\*/);
          expect(t).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
          expect(t).not.toContain('[x](');
          if (t.includes('bold')) expect(t).toContain('\\*\\*bold\\*\\* \\[x\\](javascript:alert(1))');
          // Only the renderer's own step numbers and bullets start a list; data never adds one.
          for (const line of t.split('\n')) expect(line.replace(/^(\d+\. |- )/, '')).not.toMatch(/^\s*([-+*] |\d+[.)] |#)/);
        }
      }
      for (const a of cardActions(card)) {
        if (a.type === 'Action.OpenUrl') expect(String(a.url)).toMatch(/^(https?:\/\/|tel:\+?\d+$|mailto:[^?&\s]+$)/);
      }
    }
    const urls = cards.flatMap(cardActions).map((a) => a.url).filter(Boolean);
    expect(urls).toEqual(['tel:+15550110']);
    // The text is still all there for a person to read.
    expect(cardText(cards[0])).toContain(hostile);
  });
});

describe('rendererFor', () => {
  test('sms is plain text limited to two SMS segments', () => {
    const r = rendererFor('sms', labels);
    expect(r).toBeInstanceOf(PlainTextRenderer);
    expect(SMS_MAX_CHARS).toBe(306);
    expect(r.render([longSteps]).every((a) => (a.text ?? '').length <= 306)).toBe(true);
    expect(r.render([longSteps]).length).toBeGreaterThan(1);
  });

  test('msteams gets the Teams renderer', () => {
    expect(rendererFor('msteams', labels)).toBeInstanceOf(TeamsRenderer);
  });

  test.each(['webchat', 'emulator', 'directline', undefined])('%s gets the rich renderer', (channel) => {
    const r = rendererFor(channel, labels);
    expect(r).toBeInstanceOf(RichRenderer);
    expect(r).not.toBeInstanceOf(TeamsRenderer);
    expect(r.render([choices])[0].suggestedActions?.actions).toHaveLength(3);
  });
});
