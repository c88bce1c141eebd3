import { CardFactory, type Activity } from 'botbuilder';
import type { Choice } from '../../replies/reply';
import { imBackButtons, RichRenderer } from './richRenderer';

/**
 * Microsoft Teams shows no suggested actions in channels and group chats, so choices become card
 * buttons (which post the label back, like a typed answer) with the options also listed in text.
 */
export class TeamsRenderer extends RichRenderer {
  protected override choices(text: string, choices: Choice[]): Partial<Activity> {
    const card = CardFactory.heroCard('', undefined, imBackButtons(choices));
    return {
      type: 'message',
      text: `${text}\n\n${choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`,
      textFormat: 'markdown',
      attachments: [card],
    };
  }
}
