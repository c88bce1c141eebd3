import { MemoryStorage, TestAdapter, type Activity, type Middleware, type Storage } from 'botbuilder';
import { CheckedConversationState, CheckedUserState } from '../../src/bot/checkedState';
import nock from 'nock';
import pino from 'pino';
import { HoldRepliesMiddleware } from '../../src/bot/heldReplies';
import { ReplySender } from '../../src/bot/replySender';
import { SupportBot } from '../../src/bot/SupportBot';
import { SmsMiddleware } from '../../src/bot/sms/smsMiddleware';
import { HttpCloudStatus } from '../../src/status/cloudStatus';
import type { SupportCore } from '../../src/core/supportCore';
import type { TurnEvents } from '../../src/analytics/turnEvents';
import type { Handoff } from '../../src/handoff/handoff';
import type { Reply } from '../../src/replies/reply';
import { adaptiveCards, cardActions, cardText, type Json } from './cards';
import { testCore } from './testCore';
import type { Transcript } from './transcript';

export const STATUS_HOST = 'https://status.example.test';
export const STATUS_PATH = '/api/v2/status.json';

/** One bot on a TestAdapter for one channel, recording the reply ids of each turn. */
export class ConversationHarness {
  readonly adapter: TestAdapter;
  private said: Reply[] = [];
  private last: Partial<Activity>[] = [];

  constructor(readonly channelId: string, options: HarnessOptions = {}) {
    const storage = options.storage ?? new MemoryStorage();
    const core = options.core ?? testCore({ statusChecker: statusChecker(options.status ?? 'off') });
    const sender = new ReplySender(core.wording, (_channel, replies) => this.said.push(...replies));
    const conversationState = new CheckedConversationState(storage);
    const bot = new SupportBot({
      core,
      sender,
      conversationState,
      userState: new CheckedUserState(storage),
      logger: pino({ level: 'silent' }),
      // The transcripts are about consumer devices; Teams conversations opt in to the internal helpdesk.
      teams: { escalation: options.teamsEscalation ?? 'consumer' },
      events: options.events,
      handoff: options.handoff,
    });
    const type = options.conversationType ?? 'personal';
    this.adapter = new TestAdapter((ctx) => bot.run(ctx), {
      channelId,
      conversation: channelId === 'msteams' ? { id: `conv-${channelId}`, conversationType: type, isGroup: type !== 'personal' } : { id: `conv-${channelId}` },
      locale: options.locale ?? 'en-GB',
    } as never);
    // As in src/app.ts: replies held until the state is saved, SMS keywords and opt-out (does nothing on
    // other channels), then any other middleware (e.g. the transcript).
    this.adapter.use(new HoldRepliesMiddleware());
    this.adapter.use(new SmsMiddleware({ conversationState, sender, wording: core.wording }));
    for (const m of options.middleware ?? []) this.adapter.use(m);
    this.timezone = options.timezone;
  }

  private readonly timezone?: string;

  /** Sends one message (or raw activity); returns the reply ids and the rendered activities. */
  async send(input: string | Record<string, unknown>): Promise<{ ids: string[]; activities: Partial<Activity>[] }> {
    this.said = [];
    const activity = typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input };
    await this.adapter.receiveActivity({ ...activity, localTimezone: this.timezone } as Partial<Activity>);
    const activities: Partial<Activity>[] = [];
    while (this.adapter.activeQueue.length > 0) activities.push(this.adapter.activeQueue.shift()!);
    this.last = activities;
    return { ids: this.said.map((r) => r.id), activities };
  }

  /** Taps a button of the last replies, sending what this channel sends for it. */
  async click(title: string): Promise<{ ids: string[]; activities: Partial<Activity>[] }> {
    return this.send(clickActivity(this.channelId, this.last, title));
  }
}

export interface HarnessOptions {
  status?: Transcript['status'];
  locale?: string;
  timezone?: string;
  teamsEscalation?: Transcript['teamsEscalation'];
  conversationType?: Transcript['conversationType'];
  /** Another core (e.g. knowledge without a helpdesk); the status option is then ignored. */
  core?: SupportCore;
  /** Where the turn events go (tests of what is recorded). */
  events?: TurnEvents;
  /** The bot's state storage (default: a fresh MemoryStorage). */
  storage?: Storage;
  /** Handing cases to a person; without it, asking for one shows the contacts. */
  handoff?: Handoff;
  /** Registered after the SMS middleware, as src/app.ts does with the transcript. */
  middleware?: Middleware[];
}

/** The activity a channel sends when the person taps the button titled `title` (SMS has none: it is typed). */
export function clickActivity(channelId: string, activities: Partial<Activity>[], title: string): Record<string, unknown> {
  if (channelId === 'sms') return { text: title };
  const chip = activities.flatMap((a) => a.suggestedActions?.actions ?? []).find((x) => x.title === title);
  if (chip) return { text: String(chip.value) };
  const submit = adaptiveCards(activities).flatMap(cardActions).find((x) => x.type === 'Action.Submit' && x.title === title);
  if (!submit) throw new Error(`no button "${title}" on ${channelId} in: ${JSON.stringify(activities)}`);
  const data = submit.data as Json;
  // Teams sends a messageBack's text as the message and its value as the value; Web Chat posts the data object.
  const back = data.msteams as { type?: string; text?: string; value?: unknown } | undefined;
  if (channelId === 'msteams' && back?.type === 'messageBack') return { text: back.text, value: back.value };
  return { value: data };
}

function statusChecker(mode: NonNullable<Transcript['status']>): HttpCloudStatus {
  if (mode === 'off') return new HttpCloudStatus({ timeoutMs: 500 });
  const scope = nock(STATUS_HOST).persist().get(STATUS_PATH);
  if (mode === 'up') scope.reply(200, { status: { indicator: 'none', description: 'All Systems Operational' } });
  if (mode === 'outage') scope.reply(200, { status: { indicator: 'major', description: 'Major outage' } });
  if (mode === 'error') scope.reply(503, 'unavailable');
  if (mode === 'timeout') scope.delay(3000).reply(200, { status: { indicator: 'none' } });
  return new HttpCloudStatus({ url: `${STATUS_HOST}${STATUS_PATH}`, timeoutMs: 500 });
}

/** Everything a person sees in a turn, as one lower-case string. */
export function visibleText(activities: Partial<Activity>[]): string {
  return activities
    .flatMap((a) => [
      a.text ?? '',
      ...(a.suggestedActions?.actions ?? []).map((x) => x.title ?? ''),
      ...(a.attachments ?? []).map((x) => (x.contentType === 'application/vnd.microsoft.card.adaptive' ? cardText(x.content as Json) : JSON.stringify(x.content ?? {}))),
    ])
    .join('\n')
    .toLowerCase();
}
