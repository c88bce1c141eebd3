import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';

const HOLD = Symbol('heldReplies');

/**
 * Holds a turn's outgoing activities until its state is saved, so that a turn retried after a
 * storage conflict, or one that could not save, never leaves half an answer behind.
 */
export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding = true;

  /** Called from the turn's send pipeline: keeps the activities while holding. */
  take(activities: Partial<Activity>[]): ResourceResponse[] | undefined {
    if (!this.holding) return undefined;
    this.held.push(...activities);
    return activities.map(() => ({ id: '' }));
  }

  /** Forgets what was held (the turn runs again, or fails); keeps holding. */
  discard(): void {
    this.held = [];
  }

  /** Stops holding and sends what was held, plus any extra activities, in order. */
  async release(ctx: TurnContext, extra: Partial<Activity>[] = []): Promise<void> {
    this.holding = false;
    const out = [...this.held, ...extra];
    this.held = [];
    if (out.length > 0) await ctx.sendActivities(out);
  }
}

/** The turn's hold, made (and hooked into its send pipeline) on first use. */
export function heldReplies(ctx: TurnContext): HeldReplies {
  let hold = ctx.turnState.get(HOLD) as HeldReplies | undefined;
  if (!hold) {
    const created = new HeldReplies();
    ctx.turnState.set(HOLD, created);
    ctx.onSendActivities(async (_c, activities, next) => created.take(activities) ?? next());
    hold = created;
  }
  return hold;
}

/**
 * Registered first on the adapter, so the hold sits outside every other send handler (the
 * transcript logger then sees each reply once, when it is really sent).
 */
export class HoldRepliesMiddleware implements Middleware {
  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const hold = heldReplies(ctx);
    await next();
    // A middleware that answered without running the bot (SMS START) left its reply held.
    await hold.release(ctx);
  }
}
