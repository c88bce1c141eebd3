import { BotState, ConversationState, UserState, type StoreItem, type TurnContext } from 'botbuilder';
import { storedTextOf, withStoredText } from '../storage/storedText';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/** What BotState keeps in the turn state under its private key: the state and the hash it was read with. */
interface CachedState {
  state?: StoreItem;
  hash?: string;
}

/**
 * botbuilder's BotState saves with eTag "*" (last writer wins), so two instances answering one
 * conversation at once would silently lose one turn's changes. These save with the eTag the state
 * was read with, so the storage rejects a stale write and the turn can run again (see SupportBot).
 */
function withETagChecks<T extends StateClass>(Base: T) {
  return class extends Base {
    // The state's text as last read or written this turn: unchanged state is not written.
    readonly savedText = Symbol('savedText');
    // Set once this turn has written the state: the eTag in hand is then our own write's predecessor.
    readonly wroteThisTurn = Symbol('wroteThisTurn');

    // As BotState.load, but remembering the state's JSON text rather than BotState's hash of it
    // (a replacer-driven stringify plus SHA-256): comparing the text finds a change as surely, cheaper.
    override async load(ctx: TurnContext, force = false): Promise<StoreItem> {
      const cached = this.cached(ctx);
      if (!force && cached?.state && ctx.turnState.has(this.savedText)) return cached.state;
      const loaded = !force && cached?.state ? { state: cached.state, hash: cached.hash } : await this.read(ctx);
      // '' is what clear() leaves: no text of anything read.
      ctx.turnState.set(this.savedText, loaded.hash || stateText(loaded.state));
      ctx.turnState.delete(this.wroteThisTurn);
      return loaded.state;
    }

    override async saveChanges(ctx: TurnContext, force = false): Promise<void> {
      const cached = this.get(ctx);
      const text = cached && stateText(cached);
      if (!force && (!cached || text === ctx.turnState.get(this.savedText))) return;
      const state = cached ?? (await this.load(ctx));
      const key = await this.storageKey(ctx);
      // A second save in one turn (rare: SMS keywords) learns the eTag of the first before writing.
      if (ctx.turnState.get(this.wroteThisTurn)) state.eTag = (await this.storage.read([key]))[key]?.eTag;
      // No eTag yet means the conversation is new here: nothing to conflict with. The text just
      // compared goes with the copy, so the store need not serialise the state again.
      await this.storage.write({ [key]: text === undefined ? { ...state } : withStoredText({ ...state }, text) });
      ctx.turnState.set(this.wroteThisTurn, true);
      // The text leaves out the eTag, so the one compared above is the written state's.
      ctx.turnState.set(this.savedText, text ?? stateText(state));
    }

    private async read(ctx: TurnContext): Promise<Required<CachedState>> {
      const key = await this.storageKey(ctx);
      const state = (await this.storage.read([key]))[key] ?? {};
      // A store that read the state as text (SQLite) hands that text over: no need to serialise it again.
      const loaded = { state, hash: storedTextOf(state) ?? stateText(state) };
      ctx.turnState.set(this.slotKey(), loaded);
      return loaded;
    }

    private cached(ctx: TurnContext): CachedState | undefined {
      return ctx.turnState.get(this.slotKey()) as CachedState | undefined;
    }

    // BotState's private key for its turn-state slot (get, clear and delete use it too).
    private slotKey(): symbol {
      return (this as unknown as { stateKey: symbol }).stateKey;
    }
  };
}

/** The state as stored, without its eTag (which changes on every write). */
function stateText(state: StoreItem): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

export const CheckedConversationState = withETagChecks(ConversationState);
export const CheckedUserState = withETagChecks(UserState);
