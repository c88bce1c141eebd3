import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { EventLog } from './eventLog';
import type { EventBody, SupportEvent } from './supportEvent';

const PENDING = Symbol('pendingEvents');

/**
 * Collects a turn's events and writes them only once the turn's state is saved, so a turn that is
 * retried after a storage conflict (or fails to save) records nothing twice.
 */
export class TurnEvents {
  constructor(private readonly log: EventLog, private readonly now: () => DateTime) {}

  record(ctx: TurnContext, body: EventBody): void {
    const a = ctx.activity;
    const event: SupportEvent = {
      // The text luxon's toUTC().toISO() gives, at a fraction of the cost (a few events every turn).
      at: new Date(this.now().toMillis()).toISOString(),
      conversation: a.conversation?.id ?? '',
      channel: a.channelId ?? '',
      user: a.from?.id ? pseudonym(`${a.channelId}:${a.from.id}`) : undefined,
      ...body,
    };
    this.pending(ctx).push(event);
  }

  /** The events recorded so far this turn (tests and the transcript of a handoff read them). */
  recorded(ctx: TurnContext): readonly SupportEvent[] {
    return this.pending(ctx);
  }

  discard(ctx: TurnContext): void {
    ctx.turnState.delete(PENDING);
  }

  async flush(ctx: TurnContext): Promise<void> {
    const events = this.pending(ctx);
    ctx.turnState.delete(PENDING);
    if (events.length > 0) await this.log.append(events);
  }

  private pending(ctx: TurnContext): SupportEvent[] {
    let events = ctx.turnState.get(PENDING) as SupportEvent[] | undefined;
    if (!events) {
      events = [];
      ctx.turnState.set(PENDING, events);
    }
    return events;
  }
}

/** A stable stand-in for a user id (an SMS user id is a phone number): counts people, names nobody. */
export function pseudonym(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
