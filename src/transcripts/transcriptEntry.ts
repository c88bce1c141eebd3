import type { Activity } from 'botbuilder';
import type { Redact } from '../privacy/redact';
import { redactDeep } from '../privacy/redactDeep';

export type Speaker = 'user' | 'bot';

/**
 * One message of a transcript, redacted: who spoke, when, the text, cards and submitted values.
 * Ids, names, addresses of the conversation and channel data are left out; they name people
 * (an SMS user id is a phone number) and an agent reading the chat does not need them.
 */
export interface TranscriptEntry {
  type: 'message';
  from: { id: Speaker; role: Speaker };
  timestamp: string;
  text?: string;
  speak?: string;
  attachments?: { contentType: string; name?: string; content?: unknown }[];
  suggestedActions?: unknown;
  value?: unknown;
}

/** The redacted entry for a message; nothing for other activities (typing, updates, events). */
export function toTranscriptEntry(activity: Partial<Activity>, from: Speaker, redact: Redact, now: Date): TranscriptEntry | undefined {
  if (activity.type !== 'message') return undefined;
  const entry: TranscriptEntry = { type: 'message', from: { id: from, role: from }, timestamp: timestampOf(activity, now) };
  if (activity.text) entry.text = redact(activity.text);
  if (activity.speak) entry.speak = redact(activity.speak);
  // A file's contentUrl points at what the person uploaded: left out, like the file itself.
  if (activity.attachments?.length) {
    entry.attachments = activity.attachments.map((x) => ({ contentType: x.contentType, ...(x.name ? { name: redact(x.name) } : {}), ...(x.content !== undefined ? { content: redactDeep(x.content, redact) } : {}) }));
  }
  if (activity.suggestedActions) entry.suggestedActions = redactDeep(activity.suggestedActions, redact);
  if (activity.value !== undefined) entry.value = redactDeep(activity.value, redact);
  return entry;
}

/** What an entry says as plain text: its text, else the texts on its cards (for tickets and logs). */
export function entryText(entry: TranscriptEntry): string {
  if (entry.text) return entry.text;
  return (entry.attachments ?? []).flatMap((x) => cardStrings(x.content)).join('\n');
}

function cardStrings(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardStrings);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'TextBlock' && typeof o.text === 'string' ? [o.text] : typeof o.title === 'string' && typeof o.value === 'string' ? [`${o.title}: ${o.value}`] : [];
  return [...own, ...Object.values(o).flatMap((v) => (typeof v === 'object' ? cardStrings(v) : []))];
}

function timestampOf(activity: Partial<Activity>, now: Date): string {
  const t = activity.timestamp ? new Date(activity.timestamp) : now;
  return Number.isNaN(t.getTime()) ? now.toISOString() : t.toISOString();
}
