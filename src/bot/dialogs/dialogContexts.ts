import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogStateManagerConfiguration } from './dialogKit';

// Where botbuilder-dialogs' DialogStateManager looks in the turn state for the memory scopes and
// path resolvers it gathered on the turn's first dialog context (its own name; not exported).
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Creates each turn's dialog context. botbuilder-dialogs gathers the memory scopes and path
 * resolvers anew every turn from its component registry (about 2% of a turn's CPU); they hold no
 * state of their own (they read and write the turn's), so the first turn's set serves every turn.
 */
export class DialogContexts {
  private configuration?: DialogStateManagerConfiguration;

  constructor(private readonly dialogs: DialogSet) {}

  async create(ctx: TurnContext): Promise<DialogContext> {
    if (this.configuration) ctx.turnState.set(CONFIGURATION_KEY, this.configuration);
    const dc = await this.dialogs.createContext(ctx);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
