import type { Logger } from '../logger';
import { conversationStarted, fromBot, fromClient, toBot, type Channel } from './botActivities';
import type { Conversation, ConversationStore, StoredActivity } from './conversationStore';
import type { TokenBook } from './tokenBook';

/** Runs one activity through the bot (in the app: CloudAdapter.processActivityDirect + bot.run). */
export type DeliverToBot = (activity: Record<string, unknown>) => Promise<void>;

export interface LocalDirectLineDeps {
  store: ConversationStore;
  tokens: TokenBook;
  deliver: DeliverToBot;
  /** Read when needed: the serviceUrl is only known once the server listens. */
  channel: () => Channel;
  logger: Logger;
}

export interface Opened {
  conversation: Conversation;
  token: string;
  expiresIn: number;
}

/** What a Direct Line service does, without HTTP: conversations, tokens, and carrying activities both ways. */
export class LocalDirectLine {
  // The turns of one conversation run one after another, so two quick messages cannot both
  // load and save the bot's conversation state at once.
  private readonly queues = new WeakMap<Conversation, Promise<unknown>>();

  constructor(private readonly deps: LocalDirectLineDeps) {}

  get tokens(): TokenBook {
    return this.deps.tokens;
  }

  get store(): ConversationStore {
    return this.deps.store;
  }

  /** A new conversation for the user and a token for it; the bot hears of it on start(). */
  open(userId: string): Opened {
    const conversation = this.deps.store.create(userId);
    const { token, expiresIn } = this.deps.tokens.issue(conversation.id);
    return { conversation, token, expiresIn };
  }

  /** Tells the bot the user joined (once), so it sends its welcome before anything else. */
  async start(conversation: Conversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    try {
      await this.inTurn(conversation, conversationStarted(conversation, this.deps.channel()));
    } catch (err) {
      // The conversation still works without a welcome; the failure is the bot's to fix.
      this.deps.logger.error({ err, conversation: conversation.id }, 'direct line: the bot failed to take the conversation start');
    }
  }

  /** Stores the user's activity (clients see their own messages echoed) and runs the bot's turn. */
  async post(conversation: Conversation, posted: Record<string, unknown>): Promise<StoredActivity> {
    const channel = this.deps.channel();
    const stored = this.deps.store.append(conversation, { ...fromClient(conversation, posted), channelId: channel.channelId });
    try {
      await this.inTurn(conversation, toBot(stored, channel));
    } catch (err) {
      // The adapter handles errors inside a turn itself; this is a turn that could not run at all.
      this.deps.logger.error({ err, conversation: conversation.id }, 'direct line: the bot did not take the activity');
      throw err;
    }
    return stored;
  }

  /** A reply the bot sent to the connector; undefined if the conversation is gone. */
  receiveReply(conversationId: string, reply: Record<string, unknown>): StoredActivity | undefined {
    const conversation = this.deps.store.get(conversationId);
    if (!conversation) return undefined;
    return this.deps.store.append(conversation, fromBot(reply, conversation, this.deps.channel()));
  }

  private inTurn(conversation: Conversation, activity: Record<string, unknown>): Promise<void> {
    const previous = this.queues.get(conversation) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.deps.deliver(activity));
    this.queues.set(conversation, turn);
    return turn;
  }
}
