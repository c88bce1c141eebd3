import {
  ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from './dialogs/dialogKit';
import { TurnEvents } from '../analytics/turnEvents';
import type { Logger } from '../logger';
import { MemoryEventLog } from '../storage/memoryEventLog';
import type { ConversationData, UserProfile } from './conversationData';
import { conversationDataOf, type DialogDeps } from './dialogs/dialogDeps';
import { MAIN_DIALOG, MainDialog } from './dialogs/MainDialog';
import { textReply } from './dialogs/say';
import type { ReplySender } from './replySender';
import type { SupportCore } from '../core/supportCore';
import { withTeamsHelpdesk, type TeamsEscalation } from './teams/helpdeskEscalation';
import { stripBotMention } from './teams/mentions';
import { botWasAdded, teamsWelcomeId } from './teams/teamsWelcome';

// Longer messages are cut (with a note) before anything reads them.
export const MAX_MESSAGE_CHARS = 2000;

export interface SupportBotDeps {
  core: SupportCore;
  sender: ReplySender;
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
  /** Turn events for the report; default: kept in memory. */
  events?: TurnEvents;
  /** Microsoft Teams: where escalations point (default helpdesk, when knowledge/helpdesk.yaml exists). */
  teams?: { escalation?: TeamsEscalation };
}

interface TeamsWelcomeState {
  welcomed?: boolean;
}

/**
 * The Bot Framework face of the assistant: turns activities into dialog turns and saves state.
 * Everything it decides comes from the pure core through the dialogs.
 */
export class SupportBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly deps: DialogDeps;
  private readonly teamsWelcome: StatePropertyAccessor<TeamsWelcomeState>;

  constructor(private readonly bot: SupportBotDeps) {
    super();
    if (!bot.core || !bot.sender || !bot.conversationState || !bot.userState || !bot.logger) {
      throw new Error('SupportBot needs core, sender, conversationState, userState and logger');
    }
    const dialogState: StatePropertyAccessor<DialogState> = bot.conversationState.createProperty('dialogState');
    this.teamsWelcome = bot.conversationState.createProperty('teamsWelcome');
    const helpdesk = bot.core.knowledge.helpdesk;
    const useHelpdesk = (bot.teams?.escalation ?? 'helpdesk') === 'helpdesk' && helpdesk !== undefined;
    this.deps = {
      core: bot.core,
      sender: useHelpdesk ? withTeamsHelpdesk(bot.sender, bot.core, helpdesk) : bot.sender,
      conversationData: bot.conversationState.createProperty<ConversationData>('conversationData'),
      profile: bot.userState.createProperty<UserProfile>('profile'),
      events: bot.events ?? new TurnEvents(new MemoryEventLog(), bot.core.now),
    };
    this.dialogs = new DialogSet(dialogState).add(new MainDialog(this.deps));

    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const a = ctx.activity;
      if (a.channelId === 'msteams') {
        // Teams adds the bot itself when the app is installed; people joining a team later are not greeted.
        if (botWasAdded(a.membersAdded, a.recipient?.id)) await this.welcomeInTeams(ctx);
      } else {
        const joined = (a.membersAdded ?? []).filter((m) => m.id !== a.recipient?.id);
        if (joined.length > 0) await this.bot.sender.send(ctx, [textReply(this.deps, 'welcome')]);
      }
      await next();
    });
    // Teams also sends installationUpdate on install; whichever comes first greets, once (an app upgrade does not).
    this.onInstallationUpdateAdd(async (ctx, next) => {
      if (ctx.activity.channelId === 'msteams' && ctx.activity.action === 'add') await this.welcomeInTeams(ctx);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await this.teamsWelcome.set(ctx, {});
      await next();
    });
    this.onUnrecognizedActivityType(async (ctx, next) => {
      this.bot.logger.debug({ type: ctx.activity.type, channelId: ctx.activity.channelId }, 'ignored activity type');
      await next();
    });
  }

  override async run(ctx: TurnContext): Promise<void> {
    await super.run(ctx);
    await this.bot.conversationState.saveChanges(ctx, false);
    await this.bot.userState.saveChanges(ctx, false);
  }

  private async welcomeInTeams(ctx: TurnContext): Promise<void> {
    const state = await this.teamsWelcome.get(ctx, {});
    if (state.welcomed) return;
    state.welcomed = true;
    await this.bot.sender.send(ctx, [textReply(this.deps, teamsWelcomeId(ctx.activity.conversation))]);
  }

  /** "2" after a menu of suggested first messages means that message. */
  private async pickFromMenu(ctx: TurnContext): Promise<void> {
    const data = await conversationDataOf(this.deps, ctx);
    const menu = data.menu;
    data.menu = undefined;
    const n = /^\s*(\d)\s*[.)]?\s*$/.exec(ctx.activity.text ?? '');
    if (menu && n && menu[Number(n[1]) - 1]) ctx.activity.text = menu[Number(n[1]) - 1];
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    // "<at>Bot</at> my watch…" in Teams channels and group chats: understand only what was said to the bot.
    stripBotMention(a);
    // A card button posts a value instead of text; read it as if it was typed.
    if (!a.text?.trim() && a.value && typeof a.value === 'object') {
      const v = a.value as { answer?: unknown; text?: unknown };
      const typed = typeof v.answer === 'string' ? v.answer : typeof v.text === 'string' ? v.text : undefined;
      if (typed) a.text = typed;
    }
    if (typeof a.text !== 'string' || !a.text.trim()) {
      const id = a.attachments?.length ? 'input.attachment' : 'input.empty';
      await this.bot.sender.send(ctx, [textReply(this.deps, id)]);
      return;
    }
    if (a.text.length > MAX_MESSAGE_CHARS) {
      a.text = a.text.slice(0, MAX_MESSAGE_CHARS);
      await this.bot.sender.send(ctx, [textReply(this.deps, 'input.too_long', { max: MAX_MESSAGE_CHARS })]);
    }
    await this.pickFromMenu(ctx);
    const dc = await this.dialogs.createContext(ctx);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }
}
