import { EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import type { TranscriptEntry } from '../transcripts/transcriptEntry';
import type { TranscriptSource } from '../transcripts/transcriptMiddleware';
import type { HandoffCase } from './handoffCase';
import type { HelpdeskWebhook } from './helpdeskWebhook';
import type { PersonRequest } from './personRequest';
import type { TicketOutbox } from './ticketOutbox';
import { nextTryAt } from './ticketRetrier';
import type { TicketTemplate } from './ticketTemplate';
import { caseFields, ticketValues } from './ticketValues';

const STARTED = Symbol('handoffStarted');

/** How a case reaches a person: the channel's agent hub (handoff.initiate) or the helpdesk's webhook. */
export type HandoffRoute = 'event' | 'webhook';

export interface HandoffOutcome {
  via: HandoffRoute[];
  /** handoff.initiate was sent. */
  event: boolean;
  /** The ticket: taken by the helpdesk, kept for a later retry, or refused. */
  ticket?: 'sent' | 'queued' | 'failed';
  delivered: boolean;
}

export interface HelpdeskRoute {
  webhook: HelpdeskWebhook;
  template: TicketTemplate;
  outbox: TicketOutbox;
  retryIntervalMs: number;
}

export interface HandoffDeps {
  /** Channels whose agent hub understands handoff.initiate. */
  eventChannels: string[];
  /** The helpdesk's webhook, when one is configured: used on every channel. */
  helpdesk?: HelpdeskRoute;
  /** The redacted transcript; without it (TRANSCRIPTS=off) cases go without one. */
  transcripts?: TranscriptSource;
  personRequest: PersonRequest;
  wording: Wording;
  logger: Logger;
  now?: () => Date;
}

/**
 * Passes a case to a person. The ticket goes first (its outcome decides what the person is told),
 * then the person is told, then handoff.initiate goes out (after those replies) with the summary
 * and the transcript up to the person's request.
 */
export class Handoff {
  private readonly now: () => Date;

  constructor(private readonly deps: HandoffDeps) {
    if (!deps.personRequest || !deps.wording || !deps.logger) throw new Error('Handoff needs personRequest, wording and logger');
    this.now = deps.now ?? (() => new Date());
  }

  routes(channelId: string): HandoffRoute[] {
    return [
      ...(this.deps.eventChannels.includes(channelId) ? (['event'] as const) : []),
      ...(this.deps.helpdesk ? (['webhook'] as const) : []),
    ];
  }

  wantsPerson(text: string): boolean {
    return this.deps.personRequest.wantsPerson(text);
  }

  /**
   * A turn run again after a state conflict (its replies were dropped, not sent) tells the person
   * again but reuses the first run's case and ticket: the helpdesk never gets the case twice.
   */
  async start(ctx: TurnContext, newCase: HandoffCase, tell: (outcome: HandoffOutcome, c: HandoffCase) => Promise<void>): Promise<HandoffOutcome> {
    const earlier = ctx.turnState.get(STARTED) as { c: HandoffCase; ticket: HandoffOutcome['ticket'] } | undefined;
    const c = earlier?.c ?? newCase;
    const ticket = earlier ? earlier.ticket : this.deps.helpdesk ? await this.postTicket(this.deps.helpdesk, c, await this.transcript(ctx)) : undefined;
    ctx.turnState.set(STARTED, { c, ticket });
    const via = this.routes(ctx.activity.channelId);
    const event = via.includes('event');
    const outcome: HandoffOutcome = { via, event, ticket, delivered: event || ticket === 'sent' };
    await tell(outcome, c);
    if (event) {
      const transcript = { activities: (await this.transcript(ctx)) as unknown as Activity[] };
      await ctx.sendActivity(EventFactory.createHandoffInitiation(ctx, handoffContext(c), transcript));
    }
    return outcome;
  }

  private async postTicket(helpdesk: HelpdeskRoute, c: HandoffCase, transcript: TranscriptEntry[]): Promise<HandoffOutcome['ticket']> {
    const { logger } = this.deps;
    const body = helpdesk.template.fill(ticketValues(c, transcript, this.deps.wording));
    const delivery = await helpdesk.webhook.post(body, c.reference);
    if (delivery.ok) {
      logger.info({ reference: c.reference, status: delivery.status }, 'helpdesk ticket sent');
      return 'sent';
    }
    const log = { reference: c.reference, status: delivery.status, reason: delivery.reason };
    if (!delivery.retry) {
      logger.error(log, 'helpdesk refused the ticket: check the template and the auth settings');
      return 'failed';
    }
    try {
      const now = this.now().getTime();
      await helpdesk.outbox.add({ reference: c.reference, body, attempts: 1, nextAt: nextTryAt(now, 1, helpdesk.retryIntervalMs) });
      logger.warn(log, 'helpdesk unreachable, ticket kept for a retry');
      return 'queued';
    } catch (err) {
      logger.error({ ...log, error: (err as Error).message }, 'helpdesk unreachable and the ticket could not be kept');
      return 'failed';
    }
  }

  private async transcript(ctx: TurnContext): Promise<TranscriptEntry[]> {
    return (await this.deps.transcripts?.soFar(ctx)) ?? [];
  }
}

/** What the agent hub gets besides the transcript: the case summary and its facts. */
function handoffContext(c: HandoffCase) {
  return {
    reference: c.reference,
    reason: c.reason,
    summary: { title: c.summary.title, lines: c.summary.lines },
    ...caseFields(c.facts),
  };
}
