import { ActivityTypes, type TurnContext } from 'botbuilder';
import { messageEvent } from '../analytics/messageEvent';
import type { TurnEvents } from '../analytics/turnEvents';
import type { SupportCore } from '../core/supportCore';
import type { Understanding } from '../nlu/understand';

const KEY = Symbol('understanding');

/** Understands the turn's text once; every dialog in the turn reuses the result. */
export function understandTurn(core: SupportCore, ctx: TurnContext): Understanding {
  const cached = ctx.turnState.get(KEY) as Understanding | undefined;
  if (cached) return cached;
  const u = core.understander.understand(ctx.activity.text ?? '');
  ctx.turnState.set(KEY, u);
  return u;
}

/** Drops the cached understanding (the turn runs again, maybe with other text). */
export function forgetUnderstanding(ctx: TurnContext): void {
  ctx.turnState.delete(KEY);
}

/**
 * Records the turn's `message` event (what the message was understood as) once per turn, whichever
 * dialog reads the message first. A turn run again after a storage conflict starts with no events.
 */
export function recordMessage(core: SupportCore, events: TurnEvents, ctx: TurnContext, answered: boolean): void {
  if (ctx.activity.type !== ActivityTypes.Message || events.recorded(ctx).some((e) => e.type === 'message')) return;
  events.record(ctx, messageEvent(understandTurn(core, ctx), { answered, threshold: core.confidenceThreshold, redact: core.redact }));
}
