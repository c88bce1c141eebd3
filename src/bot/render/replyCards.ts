import type { Attachment } from 'botbuilder';
import type { ChoicesReply, ContactEntry, ContactsReply, StepsReply, SummaryReply, TextReply } from '../../replies/reply';
import {
  actionSet, adaptiveCard, bulletList, container, escapeCardText, factSet, heading, mailtoUrl, markdownBlock, openUrl,
  submitAnswer, telUrl, textBlock, type CardJson, type SubmitFlavour,
} from './adaptiveCards';
import type { RenderLabels } from './renderLabels';

/** The text replies that say where the warranty stands; each gets a warranty card. */
export const WARRANTY_VERDICTS: ReadonlySet<string> = new Set(['warranty.covered', 'warranty.expired', 'warranty.borderline', 'warranty.no_date']);
/** The summary of what the warranty does not cover, shown in the verdict's card when it follows it. */
export const WARRANTY_TERMS = 'warranty.terms';

const VERDICT_COLOUR: Record<string, string> = {
  'warranty.covered': 'Good',
  'warranty.expired': 'Attention',
  'warranty.borderline': 'Warning',
};

/** A fact line of a summary: "Device: Fitbit watch", or a checklist line "[tried, no luck] Restart the watch". */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function asFact(line: string): { title: string; value: string } | undefined {
  // The short mark is the title: a FactSet's title column is narrow and may not wrap.
  const mark = /^\[([^\]]{1,40})\]\s+(.+)$/.exec(line);
  if (mark) return { title: mark[1], value: mark[2] };
  const pair = /^([^:\n]{1,30}):\s+(.+)$/.exec(line);
  return pair ? { title: pair[1], value: pair[2] } : undefined;
}

/**
 * Adaptive Cards (1.5) for the replies that read better as cards than as text: fix steps (with the
 * question that follows them and its answer buttons), contacts, summaries, the warranty verdict, and
 * (Teams) a question's answer buttons. Web Chat and Teams differ only in how a button posts back.
 */
export class ReplyCards {
  constructor(
    private readonly labels: RenderLabels,
    private readonly flavour: SubmitFlavour,
  ) {}

  /** Title, intro, numbered steps, the warning highlighted, a link to the article, then the question and its answers. */
  steps(r: StepsReply, question?: ChoicesReply): Attachment {
    const body: CardJson[] = [heading(r.title)];
    if (r.intro) body.push(textBlock(r.intro, { isSubtle: true }));
    // One TextBlock holding the whole list: hosts number a Markdown list per block, so a block per step would show "1." each time.
    if (r.steps.length) body.push(markdownBlock(r.steps.map((s, i) => `${i + 1}. ${escapeCardText(oneLine(s))}`).join('\n'), { spacing: 'Medium' }));
    if (r.warning) body.push(container([textBlock(this.labels.warning(r.warning), { weight: 'Bolder' })], { style: 'attention', spacing: 'Medium' }));
    body.push(...actionSet(openUrl(this.labels.moreDetails, r.link)));
    if (question) body.push(textBlock(question.text, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    return adaptiveCard(body, {
      actions: question ? this.answerButtons(question) : [],
      fallbackText: [r.title, ...r.steps.map((s, i) => `${i + 1}. ${s}`)].join('\n'),
      fullWidth: this.flavour === 'teams',
    });
  }

  /** A question's answers as buttons (Teams, where suggested actions do not show in channels and group chats). */
  choices(r: ChoicesReply): Attachment {
    return adaptiveCard([textBlock(this.labels.answerHint, { isSubtle: true, size: 'Small' })], {
      actions: this.answerButtons(r),
      fallbackText: r.text,
    });
  }

  /** Each contact with its hours, phone and email as facts, and tap-to-call, email and link buttons. */
  contacts(r: ContactsReply): Attachment {
    const body: CardJson[] = [textBlock(r.title, { weight: 'Bolder' })];
    for (const c of r.contacts) body.push(container(this.contact(c), { separator: true, spacing: 'Medium' }));
    return adaptiveCard(body, { fallbackText: [r.title, ...r.contacts.map((c) => c.name)].join('\n'), fullWidth: this.flavour === 'teams' });
  }

  /** Facts ("Device: …", "[fixed] Restart") as a FactSet; any other list as bullet points. */
  summary(r: SummaryReply): Attachment {
    const facts = r.lines.map(asFact);
    const content = facts.every((f) => f !== undefined) && facts.length > 0
      ? factSet(facts as { title: string; value: string }[])
      : bulletList(r.lines);
    return adaptiveCard([heading(r.title), content], { fallbackText: [r.title, ...r.lines].join('\n') });
  }

  /** Where the warranty stands (coloured by the verdict), with what it does not cover when that follows. */
  warranty(verdict: TextReply, terms?: SummaryReply): Attachment {
    const colour = VERDICT_COLOUR[verdict.id];
    const body: CardJson[] = [
      heading(this.labels.warrantyTitle),
      textBlock(verdict.text, colour ? { color: colour, weight: 'Bolder' } : {}),
    ];
    if (terms) body.push(textBlock(terms.title, { weight: 'Bolder', separator: true, spacing: 'Medium' }), bulletList(terms.lines));
    return adaptiveCard(body, { fallbackText: verdict.text });
  }

  private contact(c: ContactEntry): CardJson[] {
    const facts = [
      c.hours && { title: this.labels.factHours, value: c.hours },
      c.phone && { title: this.labels.factPhone, value: c.phone },
      c.email && { title: this.labels.factEmail, value: c.email },
    ].filter((f): f is { title: string; value: string } => Boolean(f));
    const tel = c.phone ? telUrl(c.phone) : undefined;
    const mail = c.email ? mailtoUrl(c.email) : undefined;
    const buttons = [
      ...(c.phone && tel ? openUrl(this.labels.callButton(c.phone), tel) : []),
      ...(c.email && mail ? openUrl(this.labels.emailButton(c.email), mail) : []),
      ...c.links.flatMap((l) => openUrl(l.label, l.url)),
    ];
    return [
      textBlock(c.name, { weight: 'Bolder' }),
      ...(c.note ? [textBlock(c.note, { isSubtle: true, spacing: 'None' })] : []),
      ...(facts.length ? [factSet(facts)] : []),
      ...actionSet(buttons),
    ];
  }

  private answerButtons(r: ChoicesReply): CardJson[] {
    return r.choices.map((c) => submitAnswer(c.label, this.flavour));
  }
}
