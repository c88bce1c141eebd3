import { CardFactory, type Attachment } from 'botbuilder';

// Adaptive Card building blocks (schema 1.5) for Web Chat and Teams, and what keeps them safe:
// TextBlocks render Markdown, so every text that comes from data or from a person is escaped,
// and a link is only ever http(s), tel: or mailto:.

export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_TYPE = CardFactory.contentTypes.adaptiveCard;

/** One element or action of a card, as JSON. */
export type CardJson = Record<string, unknown>;

/**
 * How an answer button posts back. Web Chat sends the `data` object as the message's `value`;
 * Teams also needs `msteams.messageBack` so the click shows in the chat as the person's message
 * (its `text` reaches the bot as typed text, its `value` as the card value).
 */
export type SubmitFlavour = 'webchat' | 'teams';

export interface CardOptions {
  actions?: CardJson[];
  /** Shown by hosts that cannot render the card. */
  fallbackText?: string;
  /** Teams: use the chat's full width (steps and contacts read better wide). */
  fullWidth?: boolean;
}

/** An Adaptive Card 1.5 attachment. */
export function adaptiveCard(body: CardJson[], options: CardOptions = {}): Attachment {
  return CardFactory.adaptiveCard({
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(options.actions?.length ? { actions: options.actions } : {}),
    ...(options.fallbackText ? { fallbackText: options.fallbackText } : {}),
    ...(options.fullWidth ? { msteams: { width: 'Full' } } : {}),
  });
}

/** A wrapping TextBlock showing `text` literally (escaped). */
export function textBlock(text: string, style: CardJson = {}): CardJson {
  return { type: 'TextBlock', text: escapeCardText(text), wrap: true, ...style };
}

/** A TextBlock whose Markdown was built here from escaped parts (a list, a numbered step). */
export function markdownBlock(markdown: string, style: CardJson = {}): CardJson {
  return { type: 'TextBlock', text: markdown, wrap: true, ...style };
}

export function heading(text: string): CardJson {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

/** A bulleted list, one line per item, each item escaped. */
export function bulletList(items: string[], style: CardJson = {}): CardJson {
  return markdownBlock(items.map((i) => `- ${escapeCardText(oneLine(i))}`).join('\n'), style);
}

export function factSet(facts: { title: string; value: string }[]): CardJson {
  return { type: 'FactSet', facts: facts.map((f) => ({ title: escapeCardText(oneLine(f.title)), value: escapeCardText(f.value) })) };
}

export function container(items: CardJson[], style: CardJson = {}): CardJson {
  return { type: 'Container', items, ...style };
}

export function actionSet(actions: CardJson[]): CardJson[] {
  return actions.length ? [{ type: 'ActionSet', actions }] : [];
}

/** A link button, or nothing when the URL is not a safe http(s), tel: or mailto: link. */
export function openUrl(title: string, url: string | undefined): CardJson[] {
  const safe = url === undefined ? undefined : safeUrl(url);
  return safe ? [{ type: 'Action.OpenUrl', title: oneLine(title), url: safe }] : [];
}

/**
 * An answer button. Its `data.answer` is what SupportBot reads back as if typed, and what
 * AnswerPrompt matches against the choice labels; in Teams the same text comes as messageBack.
 */
export function submitAnswer(label: string, flavour: SubmitFlavour): CardJson {
  const title = oneLine(label);
  const data: CardJson = { answer: title };
  if (flavour === 'teams') data.msteams = { type: 'messageBack', text: title, displayText: title, value: { answer: title } };
  return { type: 'Action.Submit', title, data };
}

// Characters that start Markdown inline syntax (emphasis, code, links, images, HTML and autolinks,
// tables). An underscore inside a word (America/Los_Angeles, user_name) never makes emphasis, and
// ">" only quotes at the start of a line ("Settings > General" stays as written).
const INLINE = /[\\`*~[\]<|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// What makes a line a quote, heading, list item, rule or setext underline ("> x", "# x", "- x", "+ x", "---", "===").
const BLOCK_MARK = /^(\s*)(>|[-+=#](?=[-+=#\s]|$))/;
const NUMBERED = /^(\s*)(\d{1,9})([.)])(?=\s|$)/;

/**
 * Text that Adaptive Card Markdown shows literally: `**bold**` stays asterisks and
 * `[x](javascript:…)` never becomes a link (the escaped `\]` breaks the link syntax even where a
 * host ignores escapes). Line structure is kept.
 */
export function escapeCardText(text: string): string {
  return text
    .split('\n')
    .map((line) => line
      .replace(INLINE, (c) => `\\${c}`)
      .replace(BLOCK_MARK, (_m, space: string, mark: string) => `${space}\\${mark}`)
      .replace(NUMBERED, (_m, space: string, digits: string, dot: string) => `${space}${digits}\\${dot}`))
    .join('\n');
}

/** The URL if it is safe to put behind a button: http(s) with a host, tel: digits, or a plain mailto:. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^tel:\+?\d{3,20}$/i.test(trimmed)) return trimmed;
  if (/^mailto:/i.test(trimmed)) return mailtoUrl(trimmed.slice('mailto:'.length));
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) return undefined;
  return parsed.href;
}

/** tel: with digits and a leading + only (what dialers accept), or undefined when there are too few digits. */
export function telUrl(phone: string): string | undefined {
  const digits = phone.replace(/[^\d]/g, '');
  if (digits.length < 3 || digits.length > 20) return undefined;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
}

/** mailto: for a plain address (no spaces, headers or extra recipients), else undefined. */
export function mailtoUrl(email: string): string | undefined {
  const address = email.trim();
  return /^[A-Za-z0-9.!#$%'*+/=^_`{}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(address) ? `mailto:${address}` : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
