import type { Activity } from 'botbuilder';
import type { ChoicesReply } from '../../replies/reply';
import type { RenderLabels } from './renderLabels';
import { RichRenderer } from './richRenderer';

/**
 * Microsoft Teams: the same Adaptive Cards as Web Chat, with answer buttons that post back as
 * messageBack (the click shows as the person's message). Teams shows no suggested actions in
 * channels and group chats, so a question is its text with the options numbered (answer by number
 * or word) plus a card of Action.Submit buttons.
 */
export class TeamsRenderer extends RichRenderer {
  constructor(labels: RenderLabels) {
    super(labels, 'teams');
  }

  protected override choices(r: ChoicesReply): Partial<Activity> {
    return {
      type: 'message',
      text: `${r.text}\n\n${r.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`,
      textFormat: 'markdown',
      attachments: [this.cards.choices(r)],
    };
  }
}
