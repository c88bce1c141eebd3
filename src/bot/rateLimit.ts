import type { Middleware, TurnContext } from 'botbuilder';
import type { TokenBuckets } from '../limits/tokenBucket';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import type { ReplySender } from './replySender';

export interface RateLimitDeps {
  buckets: TokenBuckets;
  sender: ReplySender;
  wording: Wording;
  logger: Logger;
}

/**
 * Per-conversation rate limiting of messages (registered with `adapter.use`). A flood gets one
 * polite `input.slow_down` reply, then silence until the conversation's bucket has refilled; the
 * bot never sees the refused messages. Other activities pass: typing indicators come with every
 * keystroke, and conversation updates come from the channel, not from what a person types.
 */
export class RateLimitMiddleware implements Middleware {
  /** Messages refused since start: `told` got the slow-down reply, `dropped` got nothing. */
  readonly counts = { told: 0, dropped: 0 };

  constructor(private readonly deps: RateLimitDeps) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = ctx.activity;
    if (a.type !== 'message') return next();
    const admission = this.deps.buckets.take(`${a.channelId}/${a.conversation?.id ?? ''}`);
    if (admission === 'allow') return next();
    // No conversation id in the log: on SMS it is the person's phone number.
    if (admission === 'refuse') {
      this.counts.told += 1;
      this.deps.logger.info({ channelId: a.channelId, told: this.counts.told }, 'conversation over its rate limit: asked to slow down');
      await this.deps.sender.send(ctx, [{ kind: 'text', id: 'input.slow_down', text: this.deps.wording.say('input.slow_down') }]);
      return;
    }
    this.counts.dropped += 1;
    this.deps.logger.debug({ channelId: a.channelId, dropped: this.counts.dropped }, 'over the rate limit: message dropped');
  }
}
