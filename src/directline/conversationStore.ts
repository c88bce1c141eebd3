import { randomId } from './ids';

/** An activity as Direct Line clients see it: the service gives every one an id and a time. */
export type StoredActivity = Record<string, unknown> & { id: string; timestamp: string };

export interface Conversation {
  readonly id: string;
  /** The user the conversation's tokens belong to; posted activities are sent as this user. */
  readonly userId: string;
  /** Whether the bot has been told the conversation started (conversationUpdate). */
  started: boolean;
  activities: StoredActivity[];
  /** Sequence number of the next activity; also the watermark a client sends to get newer ones. */
  nextSeq: number;
  lastUsed: number;
}

export interface ConversationStoreOptions {
  now?: () => number;
  /** Older activities are dropped past this; a client that falls that far behind misses them. */
  maxActivitiesPerConversation?: number;
  /** Past this the least recently used conversation is dropped. */
  maxConversations?: number;
  /** A conversation nobody posted to or polled for this long is forgotten. */
  idleMs?: number;
}

/** Conversations in memory, bounded in count, length and idle time. Map order = least recently used first. */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly now: () => number;
  private readonly maxActivities: number;
  private readonly maxConversations: number;
  private readonly idleMs: number;

  constructor(options: ConversationStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxActivities = options.maxActivitiesPerConversation ?? 500;
    this.maxConversations = options.maxConversations ?? 1000;
    this.idleMs = options.idleMs ?? 60 * 60 * 1000;
  }

  get size(): number {
    return this.conversations.size;
  }

  create(userId: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.maxConversations) this.forgetOldest();
    const conversation: Conversation = { id: randomId(), userId, started: false, activities: [], nextSeq: 0, lastUsed: this.now() };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, unless it is unknown or has been idle too long. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation && this.isIdle(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    return conversation;
  }

  /** Adds an activity with the next id and the current time; drops the oldest past the cap. */
  append(conversation: Conversation, activity: Record<string, unknown>): StoredActivity {
    const seq = conversation.nextSeq++;
    // Real Direct Line ids look like "<conversationId>|0000042"; clients treat them as opaque.
    const stored: StoredActivity = {
      ...activity,
      id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
    };
    conversation.activities.push(stored);
    if (conversation.activities.length > this.maxActivities) conversation.activities.shift();
    this.touch(conversation);
    return stored;
  }

  /** Activities at or after the watermark (all kept ones without one), and the watermark for next time. */
  since(conversation: Conversation, watermark: string | null | undefined): { activities: StoredActivity[]; watermark: string } {
    this.touch(conversation);
    const from = parseWatermark(watermark);
    const firstSeq = conversation.nextSeq - conversation.activities.length;
    return { activities: conversation.activities.slice(Math.max(0, from - firstSeq)), watermark: String(conversation.nextSeq) };
  }

  /** Forgets idle conversations. They sit at the front of the map, so this stops at the first live one. */
  sweep(): void {
    for (const conversation of this.conversations.values()) {
      if (!this.isIdle(conversation)) return;
      this.conversations.delete(conversation.id);
    }
  }

  private touch(conversation: Conversation): void {
    conversation.lastUsed = this.now();
    // Re-inserting moves it to the end, keeping the map in least-recently-used order.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private isIdle(conversation: Conversation): boolean {
    return this.now() - conversation.lastUsed > this.idleMs;
  }

  private forgetOldest(): void {
    const oldest = this.conversations.keys().next();
    if (!oldest.done) this.conversations.delete(oldest.value);
  }
}

function parseWatermark(watermark: string | null | undefined): number {
  const n = Number(watermark);
  return watermark && Number.isSafeInteger(n) && n > 0 ? n : 0;
}
