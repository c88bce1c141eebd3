import type { TurnContext } from 'botbuilder';
import type { Reply } from '../replies/reply';
import type { Wording } from '../replies/wording';
import type { ChannelRenderer } from './render/channelRenderer';
import { renderLabels, type RenderLabels } from './render/renderLabels';
import { rendererFor } from './render/renderers';

const MAX_CACHED_RENDERERS = 32;

export type ReplyObserver = (channelId: string, replies: Reply[]) => void;

/** Renders neutral replies for the turn's channel and sends them. The observer sees each reply as it is made (a turn run again after a storage conflict is seen twice). */
export class ReplySender {
  private readonly labels: RenderLabels;
  private readonly renderers = new Map<string, ChannelRenderer>();

  constructor(wording: Wording, private readonly observer?: ReplyObserver) {
    this.labels = renderLabels(wording);
  }

  async send(ctx: TurnContext, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    this.observer?.(ctx.activity.channelId, replies);
    await ctx.sendActivities(this.rendererFor(ctx.activity.channelId).render(replies));
  }

  // One renderer per channel, made on first use. Channel ids come with each request, so only so
  // many are kept: a client inventing a new one per message must not grow this map for ever.
  private rendererFor(channelId: string): ChannelRenderer {
    let renderer = this.renderers.get(channelId);
    if (!renderer) {
      renderer = rendererFor(channelId, this.labels);
      if (this.renderers.size < MAX_CACHED_RENDERERS) this.renderers.set(channelId, renderer);
    }
    return renderer;
  }
}
