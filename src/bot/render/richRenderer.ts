import { ActionTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Choice, ContactEntry, Reply } from '../../replies/reply';
import type { ChannelRenderer } from './channelRenderer';
import { stepsText, summaryText } from './markdownText';
import type { RenderLabels } from './renderLabels';

/**
 * Web Chat, the Emulator and other rich channels: Markdown text, suggested-action buttons for
 * choices, a card per contact with tap-to-call and links.
 */
export class RichRenderer implements ChannelRenderer {
  constructor(protected readonly labels: RenderLabels) {}

  render(replies: Reply[]): Partial<Activity>[] {
    return replies.map((r) => this.one(r));
  }

  protected one(r: Reply): Partial<Activity> {
    switch (r.kind) {
      case 'text':
        return markdown(r.text);
      case 'steps':
        return markdown(stepsText(r, true, this.labels));
      case 'summary':
        return markdown(summaryText(r, true));
      case 'choices':
        return this.choices(r.text, r.choices);
      case 'contacts':
        return {
          type: 'message',
          text: r.title,
          attachmentLayout: 'list',
          attachments: r.contacts.map((c) => CardFactory.heroCard(c.name, [c.note, c.hours].filter(Boolean).join('\n\n'), undefined, this.contactButtons(c))),
        };
    }
  }

  private contactButtons(c: ContactEntry): CardAction[] {
    const buttons: CardAction[] = [];
    if (c.phone) buttons.push({ type: ActionTypes.Call, title: this.labels.callButton(c.phone), value: `tel:${c.phone.replace(/[^\d+]/g, '')}` });
    if (c.email) buttons.push({ type: ActionTypes.OpenUrl, title: this.labels.emailButton(c.email), value: `mailto:${c.email}` });
    for (const l of c.links) buttons.push({ type: ActionTypes.OpenUrl, title: l.label, value: l.url });
    return buttons;
  }

  protected choices(text: string, choices: Choice[]): Partial<Activity> {
    return {
      ...markdown(text),
      suggestedActions: { to: [], actions: imBackButtons(choices) },
    };
  }
}

export function markdown(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}

/** A tapped button posts its label back, exactly as if the person had typed it. */
export function imBackButtons(choices: Choice[]): CardAction[] {
  return choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label }));
}
