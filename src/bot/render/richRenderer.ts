import { ActionTypes, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Choice, ChoicesReply, Reply } from '../../replies/reply';
import type { SubmitFlavour } from './adaptiveCards';
import type { ChannelRenderer } from './channelRenderer';
import type { RenderLabels } from './renderLabels';
import { ReplyCards, WARRANTY_TERMS, WARRANTY_VERDICTS } from './replyCards';

/**
 * Web Chat (webchat and directline), the Emulator and other rich channels: Markdown text,
 * suggested-action chips for questions (a typed answer works too), and Adaptive Cards for fix
 * steps (with the question after them as Action.Submit buttons), contacts, summaries and the
 * warranty verdict.
 */
export class RichRenderer implements ChannelRenderer {
  protected readonly cards: ReplyCards;

  constructor(protected readonly labels: RenderLabels, flavour: SubmitFlavour = 'webchat') {
    this.cards = new ReplyCards(labels, flavour);
  }

  render(replies: Reply[]): Partial<Activity>[] {
    const out: Partial<Activity>[] = [];
    for (let i = 0; i < replies.length; i++) {
      const r = replies[i];
      const next = replies[i + 1];
      // A fix and "Did that fix it?" are one card: the answers sit under the steps.
      if (r.kind === 'steps' && next?.kind === 'choices') {
        out.push(cardMessage(this.cards.steps(r, next)));
        i++;
      } else if (r.kind === 'text' && WARRANTY_VERDICTS.has(r.id)) {
        const terms = next?.kind === 'summary' && next.id === WARRANTY_TERMS ? next : undefined;
        out.push(cardMessage(this.cards.warranty(r, terms)));
        if (terms) i++;
      } else {
        out.push(this.one(r));
      }
    }
    return out;
  }

  protected one(r: Reply): Partial<Activity> {
    switch (r.kind) {
      case 'text':
        return markdown(r.text);
      case 'steps':
        return cardMessage(this.cards.steps(r));
      case 'summary':
        return cardMessage(this.cards.summary(r));
      case 'choices':
        return this.choices(r);
      case 'contacts':
        return cardMessage(this.cards.contacts(r));
    }
  }

  protected choices(r: ChoicesReply): Partial<Activity> {
    return {
      ...markdown(r.text),
      suggestedActions: { to: [], actions: imBackButtons(r.choices) },
    };
  }
}

export function markdown(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}

export function cardMessage(card: Attachment): Partial<Activity> {
  return { type: 'message', attachments: [card] };
}

/** A tapped chip posts its label back, exactly as if the person had typed it. */
export function imBackButtons(choices: Choice[]): CardAction[] {
  return choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label }));
}
