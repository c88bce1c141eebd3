import type { TurnContext } from 'botbuilder';
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
