import type { TurnContext } from 'botbuilder';
import type { Reply } from '../replies/reply';
import type { ChannelRenderer } from './render/channelRenderer';
import { rendererFor } from './render/renderers';

export type ReplyObserver = (channelId: string, replies: Reply[]) => void;

/** Renders neutral replies for the turn's channel and sends them. The observer sees what was said. */
export class ReplySender {
  constructor(
    private readonly renderers: (channelId: string) => ChannelRenderer = rendererFor,
    private readonly observer?: ReplyObserver,
  ) {}

  async send(ctx: TurnContext, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    this.observer?.(ctx.activity.channelId, replies);
    await ctx.sendActivities(this.renderers(ctx.activity.channelId).render(replies));
  }
}
