import type { Activity, Attachment, CardAction } from 'botbuilder';
import { PlainTextRenderer } from '../../src/bot/render/plainTextRenderer';
import { rendererFor, SMS_MAX_CHARS } from '../../src/bot/render/renderers';
import { RichRenderer } from '../../src/bot/render/richRenderer';
import { TeamsRenderer } from '../../src/bot/render/teamsRenderer';
import { renderLabels } from '../../src/bot/render/renderLabels';
import type { ChoicesReply, ContactsReply, Reply, StepsReply, SummaryReply } from '../../src/replies/reply';
import { Wording } from '../../src/replies/wording';
import { realKnowledge } from '../helpers/testCore';

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

  test('the parts of a long reply keep their order and lose no step', () => {
    const joined = texts(sms.render([longSteps])).join('\n');
    const positions = longSteps.steps.map((_, i) => joined.indexOf(`Step ${i + 1} marker`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(joined.indexOf(longSteps.title)).toBeLessThan(positions[0]);
    expect(joined).toContain(longSteps.warning);
    expect(joined).toContain(longSteps.link);
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

  test('one activity per reply', () => {
    expect(rich.render([longSteps, choices, contacts, summary])).toHaveLength(4);
  });

  test('choices become imBack suggested actions whose value is the label', () => {
    const [msg] = rich.render([choices]);
    expect(msg.text).toBe('Did that work?');
    expect(msg.suggestedActions?.actions).toEqual(
      choices.choices.map((c) => expect.objectContaining({ type: 'imBack', title: c.label, value: c.label })),
    );
    expect(msg.attachments).toBeUndefined();
  });

  test('contacts are hero cards with a tel: call button, email and link buttons', () => {
    const [msg] = rich.render([contacts]);
    expect(msg.text).toBe(contacts.title);
    expect(msg.attachments).toHaveLength(1);
    const card = msg.attachments![0] as Attachment;
    expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(card.content.title).toBe('Acme support');
    expect(card.content.text).toContain('Open now, until 8:00 PM your time');
    const buttons = card.content.buttons as CardAction[];
    expect(buttons[0]).toMatchObject({ type: 'call', value: 'tel:+15550110' });
    expect(buttons).toContainEqual(expect.objectContaining({ type: 'openUrl', value: 'mailto:help@example.com' }));
    expect(buttons).toContainEqual(expect.objectContaining({ type: 'openUrl', title: 'Chat', value: 'https://example.com/chat' }));
  });

  test('steps are Markdown with a bold title and numbered steps', () => {
    const [msg] = rich.render([longSteps]);
    expect(msg.textFormat).toBe('markdown');
    expect(msg.text).toContain(`**${longSteps.title}**`);
    expect(msg.text).toContain(`1. ${longSteps.steps[0]}`);
    expect(msg.text).toContain(`12. ${longSteps.steps[11]}`);
    expect(msg.text).toContain('](https://example.com/reset)');
  });
});

describe('TeamsRenderer', () => {
  const teams = new TeamsRenderer(labels);

  test('choices become hero card buttons plus a numbered list in the text', () => {
    const [msg] = teams.render([choices]);
    expect(msg.suggestedActions).toBeUndefined();
    expect(msg.text).toContain('Did that work?');
    expect(msg.text).toContain('1. Yes');
    expect(msg.text).toContain('2. No');
    expect(msg.text).toContain('3. Not sure');
    const card = msg.attachments![0] as Attachment;
    expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(card.content.buttons).toEqual(
      choices.choices.map((c) => expect.objectContaining({ type: 'imBack', title: c.label, value: c.label })),
    );
  });

  test('other replies render as on Web Chat', () => {
    const reply: Reply[] = [contacts, longSteps];
    expect(teams.render(reply)).toEqual(new RichRenderer(labels).render(reply));
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
