import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createSupportCore } from '../../src/core/supportCore';
import { crossCheck } from '../../src/knowledge/crossCheck';
import { DataError, type DataProblem } from '../../src/knowledge/dataError';
import { loadKnowledge, loadKnowledgeSources } from '../../src/knowledge/loadKnowledge';
import type { Reply } from '../../src/replies/reply';
import { helpdeskContacts, toHelpdesk } from '../../src/bot/teams/helpdeskEscalation';
import { stripBotMention } from '../../src/bot/teams/mentions';
import { teamsWelcomeId } from '../../src/bot/teams/teamsWelcome';
import { adaptiveCards, cardActions, cardText } from '../helpers/cards';
import { ConversationHarness } from '../helpers/conversationRunner';
import { FIXED_NOW, realKnowledge, ROOT, testCore } from '../helpers/testCore';

const BOT = { id: 'bot', name: 'Error 1002 Support' };
const AT_BOT = '<at>Error 1002 Support</at>';
const mentionOfBot = { type: 'mention', mentioned: BOT, text: AT_BOT };

/** A channel message that @mentions the bot, as Teams sends it. */
function toBot(text: string): Record<string, unknown> {
  return { text: `${AT_BOT} ${text}`, entities: [mentionOfBot] };
}

describe('stripBotMention', () => {
  const activity = (text: string | undefined, entities: unknown[]) => ({ text, entities, recipient: BOT } as Partial<Activity>);

  test('removes the bot\'s mention and trims', () => {
    const a = activity(`${AT_BOT} my watch shows error 1002\n`, [mentionOfBot]);
    expect(stripBotMention(a)).toBe('my watch shows error 1002');
    expect(a.text).toBe('my watch shows error 1002');
  });

  test('removes every mention of the bot but keeps other people\'s', () => {
    const alex = { type: 'mention', mentioned: { id: 'u-alex', name: 'Alex' }, text: '<at>Alex</at>' };
    const a = activity(`${AT_BOT} can you help <at>Alex</at> with his NAS, thanks ${AT_BOT}`, [mentionOfBot, alex]);
    expect(stripBotMention(a)).toBe('can you help <at>Alex</at> with his NAS, thanks');
  });

  test('leaves text alone without a mention of the bot, and copes with no text or odd entities', () => {
    expect(stripBotMention(activity('hello', [{ type: 'clientInfo', locale: 'en-GB' }, {}]))).toBe('hello');
    expect(stripBotMention(activity(undefined, [mentionOfBot]))).toBeUndefined();
    expect(stripBotMention({ text: `${AT_BOT} hi`, entities: [mentionOfBot] } as Partial<Activity>)).toBe(`${AT_BOT} hi`);
  });
});

describe('Teams through the bot', () => {
  test('an @mention in a channel is stripped before understanding', async () => {
    const teams = new ConversationHarness('msteams', { conversationType: 'channel' });
    expect((await teams.send(toBot('hello'))).ids).toEqual(['greeting', 'start.choices']);
    expect((await teams.send(toBot('my watch shows error 1002'))).ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    // An answer by number after the mention answers the question.
    expect((await teams.send(toBot('1'))).ids).toEqual(['flow.smartwatch.ask_connected']);
  });

  test('a message that is only the mention gets the empty-message answer', async () => {
    const teams = new ConversationHarness('msteams', { conversationType: 'groupChat' });
    expect((await teams.send({ text: AT_BOT, entities: [mentionOfBot] })).ids).toEqual(['input.empty']);
  });

  test('Action.Submit buttons (messageBack) resume the dialog, in a channel too', async () => {
    const teams = new ConversationHarness('msteams', { conversationType: 'channel' });
    const first = await teams.send(toBot('my galaxy watch keeps showing error 1002'));
    expect(first.ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    expect(first.activities.some((a) => /\n1\. Yes/.test(a.text ?? ''))).toBe(true);
    expect((await teams.click('Yes')).ids).toEqual(['flow.smartwatch.ask_connected']);
    const fix = await teams.click('Yes');
    expect(fix.ids).toEqual(['fix:restart', 'flow.did_it_work']);
    expect((await teams.click('Fixed it')).ids).toEqual(['flow.resolved']);
  });

  test('a bare Action.Submit value (no messageBack text) answers too', async () => {
    const teams = new ConversationHarness('msteams');
    await teams.send('my galaxy watch keeps showing error 1002');
    expect((await teams.send({ value: { answer: 'No' } })).ids).toEqual(['flow.smartwatch.say_battery_first', 'flow.smartwatch.ask_connected']);
  });
});

describe('Teams install greeting', () => {
  const botAdded = { type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }] };
  const installed = { type: 'installationUpdate', action: 'add' };

  test('personal install: conversationUpdate with the bot added greets once; the installationUpdate that follows does not', async () => {
    const teams = new ConversationHarness('msteams');
    const hello = await teams.send(botAdded);
    expect(hello.ids).toEqual(['teams.welcome']);
    expect(hello.activities[0].text).toMatch(/error 1002/i);
    expect((await teams.send(installed)).ids).toEqual([]);
    expect((await teams.send(botAdded)).ids).toEqual([]);
  });

  test('team install: installationUpdate first greets with the @mention hint, the conversationUpdate is quiet', async () => {
    const teams = new ConversationHarness('msteams', { conversationType: 'channel' });
    const hello = await teams.send(installed);
    expect(hello.ids).toEqual(['teams.welcome_group']);
    expect(hello.activities[0].text).toContain('@mention');
    expect((await teams.send(botAdded)).ids).toEqual([]);
  });

  test('people joining a team later are not greeted in the channel', async () => {
    const teams = new ConversationHarness('msteams', { conversationType: 'channel' });
    expect((await teams.send({ type: 'conversationUpdate', membersAdded: [{ id: 'u-new', name: 'New person' }] })).ids).toEqual([]);
  });

  test('removed and added again: greets again', async () => {
    const teams = new ConversationHarness('msteams');
    expect((await teams.send(installed)).ids).toEqual(['teams.welcome']);
    expect((await teams.send({ type: 'installationUpdate', action: 'remove' })).ids).toEqual([]);
    expect((await teams.send(installed)).ids).toEqual(['teams.welcome']);
  });

  test('an app upgrade is not a new install: no greeting', async () => {
    const teams = new ConversationHarness('msteams');
    expect((await teams.send({ type: 'installationUpdate', action: 'add-upgrade' })).ids).toEqual([]);
  });

  test('Web Chat still welcomes the person who joins', async () => {
    const web = new ConversationHarness('webchat');
    expect((await web.send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: 'user1' }] })).ids).toEqual(['welcome']);
  });

  test('welcome wording by conversation type', () => {
    expect(teamsWelcomeId({ conversationType: 'personal' })).toBe('teams.welcome');
    expect(teamsWelcomeId({ conversationType: 'channel' })).toBe('teams.welcome_group');
    expect(teamsWelcomeId({ conversationType: 'groupChat' })).toBe('teams.welcome_group');
    expect(teamsWelcomeId({ isGroup: true })).toBe('teams.welcome_group');
    expect(teamsWelcomeId(undefined)).toBe('teams.welcome');
  });
});

describe('Teams escalation to the internal helpdesk', () => {
  test('knowledge/helpdesk.yaml loads: fictional example entries', () => {
    const helpdesk = realKnowledge().helpdesk!;
    expect(helpdesk.contacts.length).toBeGreaterThan(0);
    for (const c of helpdesk.contacts) {
      expect(c.example).toBe(true);
      if (c.phone) expect(c.phone).toMatch(/^\+1 555-01\d\d$/);
      if (c.email) expect(c.email).toMatch(/@example\.com$/);
    }
  });

  test('"talk to a person" in Teams gives the helpdesk card instead of the manufacturer, then resumes', async () => {
    const teams = new ConversationHarness('msteams', { teamsEscalation: 'helpdesk' });
    await teams.send('samsung watch error 1002');
    const { ids, activities } = await teams.send('can i talk to a real person');
    expect(ids).toEqual(['helpdesk.contacts', 'helpdesk.have_ready', 'flow.resume', 'flow.smartwatch.ask_powers_on']);
    const [card] = adaptiveCards(activities);
    expect(cardText(card)).toContain('IT Service Desk');
    expect(cardText(card)).not.toMatch(/samsung/i);
    expect(cardActions(card)).toContainEqual(expect.objectContaining({ type: 'Action.OpenUrl', url: 'tel:+15550150' }));
    expect(cardActions(card)).toContainEqual(expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://helpdesk.example.com/new-ticket' }));
  });

  test('TEAMS_ESCALATION=consumer keeps the manufacturer in Teams; other channels never see the helpdesk', async () => {
    const consumer = new ConversationHarness('msteams', { teamsEscalation: 'consumer' });
    await consumer.send('samsung watch error 1002');
    expect((await consumer.send('can i talk to a real person')).ids[0]).toBe('contact.manufacturer');
    const web = new ConversationHarness('webchat', { teamsEscalation: 'helpdesk' });
    await web.send('samsung watch error 1002');
    expect((await web.send('can i talk to a real person')).ids[0]).toBe('contact.manufacturer');
  });

  test('without knowledge/helpdesk.yaml Teams falls back to the consumer contacts', async () => {
    const core = createSupportCore({ ...realKnowledge(), helpdesk: undefined }, { now: () => FIXED_NOW });
    const teams = new ConversationHarness('msteams', { teamsEscalation: 'helpdesk', core });
    await teams.send('samsung watch error 1002');
    expect((await teams.send('can i talk to a real person')).ids[0]).toBe('contact.manufacturer');
  });

  test('toHelpdesk swaps the consumer contacts once, rewords their advice and drops repair-shop questions', () => {
    const core = testCore();
    const text = (id: string): Reply => ({ kind: 'text', id, text: id });
    const contacts = (id: string): Reply => ({ kind: 'contacts', id, title: id, contacts: [] });
    const escalation: Reply[] = [
      text('escalate.out_of_warranty'), contacts('repair.centres'), { kind: 'summary', id: 'repair.questions', title: 'q', lines: ['q'] },
      contacts('contact.manufacturer'), text('contact.have_ready'), { kind: 'summary', id: 'summary.case', title: 's', lines: [] }, text('summary.copy_hint'),
    ];
    const out = toHelpdesk(escalation, () => helpdeskContacts(core, realKnowledge().helpdesk!, 'Europe/London'), (id) => core.wording.say(id));
    expect(out.map((r) => r.id)).toEqual(['helpdesk.escalate', 'helpdesk.contacts', 'helpdesk.have_ready', 'summary.case', 'summary.copy_hint']);
    expect(out[0]).toEqual({ kind: 'text', id: 'helpdesk.escalate', text: core.wording.say('helpdesk.escalate') });
    // Replies with no consumer contacts are left exactly as they were.
    const plain = [text('contact.have_ready'), text('flow.resume')];
    expect(toHelpdesk(plain, () => { throw new Error('not needed'); }, (id) => id)).toBe(plain);
  });

  test('helpdesk hours are in the person\'s time zone when Teams gives it', () => {
    const core = testCore();
    const reply = helpdeskContacts(core, realKnowledge().helpdesk!, 'Europe/London');
    expect(reply.contacts[0].hours).toBe(core.wording.say('hours.opens_at', { day: core.wording.say('hours.tomorrow'), time: '8:00 AM', zone: core.wording.say('hours.your_time') }));
    expect(reply.contacts[1].hours).toBe(core.wording.say('hours.always_open'));
  });
});

describe('helpdesk.yaml is schema-validated', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'helpdesk-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let n = 0;

  function withHelpdesk(text: string | undefined): string {
    const root = join(scratch, `copy-${++n}`);
    cpSync(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'dialogs'), join(root, 'dialogs'), { recursive: true });
    if (text === undefined) rmSync(join(root, 'knowledge', 'helpdesk.yaml'));
    else writeFileSync(join(root, 'knowledge', 'helpdesk.yaml'), text);
    return root;
  }
  function problems(root: string): DataProblem[] {
    try {
      return crossCheck(loadKnowledgeSources(root)).errors;
    } catch (err) {
      if (err instanceof DataError) return err.problems;
      throw err;
    }
  }
  const original = readFileSync(join(ROOT, 'knowledge', 'helpdesk.yaml'), 'utf8');

  test('the file is optional', () => {
    const root = withHelpdesk(undefined);
    expect(problems(root)).toEqual([]);
    expect(loadKnowledge(root).helpdesk).toBeUndefined();
  });

  test('a real-looking number on an example entry is refused, with file and line', () => {
    const root = withHelpdesk(original.replace('"+1 555-0150"', '"+44 20 7946 0000"'));
    const line = original.split('\n').findIndex((l) => l.includes('+1 555-0150')) + 1;
    expect(problems(root)).toEqual([{ file: 'knowledge/helpdesk.yaml', line, message: expect.stringContaining('fictional') }]);
  });

  test('a link that is not http(s), an unknown field and a bad time zone are refused', () => {
    expect(problems(withHelpdesk(original.replace('https://helpdesk.example.com/chat', 'javascript:alert(1)')))).toEqual([
      expect.objectContaining({ file: 'knowledge/helpdesk.yaml', message: expect.stringContaining('contacts.0.chat') }),
    ]);
    expect(problems(withHelpdesk(original.replace('    example: true\n', '    example: true\n    fax: "1"\n')))).toEqual([
      expect.objectContaining({ file: 'knowledge/helpdesk.yaml', message: expect.stringContaining('fax') }),
    ]);
    expect(problems(withHelpdesk(original.replace('timezone: Europe/London', 'timezone: Mars/Olympus')))).toEqual([
      expect.objectContaining({ file: 'knowledge/helpdesk.yaml', message: expect.stringContaining('Mars/Olympus') }),
    ]);
  });
});

describe('TEAMS_ESCALATION setting', () => {
  test('defaults to helpdesk, accepts consumer, refuses anything else', () => {
    expect(loadConfig({}).teams.escalation).toBe('helpdesk');
    expect(loadConfig({ TEAMS_ESCALATION: 'consumer' }).teams.escalation).toBe('consumer');
    expect(() => loadConfig({ TEAMS_ESCALATION: 'both' })).toThrow(/TEAMS_ESCALATION/);
  });
});
