import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { TurnEvents } from '../../src/analytics/turnEvents';
import { Handoff, type HandoffOutcome } from '../../src/handoff/handoff';
import { createHandoffCase, type HandoffCase } from '../../src/handoff/handoffCase';
import { loadPersonRequest } from '../../src/handoff/personRequest';
import { TicketRetrier } from '../../src/handoff/ticketRetrier';
import { Wording } from '../../src/replies/wording';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { ConversationHarness, visibleText } from '../helpers/conversationRunner';
import { handoffHarness, helpdeskRoute, HELPDESK_HOST, HELPDESK_PATH, type HandoffSetup } from '../helpers/handoffHarness';
import { FIXED_NOW, realKnowledge, ROOT } from '../helpers/testCore';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A bot with transcripts and a handoff on one storage, recording its turn events. */
function botOn(channel: string, setup: HandoffSetup) {
  const log = new MemoryEventLog();
  const { options, route } = handoffHarness(setup);
  const bot = new ConversationHarness(channel, { ...options, events: new TurnEvents(log, () => FIXED_NOW) });
  return { bot, log, route };
}

describe('"talk to a person" on Web Chat, whose agent hub takes handoff.initiate', () => {
  test('the event carries the case summary and the transcript so far, with the e-mail typed earlier redacted', async () => {
    const { bot, log } = botOn('webchat', { eventChannels: ['webchat'] });
    await bot.send('my galaxy watch shows error 1002. my email is jane.doe@example.com');
    await bot.send('1');
    const { ids, activities } = await bot.send('talk to a person');

    // The person reads that someone is coming and the summary; then the event goes to the hub.
    expect(ids).toEqual(['handoff.event', 'summary.case']);
    expect(activities.map((a) => a.type)).toEqual(['message', 'message', 'event']);
    const event = activities[2] as Activity;
    expect(event.name).toBe('handoff.initiate');
    expect(event.value).toMatchObject({
      reason: 'asked',
      reference: expect.stringMatching(/^H-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      device: 'Smartwatch',
      brand: 'Samsung',
      errorCode: '1002',
      warranty: 'not checked',
      summary: { title: expect.stringContaining('Case summary'), lines: expect.arrayContaining(['Device: Samsung Smartwatch', 'Error: 1002']) },
      tried: expect.arrayContaining([{ fix: 'restart', step: expect.any(String), outcome: 'not_tried' }]),
    });
    expect(visibleText(activities.slice(0, 2))).toContain('join this chat');

    const [attachment] = event.attachments!;
    expect(attachment).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    const transcript = (attachment.content as { activities: { from: { role: string }; text?: string }[] }).activities;
    expect(transcript.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual([
      'my galaxy watch shows error 1002. my email is [email]',
      '1',
      'talk to a person',
    ]);
    expect(transcript.filter((a) => a.from.role === 'bot').length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(activities)).not.toContain('jane.doe@example.com');

    expect((await log.read()).filter((e) => e.type === 'handoff')).toEqual([
      expect.objectContaining({ type: 'handoff', reason: 'asked', via: ['event'], delivered: true, channel: 'webchat' }),
    ]);
  });

  test('"what is the support number" is not a request for a person: contacts, no event, no handoff recorded', async () => {
    const { bot, log } = botOn('webchat', { eventChannels: ['webchat'] });
    const { ids, activities } = await bot.send('what is the support phone number for fitbit');
    expect(ids).toEqual(['contact.manufacturer', 'contact.have_ready']);
    expect(activities.some((a) => a.type === 'event')).toBe(false);
    expect((await log.read()).some((e) => e.type === 'handoff')).toBe(false);
  });

  test('on a channel with no route, asking for a person shows the contacts and is recorded as a handoff via nothing', async () => {
    const { bot, log } = botOn('sms', { eventChannels: ['webchat'] });
    expect((await bot.send('my fitbit shows error 1002')).ids).toEqual(['flow.smartwatch.intro', 'flow.smartwatch.ask_powers_on']);
    const { ids } = await bot.send('get me a human');
    expect(ids).toEqual(['contact.manufacturer', 'contact.have_ready', 'flow.resume', 'flow.smartwatch.ask_powers_on']);
    expect((await log.read()).filter((e) => e.type === 'handoff')).toEqual([
      expect.objectContaining({ reason: 'asked', via: [], delivered: false }),
    ]);
  });
});

describe('the helpdesk webhook is down', () => {
  test('the person is told and gets the contacts; the ticket is kept, retried later, delivered, and the outbox emptied', async () => {
    const { bot, log, route } = botOn('sms', { webhook: 'played' });
    const posted: Record<string, unknown>[] = [];
    const capture = (body: Record<string, unknown>) => posted.push(body) > 0;
    nock(HELPDESK_HOST).post(HELPDESK_PATH, capture).reply(503, 'down for maintenance').post(HELPDESK_PATH, capture).reply(201, { id: 'T-9' });
    const outbox = route!.outbox;

    await bot.send('my fitbit shows error 1002, call me on 07700 900123 if easier');
    const { ids, activities } = await bot.send('can i speak to someone');
    expect(ids).toEqual(['handoff.ticket_queued', 'contact.manufacturer', 'contact.have_ready', 'summary.case']);
    const text = visibleText(activities);
    expect(text).toContain("couldn't reach the support team");
    expect(text).toContain('+1 555-01');

    const [queued, ...others] = await outbox.list();
    expect(others).toEqual([]);
    expect(queued).toMatchObject({ attempts: 1, reference: expect.stringMatching(/^H-/) });
    expect(text).toContain(`reference ${queued.reference.toLowerCase()}`);
    expect(queued.nextAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify(queued.body)).toContain('call me on [phone] if easier');
    expect(JSON.stringify(queued.body)).not.toContain('07700');

    // Later the helpdesk is back: the retrier posts the same ticket and the outbox is empty.
    const later = new TicketRetrier(outbox, route!.webhook, pino({ level: 'silent' }), { intervalMs: route!.retryIntervalMs, now: () => queued.nextAt });
    expect(await later.runOnce()).toEqual({ delivered: 1, postponed: 0, gaveUp: 0 });
    expect(await outbox.list()).toEqual([]);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual(posted[0]);
    expect(posted[1]).toMatchObject({ externalReference: queued.reference, channel: 'sms', device: { product: 'Smartwatch', brand: 'Fitbit', errorCode: '1002' } });

    expect((await log.read()).filter((e) => e.type === 'handoff')).toEqual([
      expect.objectContaining({ reason: 'asked', via: ['webhook'], delivered: false }),
    ]);
  });
});

describe('a turn run again after a state conflict', () => {
  test('hands over once: the same case and reference, one ticket', async () => {
    const storage = new MemoryStorage();
    const route = helpdeskRoute(storage);
    const helpdesk = nock(HELPDESK_HOST).post(HELPDESK_PATH).once().reply(201);
    const wording = new Wording(realKnowledge().responses);
    const handoff = new Handoff({ eventChannels: [], helpdesk: route, personRequest: loadPersonRequest(ROOT), wording, logger: pino({ level: 'silent' }) });
    const facts = { device: 'NAS drive', errorCode: '1002', checklist: {}, tried: {}, warranty: 'not checked' };
    const told: { outcome: HandoffOutcome; reference: string }[] = [];
    const adapter = new TestAdapter(async (ctx) => {
      for (let run = 0; run < 2; run++) {
        const fresh: HandoffCase = createHandoffCase({ channelId: 'webchat', conversationId: 'c1' }, 'asked', facts, wording, new Date());
        await handoff.start(ctx, fresh, async (outcome, c) => void told.push({ outcome, reference: c.reference }));
      }
    });
    await adapter.send('talk to a person');
    expect(helpdesk.isDone()).toBe(true);
    expect(told).toHaveLength(2);
    expect(told[1]).toEqual(told[0]);
    expect(told[0].outcome).toEqual({ via: ['webhook'], event: false, ticket: 'sent', delivered: true });
  });
});
