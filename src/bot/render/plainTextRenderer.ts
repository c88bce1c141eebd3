import type { Activity } from 'botbuilder';
import type { Reply } from '../../replies/reply';
import type { ChannelRenderer } from './channelRenderer';
import { contactText, stepsText, summaryText } from './markdownText';
import type { RenderLabels } from './renderLabels';

/**
 * SMS and the terminal: plain text only, choices as a numbered list answered by number or word.
 * With a length limit (SMS: two GSM-7 segments), long text is split on line breaks into ordered parts.
 */
export class PlainTextRenderer implements ChannelRenderer {
  constructor(
    private readonly labels: RenderLabels,
    private readonly maxChars?: number,
  ) {}

  render(replies: Reply[]): Partial<Activity>[] {
    return replies.flatMap((r) => this.split(this.text(r))).map((text) => ({ type: 'message', text, textFormat: 'plain' }));
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
        return [r.title, ...r.contacts.map((c) => contactText(c, this.labels))].join('\n\n');
    }
  }

  private split(text: string): string[] {
    const max = this.maxChars;
    if (!max || text.length <= max) return [text];
    const parts: string[] = [];
    let current = '';
    for (const piece of text.split('\n').flatMap((line) => chunk(line, max))) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= max) current = joined;
      else {
        parts.push(current);
        current = piece;
      }
    }
    if (current) parts.push(current);
    return parts;
  }
}

// A single line longer than the limit is cut at word boundaries.
function chunk(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max) > 0 ? rest.lastIndexOf(' ', max) : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
