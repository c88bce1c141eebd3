import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { ReplySender } from '../../src/bot/replySender';
import { SupportBot } from '../../src/bot/SupportBot';
import { HttpCloudStatus } from '../../src/status/cloudStatus';
import type { Reply } from '../../src/replies/reply';
import { testCore } from './testCore';
import type { Transcript } from './transcript';

export const STATUS_HOST = 'https://status.example.test';
export const STATUS_PATH = '/api/v2/status.json';

/** One bot on a TestAdapter for one channel, recording the reply ids of each turn. */
export class ConversationHarness {
  readonly adapter: TestAdapter;
  private said: Reply[] = [];

  constructor(readonly channelId: string, options: { status?: Transcript['status']; locale?: string; timezone?: string } = {}) {
    const storage = new MemoryStorage();
    const core = testCore({ statusChecker: statusChecker(options.status ?? 'off') });
    const bot = new SupportBot({
      core,
      sender: new ReplySender(core.wording, (_channel, replies) => this.said.push(...replies)),
      conversationState: new ConversationState(storage),
      userState: new UserState(storage),
      logger: pino({ level: 'silent' }),
    });
    this.adapter = new TestAdapter((ctx) => bot.run(ctx), {
      channelId,
      conversation: { id: `conv-${channelId}` },
      locale: options.locale ?? 'en-GB',
    } as never);
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
    return { ids: this.said.map((r) => r.id), activities };
  }
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
      ...(a.attachments ?? []).map((x) => JSON.stringify(x.content ?? {})),
    ])
    .join('\n')
    .toLowerCase();
}
