import {
  ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from './dialogs/dialogKit';
import { TurnEvents } from '../analytics/turnEvents';
import { ConversationQueue } from './conversationQueue';
import { heldReplies } from './heldReplies';
import { isStorageConflict } from '../storage/storageConflict';
import { forgetUnderstanding } from './turnUnderstanding';
import type { Handoff } from '../handoff/handoff';
import type { Logger } from '../logger';
import { MemoryEventLog } from '../storage/memoryEventLog';
import type { ConversationData, UserProfile } from './conversationData';
import { DialogContexts } from './dialogs/dialogContexts';
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
  /** Also run by "forget me", after the profile and conversation state are deleted (e.g. the transcript). */
  onForget?: Array<(ctx: TurnContext) => Promise<void>>;
  /** Microsoft Teams: where escalations point (default helpdesk, when knowledge/helpdesk.yaml exists). */
  teams?: { escalation?: TeamsEscalation };
  /** Passing cases to a person (agent hub event, helpdesk webhook); without it, people get the contacts. */
  handoff?: Handoff;
}

// Bumped when the shape of saved conversation state changes: older state is then set aside, not misread.
export const STATE_VERSION = 2;
// A turn that keeps meeting newer state from another instance gives up after this many runs.
const MAX_TURN_ATTEMPTS = 3;

interface StateMeta {
  version?: number;
}

interface TeamsWelcomeState {
  welcomed?: boolean;
}

/**
 * The Bot Framework face of the assistant: turns activities into dialog turns and saves state.
 * Everything it decides comes from the pure core through the dialogs.
 */
export class SupportBot extends ActivityHandler {
  private readonly dialogs: DialogContexts;
  private readonly deps: DialogDeps;
  private readonly teamsWelcome: StatePropertyAccessor<TeamsWelcomeState>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly stateMeta: StatePropertyAccessor<StateMeta>;
  private readonly queue = new ConversationQueue();

  constructor(private readonly bot: SupportBotDeps) {
    super();
    if (!bot.core || !bot.sender || !bot.conversationState || !bot.userState || !bot.logger) {
      throw new Error('SupportBot needs core, sender, conversationState, userState and logger');
    }
    this.dialogState = bot.conversationState.createProperty('dialogState');
    this.stateMeta = bot.conversationState.createProperty('meta');
    this.teamsWelcome = bot.conversationState.createProperty('teamsWelcome');
    const helpdesk = bot.core.knowledge.helpdesk;
    const useHelpdesk = (bot.teams?.escalation ?? 'helpdesk') === 'helpdesk' && helpdesk !== undefined;
    this.deps = {
      core: bot.core,
      sender: useHelpdesk ? withTeamsHelpdesk(bot.sender, bot.core, helpdesk) : bot.sender,
      conversationData: bot.conversationState.createProperty<ConversationData>('conversationData'),
      profile: bot.userState.createProperty<UserProfile>('profile'),
      events: bot.events ?? new TurnEvents(new MemoryEventLog(), bot.core.now),
      handoff: bot.handoff,
    };
    this.dialogs = new DialogContexts(new DialogSet(this.dialogState).add(new MainDialog(this.deps)));

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
    await this.queue.run(queueKey(ctx), () => this.committedTurn(ctx));
  }

  /**
   * One turn whose replies and events go out only once its state is saved. When another instance
   * saved the conversation first (an eTag conflict), the turn runs again on the fresh state; when
   * the state cannot be saved at all, the person is told and the last saved state stays.
   */
  private async committedTurn(ctx: TurnContext): Promise<void> {
    const hold = heldReplies(ctx);
    const text = ctx.activity.text;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await super.run(ctx);
      } catch (err) {
        hold.discard();
        this.deps.events.discard(ctx);
        await hold.release(ctx);
        throw err;
      }
      const saved = await this.save(ctx);
      if (saved === 'saved') break;
      hold.discard();
      this.deps.events.discard(ctx);
      if (saved === 'conflict' && attempt < MAX_TURN_ATTEMPTS) {
        this.bot.logger.debug({ attempt }, 'state changed by another turn; running this turn again');
        ctx.activity.text = text;
        forgetUnderstanding(ctx);
        await this.bot.conversationState.load(ctx, true);
        await this.bot.userState.load(ctx, true);
        continue;
      }
      await hold.release(ctx);
      await this.bot.sender.send(ctx, [textReply(this.deps, saved === 'conflict' ? 'state.busy' : 'state.save_failed')]);
      return;
    }
    // The state is saved: the turn's events are written while its replies go out, not after them.
    const recorded = this.deps.events.flush(ctx).catch((err: unknown) => this.bot.logger.warn({ err }, 'could not record turn events'));
    await hold.release(ctx);
    await recorded;
  }

  private async save(ctx: TurnContext): Promise<'saved' | 'conflict' | 'failed'> {
    try {
      // The profile first: if it cannot be saved the conversation has not moved on either, so
      // "send it again" repeats the same step. (The reverse leaves facts the person gave, which is harmless.)
      await this.bot.userState.saveChanges(ctx, false);
      await this.bot.conversationState.saveChanges(ctx, false);
      return 'saved';
    } catch (err) {
      if (isStorageConflict(err)) return 'conflict';
      this.bot.logger.error({ err, conversation: ctx.activity.conversation?.id }, 'could not save conversation state');
      return 'failed';
    }
  }

  private async welcomeInTeams(ctx: TurnContext): Promise<void> {
    const state = await this.teamsWelcome.get(ctx, {});
    if (state.welcomed) return;
    state.welcomed = true;
    await this.bot.sender.send(ctx, [textReply(this.deps, teamsWelcomeId(ctx.activity.conversation))]);
  }

  /** "2" or "the second one" after a menu of suggested first messages means that message. */
  private async pickFromMenu(ctx: TurnContext): Promise<void> {
    const data = await conversationDataOf(this.deps, ctx);
    const menu = data.menu;
    data.menu = undefined;
    const n = this.deps.core.answers.pickedPosition(ctx.activity.text ?? '');
    if (menu && n !== undefined && menu[n - 1]) ctx.activity.text = menu[n - 1];
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
    if (typeof a.text !== 'string' || !a.text.trim()) return this.nothingToRead(ctx);
    if (a.text.length > MAX_MESSAGE_CHARS) {
      a.text = a.text.slice(0, MAX_MESSAGE_CHARS);
      await this.bot.sender.send(ctx, [textReply(this.deps, 'input.too_long', { max: MAX_MESSAGE_CHARS })]);
    }
    if (this.bot.core.commands.match(a.text) === 'forget_me') return this.forgetMe(ctx);
    await this.upgradeOldState(ctx);
    await this.pickFromMenu(ctx);
    await this.continueOrBegin(ctx);
  }

  /** No text (an empty message, a photo): said so, and a question the person was answering is asked again. */
  private async nothingToRead(ctx: TurnContext): Promise<void> {
    const attachment = Boolean(ctx.activity.attachments?.length);
    await this.upgradeOldState(ctx);
    const dc = await this.dialogs.create(ctx);
    const asking = dc.activeDialog && dc.findDialog(dc.activeDialog.id);
    const id = attachment ? (asking ? 'input.attachment_in_flow' : 'input.attachment') : (asking ? 'input.empty_in_flow' : 'input.empty');
    await this.bot.sender.send(ctx, [textReply(this.deps, id)]);
    if (asking) await dc.repromptDialog();
  }

  private async continueOrBegin(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogs.create(ctx);
    let result;
    try {
      result = await dc.continueDialog();
    } catch (err) {
      // A saved dialog stack this code cannot continue (a dialog renamed or removed by an update):
      // start over with this message rather than fail every turn from now on. Other errors are bugs.
      if (!(err instanceof Error && / dialog with an id of '.*' wasn't found/.test(err.message))) throw err;
      this.bot.logger.warn({ err, conversation: ctx.activity.conversation?.id }, 'saved dialog stack could not continue; starting over');
      await this.dialogState.set(ctx, { dialogStack: [] });
      await this.bot.sender.send(ctx, [textReply(this.deps, 'state.upgraded')]);
      return this.continueOrBegin(ctx);
    }
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }

  /** State saved by an older version of the bot is set aside; the fixes already tried are kept. */
  private async upgradeOldState(ctx: TurnContext): Promise<void> {
    const meta = await this.stateMeta.get(ctx, {});
    if (meta.version === STATE_VERSION) return;
    const stale = meta.version !== undefined || (await this.dialogState.get(ctx)) !== undefined;
    if (stale) {
      const data = await conversationDataOf(this.deps, ctx);
      await this.dialogState.delete(ctx);
      await this.deps.conversationData.set(ctx, { tried: data.tried ?? {}, product: data.product, brand: data.brand });
      await this.bot.sender.send(ctx, [textReply(this.deps, 'state.upgraded')]);
    }
    await this.stateMeta.set(ctx, { version: STATE_VERSION });
  }

  /** "Forget me": deletes the person's profile, this conversation's state and anything else registered. */
  private async forgetMe(ctx: TurnContext): Promise<void> {
    await this.bot.userState.delete(ctx);
    await this.bot.conversationState.delete(ctx);
    for (const forget of this.bot.onForget ?? []) await forget(ctx);
    this.deps.events.record(ctx, { type: 'forget_me' });
    await this.bot.sender.send(ctx, [textReply(this.deps, 'forget.done')]);
  }
}

function queueKey(ctx: TurnContext): string {
  return `${ctx.activity.channelId}/${ctx.activity.conversation?.id ?? ''}`;
}
