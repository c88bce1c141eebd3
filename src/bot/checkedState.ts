import { BotState, ConversationState, UserState, calculateChangeHash, type StoreItem, type TurnContext } from 'botbuilder';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/**
 * botbuilder's BotState saves with eTag "*" (last writer wins), so two instances answering one
 * conversation at once would silently lose one turn's changes. These save with the eTag the state
 * was read with, so the storage rejects a stale write and the turn can run again (see SupportBot).
 */
function withETagChecks<T extends StateClass>(Base: T) {
  return class extends Base {
    // The hash of the state as last read or written this turn: unchanged state is not written.
    readonly savedHash = Symbol('savedHash');
    // Set once this turn has written the state: the eTag in hand is then our own write's predecessor.
    readonly wroteThisTurn = Symbol('wroteThisTurn');

    override async load(ctx: TurnContext, force = false): Promise<StoreItem> {
      const fresh = force || this.get(ctx) === undefined || !ctx.turnState.has(this.savedHash);
      const state = await super.load(ctx, force);
      if (fresh) {
        ctx.turnState.set(this.savedHash, this.hashAsLoaded(ctx) || calculateChangeHash(state));
        ctx.turnState.delete(this.wroteThisTurn);
      }
      return state;
    }

    override async saveChanges(ctx: TurnContext, force = false): Promise<void> {
      const cached = this.get(ctx);
      const hash = cached && calculateChangeHash(cached);
      if (!force && (!cached || hash === ctx.turnState.get(this.savedHash))) return;
      const state = cached ?? (await this.load(ctx));
      const key = await this.storageKey(ctx);
      // A second save in one turn (rare: SMS keywords) learns the eTag of the first before writing.
      if (ctx.turnState.get(this.wroteThisTurn)) state.eTag = (await this.storage.read([key]))[key]?.eTag;
      // No eTag yet means the conversation is new here: nothing to conflict with.
      await this.storage.write({ [key]: { ...state } });
      ctx.turnState.set(this.wroteThisTurn, true);
      // The hash ignores the eTag, so the one compared above is the written state's.
      ctx.turnState.set(this.savedHash, hash ?? calculateChangeHash(state));
    }

    // BotState.load hashes what it read (stringify and SHA-256 of the whole state) and keeps the hash
    // under its private key; reading it back saves hashing the same state twice every turn. ('' is
    // what clear() leaves there: no hash of anything read.)
    private hashAsLoaded(ctx: TurnContext): string | undefined {
      const { stateKey } = this as unknown as { stateKey: symbol };
      return (ctx.turnState.get(stateKey) as { hash?: string } | undefined)?.hash;
    }
  };
}

export const CheckedConversationState = withETagChecks(ConversationState);
export const CheckedUserState = withETagChecks(UserState);
