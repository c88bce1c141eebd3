import type { Activity } from 'botbuilder';
import type { ContactsReply, Reply, StepsReply } from '../../replies/reply';
import { toGsm7 } from '../sms/gsm7';
import { packSms, type SmsBlock } from '../sms/smsSplit';
import { stripMarkdown } from '../sms/stripMarkdown';
import type { ChannelRenderer } from './channelRenderer';
import { contactText, stepsText, summaryText } from './markdownText';
import type { RenderLabels } from './renderLabels';

/** On SMS a fix takes at most this many messages; longer ones are shortened and end with the article's link. */
export const SMS_MAX_MESSAGES_PER_FIX = 3;

/**
 * SMS and the terminal: plain text only (no cards, buttons or Markdown), choices as a numbered list
 * answered by number or word.
 *
 * With a limit (SMS: 306, two GSM-7 segments) the text is also made GSM-7 (see ../sms/gsm7) and:
 * - the replies sent together are packed into as few messages as fit, broken between replies where
 *   possible, else between paragraphs, lines or sentences (../sms/smsSplit), and numbered
 *   "(1/3) ", "(2/3) ", … when there are several; a question stays in one message with its answers;
 * - a fix that alone would take more than three messages keeps its title, warning and as many
 *   whole steps as fit in three, and ends with the link to the full article;
 * - a question ends with "Reply 1, 2 or 3.", and some replies (welcome, help) have SMS wording that
 *   says how to opt out.
 */
export class PlainTextRenderer implements ChannelRenderer {
  constructor(
    private readonly labels: RenderLabels,
    /** SMS: the most GSM-7 septets a message may take (306 = two segments); none for the terminal. */
    private readonly maxChars?: number,
  ) {}

  render(replies: Reply[]): Partial<Activity>[] {
    const max = this.maxChars;
    const texts = max === undefined ? replies.map((r) => stripMarkdown(this.text(r))) : this.smsMessages(replies, max);
    return texts.map((text) => ({ type: 'message', text, textFormat: 'plain' }));
  }

  private text(r: Reply): string {
    switch (r.kind) {
      case 'text':
        return r.text;
      case 'steps':
        return stepsText(r, false, this.labels);
      case 'summary':
        return summaryText(r, false);
      case 'choices': {
        const list = r.choices.map((c, i) => `${i + 1}) ${c.label}`).join('\n');
        return `${r.text}\n${list}\n${this.labels.replyHint}`;
      }
      case 'contacts':
        return contactsText(r, this.labels);
    }
  }

  // SMS: the replies of one send packed into as few messages as fit, numbered when there are several.
  private smsMessages(replies: Reply[], max: number): string[] {
    return packSms(replies.map((r) => this.smsBlock(r, max)).filter((b) => b.text), max);
  }

  private smsBlock(r: Reply, max: number): SmsBlock {
    const sms = this.labels.sms;
    switch (r.kind) {
      case 'text':
        return { text: smsClean(sms.textFor(r.id) ?? r.text) };
      case 'choices': {
        const list = r.choices.map((c, i) => `${i + 1}) ${c.label}`).join('\n');
        return { text: smsClean(`${r.text}\n${list}\n${sms.replyNumbers(r.choices.length)}`), keepTogether: true };
      }
      case 'steps':
        return { text: this.smsSteps(r, max) };
      case 'summary':
        return { text: smsClean(summaryText(r, false)) };
      case 'contacts':
        return { text: smsClean(contactsText(r, this.labels)) };
    }
  }

  // A fix's text; if alone it would take more than three messages, as many whole steps as fit in
  // three and then where the rest is. The title and the warning always stay; the intro goes first.
  private smsSteps(r: StepsReply, max: number): string {
    const sms = this.labels.sms;
    const fitsThree = (text: string) => packSms([{ text }], max).length <= SMS_MAX_MESSAGES_PER_FIX;
    const full = smsClean(smsStepsText(r, r.steps, true, r.link && sms.moreDetails(r.link), this.labels));
    if (!r.link || fitsThree(full)) return full;
    let shortest = full;
    for (let shown = r.steps.length - 1; shown >= 0; shown--) {
      for (const withIntro of r.intro ? [true, false] : [false]) {
        shortest = smsClean(smsStepsText(r, r.steps.slice(0, shown), withIntro, sms.moreSteps(r.link), this.labels));
        if (fitsThree(shortest)) return shortest;
      }
    }
    return shortest;
  }
}

// On SMS the warning comes before the steps, so it arrives first even if a later message is late.
function smsStepsText(r: StepsReply, steps: string[], withIntro: boolean, last: string | undefined, labels: RenderLabels): string {
  return [
    r.title,
    withIntro ? r.intro : undefined,
    r.warning && labels.warning(r.warning),
    steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    last,
  ].filter(Boolean).join('\n');
}

function contactsText(r: ContactsReply, labels: RenderLabels): string {
  return [r.title, ...r.contacts.map((c) => contactText(c, labels))].join('\n\n');
}

// Plain GSM-7 text: Markdown removed, look-alikes replaced, emoji dropped, spacing tidied.
function smsClean(text: string): string {
  return toGsm7(stripMarkdown(text))
    .split('\n')
    .map((line) => line.replace(/[ ]{2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
