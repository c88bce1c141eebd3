import nock from 'nock';
import { smsKeyword } from '../../src/bot/sms/keywords';
import { smsSafe } from '../../src/bot/sms/smsMiddleware';
import { fitsMessage } from '../../src/bot/sms/smsSplit';
import { Wording } from '../../src/replies/wording';
import { ConversationHarness } from '../helpers/conversationRunner';
import { realKnowledge } from '../helpers/testCore';

const wording = new Wording(realKnowledge().responses);

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('smsKeyword: whole messages only, any case', () => {
  test.each(['STOP', 'stop', ' Stop. ', 'STOP!', 'Stop 🛑', 'stopall', 'STOP ALL', 'Unsubscribe', 'cancel', 'END', 'quit', 'Revoke', 'optout', 'opt-out', 'Opt out'])(
    '%j opts out',
    (text) => expect(smsKeyword(text)).toBe('stop'),
  );

  test.each(['START', 'start', 'Unstop', 'UNSTOP!'])('%j opts back in', (text) => expect(smsKeyword(text)).toBe('start'));

  test.each(['HELP', 'help', 'Help?', 'info', 'INFO'])('%j asks for help', (text) => expect(smsKeyword(text)).toBe('help'));

  test.each(['stop please', 'please stop', 'cancel that', 'stop 2', 'stopp', 'start over', 'help me', 'I need help', 'the end', 'quit it now', '2', '', '   '])(
    '%j is an ordinary message',
    (text) => expect(smsKeyword(text)).toBeUndefined(),
  );

  test('YES opts back in only while stopped (otherwise it answers a question)', () => {
    expect(smsKeyword('yes')).toBeUndefined();
    expect(smsKeyword('YES', { stopped: true })).toBe('start');
    expect(smsKeyword('stop', { stopped: true })).toBe('stop');
  });
});

describe('SMS keywords through the real bot (TestAdapter)', () => {
  test('after STOP nothing is sent, whatever the person writes; START greets and the conversation starts afresh', async () => {
    const bot = new ConversationHarness('sms');
    expect((await bot.send('my galaxy watch shows error 1002')).ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    expect((await bot.send('1')).ids).toEqual(['flow.smartwatch.ask_connected']);

    expect(await bot.send('STOP')).toEqual({ ids: [], activities: [] });
    for (const text of ['1', 'it turns on', 'my watch still shows error 1002', 'HELP', 'hello?', 'start over']) {
      expect(await bot.send(text)).toEqual({ ids: [], activities: [] });
    }

    const started = await bot.send('Start');
    expect(started.ids).toEqual(['sms.start']);
    expect(started.activities).toEqual([expect.objectContaining({ type: 'message', text: wording.say('sms.start'), textFormat: 'plain' })]);
    // The flow was forgotten with the stop: the person starts again from the top.
    expect((await bot.send('my watch still shows error 1002')).ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    expect((await bot.send('yes')).ids).toEqual(['flow.smartwatch.ask_connected']);
  });

  test('activities the bot sends after a STOP are dropped even when the bot is run (a conversation update)', async () => {
    const bot = new ConversationHarness('sms');
    await bot.send('stop');
    const update = await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-2' }], text: undefined });
    expect(update.ids).toEqual(['welcome']); // the bot did say its welcome…
    expect(update.activities).toEqual([]); // …and nothing went out
  });

  test('CANCEL, QUIT and END are opt-outs on SMS; YES opts back in while stopped', async () => {
    for (const word of ['CANCEL', 'quit', 'End']) {
      const bot = new ConversationHarness('sms');
      await bot.send('my galaxy watch shows error 1002');
      expect(await bot.send(word)).toEqual({ ids: [], activities: [] });
      expect(await bot.send('yes, my watch turns on')).toEqual({ ids: [], activities: [] });
      expect((await bot.send('YES')).ids).toEqual(['sms.start']);
    }
  });

  test('on other channels "cancel" and "stop" are ordinary commands', async () => {
    for (const channel of ['webchat', 'msteams']) {
      const bot = new ConversationHarness(channel);
      await bot.send('my galaxy watch shows error 1002');
      expect((await bot.send('cancel')).ids).toEqual(['cancel.done']);
      expect((await bot.send('my galaxy watch shows error 1002')).ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
      expect((await bot.send('STOP')).ids).toEqual(['cancel.done']);
      expect((await bot.send('start')).ids).not.toEqual(['sms.start']);
    }
  });

  test('HELP in any case answers what the bot does and how to reply; mid-flow the question comes again', async () => {
    const bot = new ConversationHarness('sms');
    const help = await bot.send('HELP');
    expect(help.ids).toEqual(['help', 'start.choices']);
    expect(help.activities.map((a) => a.text).join('\n')).toContain(wording.say('sms.help'));

    await bot.send('my galaxy watch shows error 1002');
    for (const text of ['Help!', 'info', 'help']) {
      const r = await bot.send(text);
      expect(r.ids).toEqual(['help.in_flow', 'flow.resume', 'flow.smartwatch.ask_powers_on']);
      const shown = r.activities.map((a) => a.text).join('\n');
      expect(shown).toContain(wording.say('sms.help_in_flow'));
      expect(shown).toMatch(/\n1\) Yes\n2\) No\n3\) Not sure\nReply 1, 2 or 3\.$/);
    }
    // The question is still waiting and takes a number or a word.
    expect((await bot.send('1')).ids).toEqual(['flow.smartwatch.ask_connected']);
    expect((await bot.send('No')).ids).toEqual(['flow.smartwatch.say_bluetooth_first', 'fix:bluetooth', 'flow.did_it_work']);
  });
});

describe('smsSafe (anything sent around the renderer)', () => {
  test('attachments and buttons go, text becomes GSM-7 plain text split into messages that fit', () => {
    const long = `**Sorry** – something went wrong… ${'Please try again in a minute. '.repeat(14)}😞`;
    const out = smsSafe([
      { type: 'message', text: long, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/x.png' }], suggestedActions: { to: [], actions: [] } },
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] },
      { type: 'typing' },
    ]);
    expect(out.length).toBe(3);
    expect(out[2]).toEqual({ type: 'typing' });
    for (const a of out.slice(0, 2)) {
      expect(a.attachments).toBeUndefined();
      expect(a.suggestedActions).toBeUndefined();
      expect(a.textFormat).toBe('plain');
      expect(fitsMessage(a.text!)).toBe(true);
    }
    expect(out[0].text!.startsWith('(1/2) Sorry - something went wrong... Please')).toBe(true);
    expect(out[1].text!.endsWith('Please try again in a minute.')).toBe(true);
  });
});
