import type { TurnContext } from 'botbuilder';
import { contactAnswer } from '../../core/topicAnswers';
import { caseFactsFor } from '../../handoff/caseFacts';
import { createHandoffCase, type HandoffReason } from '../../handoff/handoffCase';
import { handoffReplies } from '../../handoff/handoffReplies';
import type { CaseFacts } from '../../replies/caseSummary';
import { answerContext, conversationDataOf, profileOf, type DialogDeps } from './dialogDeps';

/** The message asks for a person to take over (not just for a phone number). */
export function asksForPerson(deps: DialogDeps, ctx: TurnContext): boolean {
  return deps.handoff?.wantsPerson(ctx.activity.text ?? '') ?? false;
}

/** This channel has somewhere to hand over to: an agent hub or the helpdesk's webhook. */
export function canHandOver(deps: DialogDeps, ctx: TurnContext): boolean {
  return (deps.handoff?.routes(ctx.activity.channelId).length ?? 0) > 0;
}

/**
 * Passes the case to a person and tells the person how that went (with the contacts when the
 * helpdesk could not take it); records a `handoff` event. Call only when canHandOver.
 */
export async function handOver(deps: DialogDeps, ctx: TurnContext, reason: HandoffReason, facts: CaseFacts): Promise<void> {
  const { core } = deps;
  const a = ctx.activity;
  const c = createHandoffCase({ channelId: a.channelId, conversationId: a.conversation?.id ?? '' }, reason, facts, core.wording, core.now().toJSDate());
  const contacts = contactAnswer(core, await answerContext(deps, ctx));
  const outcome = await deps.handoff!.start(ctx, c, (o, started) => deps.sender.send(ctx, handoffReplies(o, started, core.wording, contacts)));
  deps.events.record(ctx, { type: 'handoff', reason, via: outcome.via, delivered: outcome.delivered });
}

/** Asked for a person where there is no way to hand over: counted, and the contacts are shown as before. */
export function recordNoHandoff(deps: DialogDeps, ctx: TurnContext): void {
  deps.events.record(ctx, { type: 'handoff', reason: 'asked', via: [], delivered: false });
}

/** The case as far as the conversation got: device, fixes tried, and the remembered purchase date. */
export async function caseSoFar(deps: DialogDeps, ctx: TurnContext): Promise<CaseFacts> {
  const data = await conversationDataOf(deps, ctx);
  const profile = await profileOf(deps, ctx);
  const c = await answerContext(deps, ctx);
  return caseFactsFor(deps.core, { product: c.product, brand: c.brand, tried: data.tried, purchase: profile.purchase });
}
