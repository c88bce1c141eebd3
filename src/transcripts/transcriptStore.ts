import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { pseudonym } from '../analytics/turnEvents';
import { updateDocument } from '../storage/updateDocument';
import type { TranscriptEntry } from './transcriptEntry';
import { appendToHead, DEFAULT_TRANSCRIPT_LIMITS, keptPages, type AppendPlan, type Page, type TranscriptHead, type TranscriptLimits } from './transcriptPages';

/** Which conversation: the channel and its conversation id (on SMS, the person's phone number). */
export interface ConversationRef {
  channelId: string;
  conversationId: string;
}

/** Where redacted transcripts are kept: appended to every turn, read for a handoff, deleted by "forget me". */
export interface TranscriptLog {
  append(ref: ConversationRef, entries: TranscriptEntry[]): Promise<void>;
  /** The conversation's entries, oldest first. */
  read(ref: ConversationRef): Promise<TranscriptEntry[]>;
  /** Forgets the conversation's transcript, all of it. */
  delete(ref: ConversationRef): Promise<void>;
}

/** The conversation's name in a store: its channel and a hash of its id, never the id (an SMS id is a phone number). */
export function transcriptName(ref: ConversationRef): string {
  return `${ref.channelId}/${pseudonym(`${ref.channelId}:${ref.conversationId}`)}`;
}

interface PageDocument {
  entries: TranscriptEntry[];
}

/**
 * Redacted transcripts in the bot's state storage (any botbuilder Storage: SQLite, Redis, Azure
 * Blob, memory), in pages: a turn rewrites only the head document, which holds the page being
 * filled, so its cost does not grow with the conversation. Appends are eTag-checked on the head, so
 * two turns writing at once both land. Keys hold a hash of the conversation id, never the id itself.
 */
export class TranscriptStore implements TranscriptLog {
  constructor(private readonly storage: Storage, private readonly limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS) {}

  async append(ref: ConversationRef, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const key = this.key(ref);
    let plan: AppendPlan | undefined;
    // A full page is stored before the head that points past it, so a reader never misses it.
    await updateDocument<TranscriptHead>(this.storage, key, async (head) => {
      plan = appendToHead(head, entries, this.limits);
      if (plan.seal.length > 0) await this.storage.write(this.pageDocuments(key, plan.seal));
      return plan.head;
    }, { copy: false });
    if (plan && plan.drop.length > 0) await this.storage.delete(plan.drop.map((n) => this.pageKey(key, n)));
  }

  async read(ref: ConversationRef): Promise<TranscriptEntry[]> {
    const key = this.key(ref);
    const head = (await this.storage.read([key]))[key] as TranscriptHead | undefined;
    if (!head) return [];
    const keys = keptPages(head).map((n) => this.pageKey(key, n));
    const pages = keys.length > 0 ? await this.storage.read(keys) : {};
    // A page missing here was dropped by an append since the head was read: it is over the limits.
    return [...keys.flatMap((k) => (pages[k] as PageDocument | undefined)?.entries ?? []), ...head.entries];
  }

  /** Forgets the conversation's transcript ("forget me"): every page it ever had, then the head. */
  async delete(ref: ConversationRef): Promise<void> {
    const key = this.key(ref);
    const head = (await this.storage.read([key]))[key] as TranscriptHead | undefined;
    // Numbers below the kept pages too: a page whose delete failed after it was dropped is gone as well.
    const pages = Array.from({ length: head?.page ?? 0 }, (_, n) => this.pageKey(key, n));
    if (pages.length > 0) await this.storage.delete(pages);
    await this.storage.delete([key]);
  }

  /** The head document's key. */
  key(ref: ConversationRef): string {
    return `transcripts/${transcriptName(ref)}`;
  }

  /** Where page n of the transcript under the head `key` is kept. */
  pageKey(key: string, page: number): string {
    return `${key}/${page}`;
  }

  // A full page is written whatever is there: any writer sealing page n writes the same entries.
  private pageDocuments(key: string, pages: Page[]): StoreItems {
    return Object.fromEntries(pages.map((p) => [this.pageKey(key, p.page), { entries: p.entries, eTag: '*' } satisfies PageDocument & StoreItem]));
  }
}
