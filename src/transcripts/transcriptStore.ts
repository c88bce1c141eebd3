import type { Storage } from 'botbuilder';
import { pseudonym } from '../analytics/turnEvents';
import { updateDocument } from '../storage/updateDocument';
import type { TranscriptEntry } from './transcriptEntry';

/** Which conversation: the channel and its conversation id (on SMS, the person's phone number). */
export interface ConversationRef {
  channelId: string;
  conversationId: string;
}

interface TranscriptDocument {
  entries: TranscriptEntry[];
  /** How many of the oldest entries were dropped to stay within the limits. */
  dropped: number;
}

export interface TranscriptLimits {
  maxEntries: number;
  /** Of the document as JSON: cards make entries large, and the whole document is rewritten per turn. */
  maxChars: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = { maxEntries: 200, maxChars: 200_000 };

/**
 * Redacted transcripts, one document per conversation in the bot's state storage (any botbuilder
 * Storage: SQLite, Redis, Azure Blob, memory). Appends are eTag-checked, so two turns writing at
 * once both land. The key holds a hash of the conversation id, never the id itself.
 */
export class TranscriptStore {
  constructor(private readonly storage: Storage, private readonly limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS) {}

  async append(ref: ConversationRef, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // capped() builds a new document and leaves the stored one alone, so no copy is needed.
    await updateDocument<TranscriptDocument>(this.storage, this.key(ref), (doc) => this.capped({
      entries: [...(doc?.entries ?? []), ...entries],
      dropped: doc?.dropped ?? 0,
    }), { copy: false });
  }

  async read(ref: ConversationRef): Promise<TranscriptEntry[]> {
    const doc = (await this.storage.read([this.key(ref)]))[this.key(ref)] as TranscriptDocument | undefined;
    return doc?.entries ?? [];
  }

  /** Forgets the conversation's transcript ("forget me"). */
  async delete(ref: ConversationRef): Promise<void> {
    await this.storage.delete([this.key(ref)]);
  }

  key(ref: ConversationRef): string {
    return `transcripts/${ref.channelId}/${pseudonym(`${ref.channelId}:${ref.conversationId}`)}`;
  }

  // The oldest entries go first; the latest turns are what an agent taking over needs.
  private capped(doc: TranscriptDocument): TranscriptDocument {
    let { entries, dropped } = doc;
    const over = entries.length - this.limits.maxEntries;
    if (over > 0) {
      entries = entries.slice(over);
      dropped += over;
    }
    while (entries.length > 1 && JSON.stringify(entries).length > this.limits.maxChars) {
      entries = entries.slice(1);
      dropped += 1;
    }
    return { entries, dropped };
  }
}
