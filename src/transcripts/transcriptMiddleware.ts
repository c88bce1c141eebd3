import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Redact } from '../privacy/redact';
import { toTranscriptEntry, type Speaker, type TranscriptEntry } from './transcriptEntry';
import type { ConversationRef, TranscriptLog } from './transcriptStore';

const PENDING = Symbol('transcriptPending');
const FORGOTTEN = Symbol('transcriptForgotten');

export interface TranscriptMiddlewareDeps {
  store: TranscriptLog;
  redact: Redact;
  logger?: Logger;
  now?: () => Date;
}

/** Where a handoff reads the conversation so far. */
export interface TranscriptSource {
  soFar(ctx: TurnContext): Promise<TranscriptEntry[]>;
}

/**
 * Keeps a redacted transcript of every conversation: the person's message and the bot's replies
 * are redacted the moment they pass, and the turn's entries are appended to the store when the
 * turn ends. Only redacted copies exist beyond the activity itself. Registered with `adapter.use`
 * after HoldRepliesMiddleware and SmsMiddleware, so it records each reply once, as really sent
 * (SMS-safe, nothing after an opt-out); a turn's replies are therefore stored but not in soFar.
 */
export class TranscriptMiddleware implements Middleware, TranscriptSource {
  private readonly now: () => Date;
  /** Where the transcripts are: read one for a handoff or a support lead, delete one to forget. */
  readonly store: TranscriptLog;

  constructor(private readonly deps: TranscriptMiddlewareDeps) {
    this.now = deps.now ?? (() => new Date());
    this.store = deps.store;
  }

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    ctx.turnState.set(PENDING, []);
    this.add(ctx, ctx.activity, 'user');
    ctx.onSendActivities(async (c, activities, send) => {
      const responses = await send();
      activities.forEach((a) => this.add(c, a, 'bot'));
      return responses;
    });
    try {
      await next();
    } finally {
      await this.flush(ctx);
    }
  }

  /** "Forget me": deletes the stored transcript and keeps the rest of this turn out of it. */
  async forget(ctx: TurnContext): Promise<void> {
    ctx.turnState.set(FORGOTTEN, true);
    ctx.turnState.set(PENDING, []);
    await this.store.delete(refOf(ctx));
  }

  /** The stored transcript plus this turn's messages so far (a handoff happens mid-turn). */
  async soFar(ctx: TurnContext): Promise<TranscriptEntry[]> {
    return [...(await this.store.read(refOf(ctx))), ...this.pending(ctx)];
  }

  private add(ctx: TurnContext, activity: Partial<Activity>, from: Speaker): void {
    if (ctx.turnState.get(FORGOTTEN)) return;
    const entry = toTranscriptEntry(activity, from, this.deps.redact, this.now());
    if (entry) this.pending(ctx).push(entry);
  }

  private pending(ctx: TurnContext): TranscriptEntry[] {
    return (ctx.turnState.get(PENDING) as TranscriptEntry[] | undefined) ?? [];
  }

  // A transcript that cannot be saved must not fail the person's turn.
  private async flush(ctx: TurnContext): Promise<void> {
    const entries = this.pending(ctx);
    ctx.turnState.set(PENDING, []);
    try {
      await this.store.append(refOf(ctx), entries);
    } catch (err) {
      this.deps.logger?.warn({ error: (err as Error).message, channelId: ctx.activity.channelId }, 'transcript not saved');
    }
  }
}

export function refOf(ctx: TurnContext): ConversationRef {
  return { channelId: ctx.activity.channelId, conversationId: ctx.activity.conversation?.id ?? '' };
}
