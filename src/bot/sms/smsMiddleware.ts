import type { Activity, ConversationState, Middleware, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from '../../logger';
import type { Wording } from '../../replies/wording';
import type { ReplySender } from '../replySender';
import { toGsm7 } from './gsm7';
import { smsKeyword } from './keywords';
import { splitSms, SMS_MAX_SEPTETS } from './smsSplit';
import { stripMarkdown } from './stripMarkdown';

export const SMS_CHANNEL = 'sms';

/** What the SMS layer remembers per conversation (in ConversationState, under "sms"). */
export interface SmsConversationState {
  /** The person texted STOP (or another opt-out word): nothing more may be sent until START. */
  stopped?: boolean;
  stoppedAt?: string;
}

export interface SmsMiddlewareDeps {
  conversationState: ConversationState;
  sender: ReplySender;
  wording: Wording;
  logger?: Logger;
}

/**
 * The SMS carrier keywords and opt-out, for channel `sms` only (registered with `adapter.use`):
 *
 * - STOP and the other opt-out words (see ./keywords): the conversation's state is cleared, the stop
 *   is remembered, and nothing is answered. From then on the bot does not see the person's
 *   messages and every outgoing activity of the conversation is dropped, whoever sends it
 *   (the bot, the turn-error handler, a proactive message).
 * - START / UNSTOP (or YES while stopped): the stop is forgotten, the conversation starts afresh,
 *   and the bot greets with `sms.start`.
 * - HELP / INFO: answered by the bot's own help (what it does, how to reply), which SMS words with
 *   the opt-out hint (`sms.help`, `sms.help_in_flow`); mid-flow the waiting question is asked again.
 *
 * Every outgoing SMS activity is also made safe: plain GSM-7 text, no attachments or buttons, and
 * split if longer than two segments (the renderer already does this for replies; this catches
 * anything sent around it, like the turn-error message).
 */
export class SmsMiddleware implements Middleware {
  private readonly state: StatePropertyAccessor<SmsConversationState>;

  constructor(private readonly deps: SmsMiddlewareDeps) {
    this.state = deps.conversationState.createProperty<SmsConversationState>('sms');
  }

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (ctx.activity.channelId !== SMS_CHANNEL) return next();
    ctx.onSendActivities(async (c, activities, send) => {
      if ((await this.state.get(c, {})).stopped) {
        this.deps.logger?.debug({ dropped: activities.length }, 'sms: opted out, nothing sent');
        return [] as ResourceResponse[];
      }
      activities.splice(0, activities.length, ...smsSafe(activities));
      return send();
    });

    const { stopped } = await this.state.get(ctx, {});
    const a = ctx.activity;
    const keyword = a.type === 'message' ? smsKeyword(a.text, { stopped }) : undefined;
    if (keyword === 'stop') {
      // The carrier blocks the number and confirms; the bot forgets the conversation and stays silent.
      await this.deps.conversationState.clear(ctx);
      await this.state.set(ctx, { stopped: true, stoppedAt: new Date().toISOString() });
      await this.deps.conversationState.saveChanges(ctx, true);
      // No conversation id: on SMS it is usually the person's phone number.
      this.deps.logger?.info('sms: opted out');
      return;
    }
    if (keyword === 'start') {
      await this.deps.conversationState.clear(ctx);
      await this.state.set(ctx, {});
      await this.deps.sender.send(ctx, [{ kind: 'text', id: 'sms.start', text: this.deps.wording.say('sms.start') }]);
      await this.deps.conversationState.saveChanges(ctx, true);
      if (stopped) this.deps.logger?.info('sms: opted in again');
      return;
    }
    if (stopped) {
      // Messages while opted out are not read: the bot would only answer into the void.
      if (a.type === 'message') return;
      // Anything else (conversation updates, proactive turns) runs, but its sends are dropped above.
      return next();
    }
    // "HELP", "Help!" and "info" are read as "help", a training phrase of the help intent, so they always get the help.
    if (keyword === 'help') a.text = 'help';
    await next();
  }
}

/** SMS-safe copies of outgoing activities: GSM-7 plain text only, each at most two segments. */
export function smsSafe(activities: Partial<Activity>[], maxSeptets = SMS_MAX_SEPTETS): Partial<Activity>[] {
  return activities.flatMap((activity) => {
    if (activity.type !== 'message') return [activity];
    const rest = { ...activity };
    delete rest.attachments;
    delete rest.attachmentLayout;
    delete rest.suggestedActions;
    const text = toGsm7(stripMarkdown(activity.text ?? '')).trim();
    if (!text) return [];
    return splitSms(text, maxSeptets).map((part) => ({ ...rest, text: part, textFormat: 'plain' }));
  });
}
