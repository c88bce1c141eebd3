import { ActivityHandler, ConversationState, UserState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Config } from '../config';
import { createAdapter, createAuthentication } from '../bot/adapter';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import { createServer } from '../server/createServer';
import { openStores } from '../storage/openStores';

const LOOP = 'loop';
const ASK = 'ask';
const NEXT = 'What next?';

/**
 * How much of the assistant's shape a floor bot has, each one step nearer: conversation and user state
 * with one reply a turn; then a second reply (the next question); then the turn run by a botbuilder-dialogs
 * ComponentDialog. `npm run bench -- --floors` measures each; the last is the bench's floor bot.
 */
export const FLOOR_SHAPES = ['state', 'state+reply', 'state+reply+dialog'] as const;
export type FloorShape = (typeof FLOOR_SHAPES)[number];
export const FULL_FLOOR: FloorShape = 'state+reply+dialog';

type Counter = StatePropertyAccessor<number>;

async function count(turns: Counter, ctx: TurnContext): Promise<number> {
  const n = (await turns.get(ctx, 0)) + 1;
  await turns.set(ctx, n);
  return n;
}

/** A ComponentDialog that answers every message and asks for the next one: two replies a turn. */
class EchoLoopDialog extends ComponentDialog {
  constructor(private readonly turns: Counter) {
    super('echoLoop');
    this.addDialog(new TextPrompt(ASK)).addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async ask(step: WaterfallStepContext) {
    return step.prompt(ASK, { prompt: NEXT });
  }

  private async answer(step: WaterfallStepContext) {
    await step.context.sendActivity(`You said: ${String(step.result)} (${await count(this.turns, step.context)})`);
    return step.replaceDialog(LOOP);
  }
}

type Turn = (ctx: TurnContext) => Promise<void>;

function dialogTurn(conversationState: ConversationState, turns: Counter): Turn {
  const dialogs = new DialogSet(conversationState.createProperty('dialogState')).add(new EchoLoopDialog(turns));
  return async (ctx) => {
    const dc = await dialogs.createContext(ctx);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('echoLoop');
  };
}

// Without a dialog the conversation state still changes every turn, as the assistant's does.
function plainTurn(conversationState: ConversationState, turns: Counter, replies: 1 | 2): Turn {
  const said: Counter = conversationState.createProperty('said');
  return async (ctx) => {
    await count(said, ctx);
    await ctx.sendActivity(`You said: ${ctx.activity.text ?? ''} (${await count(turns, ctx)})`);
    if (replies === 2) await ctx.sendActivity(NEXT);
  };
}

/**
 * A floor for bots of the assistant's shape, for `npm run bench`: the same restify server and
 * CloudAdapter, conversation and user state on the same storage (SQLite by default), and (in full)
 * every message continues a botbuilder-dialogs ComponentDialog (a waterfall and a text prompt) that
 * sends two replies, as the assistant sends 1.8. Nothing of the assistant's own runs: no understanding,
 * search, flows, transcripts, events, SMS or rate limit. What it reaches bounds any bot built this way.
 */
export function createDialogFloorApp(config: Config, logger: Logger, wording: Wording, shape: FloorShape = FULL_FLOOR) {
  const stores = openStores(config.storage, logger, { timeoutMs: config.storageTimeoutMs });
  const conversationState = new ConversationState(stores.storage);
  const userState = new UserState(stores.storage);
  const turns: Counter = userState.createProperty('turns');
  const turn = shape === FULL_FLOOR ? dialogTurn(conversationState, turns) : plainTurn(conversationState, turns, shape === 'state' ? 1 : 2);
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await turn(ctx);
    await conversationState.saveChanges(ctx);
    await userState.saveChanges(ctx);
    await next();
  });
  const authentication = createAuthentication(config.auth, logger);
  const adapter = createAdapter(authentication, logger, wording);
  const server = createServer({ adapter, authentication, bot, logger, health: () => ({ floor: true }) });
  return { server, close: () => stores.close() };
}
