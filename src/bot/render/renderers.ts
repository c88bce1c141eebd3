import type { ChannelRenderer } from './channelRenderer';
import type { RenderLabels } from './renderLabels';
import { PlainTextRenderer } from './plainTextRenderer';
import { RichRenderer } from './richRenderer';
import { TeamsRenderer } from './teamsRenderer';

// Two SMS segments of GSM-7 text.
export const SMS_MAX_CHARS = 306;

/** The renderer for a channel id; anything unknown gets the rich (Web Chat style) renderer. */
export function rendererFor(channelId: string | undefined, labels: RenderLabels): ChannelRenderer {
  switch (channelId) {
    case 'sms':
      return new PlainTextRenderer(labels, SMS_MAX_CHARS);
    case 'terminal':
      return new PlainTextRenderer(labels);
    case 'msteams':
      return new TeamsRenderer(labels);
    default:
      return new RichRenderer(labels);
  }
}
