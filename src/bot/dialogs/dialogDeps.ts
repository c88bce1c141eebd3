import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TurnEvents } from '../../analytics/turnEvents';
import type { AnswerContext } from '../../core/topicAnswers';
import type { SupportCore } from '../../core/supportCore';
import type { Handoff } from '../../handoff/handoff';
import { userTimezone } from '../../core/turnContextInfo';
import type { ConversationData, UserProfile } from '../conversationData';
import type { ReplySender } from '../replySender';

/** What every dialog is given: the pure core, a way to speak, and the remembered facts. */
export interface DialogDeps {
  core: SupportCore;
  sender: ReplySender;
  conversationData: StatePropertyAccessor<ConversationData>;
  profile: StatePropertyAccessor<UserProfile>;
  /** What happened this turn, for the support leads' report; written after the turn's state is saved. */
  events: TurnEvents;
  /** Passing a case to a person; without it, asking for one shows the contacts. */
  handoff?: Handoff;
}

export async function conversationDataOf(deps: DialogDeps, ctx: TurnContext): Promise<ConversationData> {
  return deps.conversationData.get(ctx, { tried: {} });
}

export async function profileOf(deps: DialogDeps, ctx: TurnContext): Promise<UserProfile> {
  return deps.profile.get(ctx, {});
}

/** Device and brand from the message, else from the conversation, else from the person's profile. */
export async function answerContext(deps: DialogDeps, ctx: TurnContext, product?: string, brand?: string): Promise<AnswerContext> {
  const data = await conversationDataOf(deps, ctx);
  const profile = await profileOf(deps, ctx);
  const p = product ?? data.product ?? profile.product;
  const b = brand ?? (data.product === p ? data.brand : undefined) ?? (profile.product === p ? profile.brand : undefined);
  return { product: p, brand: b, now: deps.core.now(), zone: userTimezone(ctx.activity, deps.core.defaultTimezone) };
}

/** Remembers the device and brand a message named, for this conversation and for the person. */
export async function rememberDevice(deps: DialogDeps, ctx: TurnContext, product?: string, brand?: string): Promise<void> {
  if (!product) return;
  const data = await conversationDataOf(deps, ctx);
  const profile = await profileOf(deps, ctx);
  const sameProduct = data.product === product;
  data.product = product;
  data.brand = brand ?? (sameProduct ? data.brand : undefined);
  profile.product = product;
  profile.brand = data.brand;
}
