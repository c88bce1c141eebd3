import type { SupportEvent } from './supportEvent';

export interface MessageCount {
  text: string;
  count: number;
}

/** One form per message: lower case, single spaces, no punctuation around it ("My cat?! " → "my cat"). */
export function normaliseMessage(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/**
 * The messages the bot did not understand (recorded with their redacted text), most frequent first,
 * ties alphabetically: candidates for new training phrases.
 */
export function topNotUnderstood(events: readonly SupportEvent[], limit = 20): MessageCount[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'message' || !e.text) continue;
    const text = normaliseMessage(e.text);
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}
