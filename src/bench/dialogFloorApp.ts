import { ActivityHandler, ConversationState, UserState } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Config } from '../config';
import { createAdapter, createAuthentication } from '../bot/adapter';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import { createServer } from '../server/createServer';
import { openStores } from '../storage/openStores';

const LOOP = 'loop';
const ASK = 'ask';

/** A ComponentDialog that answers every message and asks for the next one: two replies a turn. */
class EchoLoopDialog extends ComponentDialog {
  constructor(private readonly turns: ReturnType<UserState['createProperty']>) {
    super('echoLoop');
    this.addDialog(new TextPrompt(ASK)).addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async ask(step: WaterfallStepContext) {
    return step.prompt(ASK, { prompt: 'What next?' });
  }

  private async answer(step: WaterfallStepContext) {
    const count = ((await this.turns.get(step.context, 0)) as number) + 1;
    await this.turns.set(step.context, count);
    await step.context.sendActivity(`You said: ${String(step.result)} (${count})`);
    return step.replaceDialog(LOOP);
  }
}

/**
 * A floor for bots of the assistant's shape, for `npm run bench`: the same restify server and
 * CloudAdapter, conversation and user state on the same storage (SQLite by default), and every
 * message continues a botbuilder-dialogs ComponentDialog (a waterfall and a text prompt) that sends
 * two replies, as the assistant sends 1.8. Nothing of the assistant's own runs: no understanding,
 * search, flows, transcripts, events, SMS or rate limit. What it reaches bounds any bot built this way.
 */
export function createDialogFloorApp(config: Config, logger: Logger, wording: Wording) {
  const stores = openStores(config.storage, logger, { timeoutMs: config.storageTimeoutMs });
  const conversationState = new ConversationState(stores.storage);
  const userState = new UserState(stores.storage);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState')).add(new EchoLoopDialog(userState.createProperty('turns')));
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    const dc = await dialogs.createContext(ctx);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('echoLoop');
    await conversationState.saveChanges(ctx);
    await userState.saveChanges(ctx);
    await next();
  });
  const authentication = createAuthentication(config.auth, logger);
  const adapter = createAdapter(authentication, logger, wording);
  const server = createServer({ adapter, authentication, bot, logger, health: () => ({ floor: true }) });
  return { server, close: () => stores.close() };
}
