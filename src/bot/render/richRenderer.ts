import { ActionTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Choice, ContactEntry, Reply } from '../../replies/reply';
import type { ChannelRenderer } from './channelRenderer';
import { stepsText, summaryText } from './markdownText';

/**
 * Web Chat, the Emulator and other rich channels: Markdown text, suggested-action buttons for
 * choices, a card per contact with tap-to-call and links.
 */
export class RichRenderer implements ChannelRenderer {
  render(replies: Reply[]): Partial<Activity>[] {
    return replies.map((r) => this.one(r));
  }

  protected one(r: Reply): Partial<Activity> {
    switch (r.kind) {
      case 'text':
        return markdown(r.text);
      case 'steps':
        return markdown(stepsText(r, true));
      case 'summary':
        return markdown(summaryText(r, true));
      case 'choices':
        return this.choices(r.text, r.choices);
      case 'contacts':
        return {
          type: 'message',
          text: r.title,
          attachmentLayout: 'list',
          attachments: r.contacts.map((c) => CardFactory.heroCard(c.name, [c.note, c.hours].filter(Boolean).join('\n\n'), undefined, contactButtons(c))),
        };
    }
  }

  protected choices(text: string, choices: Choice[]): Partial<Activity> {
    return {
      ...markdown(text),
      suggestedActions: { to: [], actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })) },
    };
  }
}

export function markdown(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}

export function contactButtons(c: ContactEntry): CardAction[] {
  const buttons: CardAction[] = [];
  if (c.phone) buttons.push({ type: ActionTypes.Call, title: `Call ${c.phone}`, value: `tel:${c.phone.replace(/[^\d+]/g, '')}` });
  if (c.email) buttons.push({ type: ActionTypes.OpenUrl, title: `Email ${c.email}`, value: `mailto:${c.email}` });
  for (const l of c.links) buttons.push({ type: ActionTypes.OpenUrl, title: l.label, value: l.url });
  return buttons;
}
