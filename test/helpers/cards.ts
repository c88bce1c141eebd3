import type { Activity, Attachment } from 'botbuilder';

// Reading Adaptive Cards in tests: every element and action however deeply nested, and the text a
// person sees (escapes removed, facts as "title: value").

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export type Json = Record<string, unknown>;

export function adaptiveCards(activities: Partial<Activity>[]): Json[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x: Attachment) => x.contentType === ADAPTIVE).map((x) => x.content as Json));
}

/** Every element (body items, container items, columns) in document order. */
export function cardElements(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (items: unknown) => {
    for (const item of Array.isArray(items) ? (items as Json[]) : []) {
      out.push(item);
      walk(item.items);
      walk(item.columns);
    }
  };
  walk(card.body);
  return out;
}

/** Every action: the card's own and those in ActionSets. */
export function cardActions(card: Json): Json[] {
  const inSets = cardElements(card).filter((e) => e.type === 'ActionSet').flatMap((e) => (e.actions as Json[]) ?? []);
  return [...inSets, ...((card.actions as Json[] | undefined) ?? [])];
}

/** Markdown escapes removed, as a person reads the text. */
export function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** What a person reads on the card, one line per block, fact or button. */
export function cardText(card: Json): string {
  const lines = cardElements(card).flatMap((e) => {
    if (e.type === 'TextBlock') return [unescape(String(e.text))];
    if (e.type === 'FactSet') return ((e.facts as { title: string; value: string }[]) ?? []).map((f) => `${unescape(f.title)}: ${unescape(f.value)}`);
    return [];
  });
  return [...lines, ...cardActions(card).map((a) => String(a.title ?? ''))].join('\n');
}

/** All a person reads in one activity: its text and its cards' text. */
export function activityText(activity: Partial<Activity>): string {
  return [activity.text ?? '', ...adaptiveCards([activity]).map(cardText)].join(' ').trim();
}
