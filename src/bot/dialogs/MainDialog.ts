import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import {
  contactAnswer, howToAnswer, preventionAnswer, repairAnswer, statusAnswer, type AnswerContext,
} from '../../core/topicAnswers';
import type { IntentName } from '../../knowledge/schema';
import { words } from '../../nlu/normalise';
import type { Understanding } from '../../nlu/understand';
import type { Reply } from '../../replies/reply';
import type { TurnContext } from 'botbuilder';
import { understandTurn } from '../turnUnderstanding';
import { ANSWER_PROMPT, AnswerPrompt, type AnswerPromptOptions } from './AnswerPrompt';
import { answerContext, conversationDataOf, rememberDevice, type DialogDeps } from './dialogDeps';
import { ESCALATION_DIALOG, EscalationDialog } from './EscalationDialog';
import { asksForPerson, canHandOver, caseSoFar, handOver, recordNoHandoff } from './handOver';
import { FLOW_DIALOG, FlowDialog, type FlowOptions, type FlowResult } from './FlowDialog';
import { heardInFlows, type Heard } from '../../flow/heardAnswers';
import { InterruptibleDialog, REQUESTS, WARRANTY_DIALOG } from './InterruptibleDialog';
import { textReply } from './say';
import { WarrantyDialog } from './WarrantyDialog';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** Intents that need to know the device before they can be answered. */
const NEEDS_DEVICE: IntentName[] = ['troubleshoot', 'warranty', 'repair', 'prevention'];
/** A message this short that names a device or brand, after a request was answered, asks the same for it ("and my fitbit?"). */
const MAX_FOLLOW_UP_WORDS = 6;
/** Intents offered when the bot is unsure what was meant. */
const CLARIFY_CHOICES: IntentName[] = ['troubleshoot', 'warranty', 'repair', 'contact_support'];

interface Route {
  intent: IntentName;
  product?: string;
  brand?: string;
  errorCode?: string;
  /** Picked from the clarifying question ("Talk to a person") rather than typed. */
  picked?: boolean;
  /** The understanding was at least as sure as the threshold. */
  sure?: boolean;
}

/**
 * The top of every conversation: works out what the person wants (asking when unsure or when the
 * device is missing), then starts the right flow or answers directly.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new AnswerPrompt(deps.core, deps.sender))
      .addDialog(new FlowDialog(deps))
      .addDialog(new WarrantyDialog(deps))
      .addDialog(new EscalationDialog(deps))
      .addDialog(new WaterfallDialog(MAIN_WATERFALL, [
        this.intentStep.bind(this),
        this.deviceStep.bind(this),
        this.dispatchStep.bind(this),
        this.afterFlowStep.bind(this),
      ]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  protected async restartWith(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MAIN_WATERFALL);
  }

  private async intentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { core } = this.deps;
    const u = understandTurn(core, step.context);
    const { product, impliedProduct, brand, errorCode } = u.entities;
    // "no, still 1002", "yes 1002 again" or "watch not syncing" with nothing asked yet is a problem report.
    const named = errorCode ?? product ?? brand;
    const intent = named && (u.intent === 'affirm' || u.intent === 'deny') ? 'troubleshoot' : u.intent;
    const route: Route = { intent, product: product ?? impliedProduct, brand, errorCode, sure: u.confidence >= core.confidenceThreshold };
    (step.values as Record<string, unknown>).route = route;
    // The flows' questions this first message already answers ("it won't turn on"): kept as answer
    // ids, as the state never keeps the message itself.
    (step.values as Record<string, unknown>).heard = heardInFlows(core.knowledge.flows, step.context.activity.text ?? '', core.negations);
    // The understander already turned "unsure, nothing of the domain named" into out_of_scope.
    const followUp = await this.followUp(step.context, u);
    if (followUp) route.intent = followUp;
    else if (u.clarify) {
      // Kept now, so that "where can I get it repaired?" instead of a pick knows which device "it" is.
      await rememberDevice(this.deps, step.context, route.product, route.brand);
      const choices = [...new Set([...u.ranking.map((r) => r.intent).filter((i) => CLARIFY_CHOICES.includes(i)), ...CLARIFY_CHOICES])].slice(0, 3);
      return step.beginDialog(ANSWER_PROMPT, this.clarifyOptions(choices));
    }
    return step.next();
  }

  private async deviceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const route = (step.values as Record<string, unknown>).route as Route;
    if (typeof step.result === 'string') {
      route.intent = step.result as IntentName;
      route.picked = true;
    }
    await rememberDevice(this.deps, step.context, route.product, route.brand);
    const known = (await answerContext(this.deps, step.context, route.product, route.brand)).product;
    // "How do I enable cloud access?" is answered by its article; the article says which device.
    const howTo = howToAnswer(this.deps.core, route.intent, step.context.activity.text ?? '', known);
    (step.values as Record<string, unknown>).howTo = howTo;
    if (NEEDS_DEVICE.includes(route.intent) && !known && !howTo) {
      return step.beginDialog(ANSWER_PROMPT, this.deviceOptions(route));
    }
    return step.next();
  }

  private async dispatchStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const route = (step.values as Record<string, unknown>).route as Route;
    if (typeof step.result === 'string') await rememberDevice(this.deps, step.context, step.result);
    const c = await answerContext(this.deps, step.context, route.product, route.brand);
    const { core } = this.deps;
    if (REQUESTS.includes(route.intent)) (await conversationDataOf(this.deps, step.context)).lastRequest = route.intent;
    // Worked out before any device question, from the first message (which the state never keeps).
    const howTo = (step.values as Record<string, unknown>).howTo as Reply[] | undefined;
    const send = async (replies: Reply[]) => {
      await this.deps.sender.send(step.context, replies);
      return step.endDialog();
    };
    switch (route.intent) {
      case 'troubleshoot': {
        if (howTo) return send(howTo);
        const flow = core.lookup.flow(c.product, route.errorCode);
        if (!flow) return send([textReply(this.deps, 'flow.unknown_code', { code: route.errorCode, device: core.lookup.product(c.product)?.name })]);
        const heard = (step.values as Record<string, unknown>).heard as Record<string, Heard> | undefined;
        return step.beginDialog(FLOW_DIALOG, { flowId: flow.id, heard: heard?.[flow.id] } satisfies FlowOptions);
      }
      case 'warranty':
        return step.beginDialog(WARRANTY_DIALOG, c);
      case 'repair':
        return send(repairAnswer(core, c));
      case 'contact_support':
        return this.contactSupport(step, route, c);
      case 'prevention':
        return send(howTo ?? preventionAnswer(core, c.product!));
      case 'service_status':
        return send(statusAnswer(core, await core.statusChecker.check(), c));
      case 'greeting':
        return send([textReply(this.deps, 'greeting'), await this.startChoices(step)]);
      case 'help':
        return send([textReply(this.deps, 'help'), await this.startChoices(step)]);
      case 'thanks':
        return send([textReply(this.deps, 'thanks')]);
      case 'cancel':
        return send([textReply(this.deps, 'cancel.nothing')]);
      case 'affirm':
        return send([textReply(this.deps, 'anything_else'), await this.startChoices(step)]);
      // A sure "no" with nothing asked is most often "no, nothing else": a closing word, not the menu
      // again. An unsure one may be anything, and gets the menu.
      case 'deny':
        return send(route.sure ? [textReply(this.deps, 'nothing_else')] : [textReply(this.deps, 'anything_else'), await this.startChoices(step)]);
      default:
        return send([textReply(this.deps, this.notAskedFor(step.context.activity.text ?? '')), await this.startChoices(step)]);
    }
  }

  /**
   * Why a message that asks for nothing gets the menu: only emoji or punctuation ("🙂🙂") or a pick
   * with no list to pick from ("2") is not a question off the subject.
   */
  private notAskedFor(text: string): string {
    if (words(text).length === 0) return 'input.no_words';
    return this.deps.core.answers.pickedPosition(text) !== undefined ? 'input.pick_without_list' : 'out_of_scope';
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as FlowResult | undefined;
    if (result?.outcome === 'exhausted') return step.beginDialog(ESCALATION_DIALOG, result);
    return step.endDialog();
  }

  /** "Talk to a person" hands over where the channel can; "what's their number?" gets the contacts. */
  private async contactSupport(step: WaterfallStepContext, route: Route, c: AnswerContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    if (route.picked || asksForPerson(this.deps, ctx)) {
      if (canHandOver(this.deps, ctx)) {
        await handOver(this.deps, ctx, 'asked', await caseSoFar(this.deps, ctx));
        return step.endDialog();
      }
      recordNoHandoff(this.deps, ctx);
    }
    await this.deps.sender.send(ctx, contactAnswer(this.deps.core, c));
    return step.endDialog();
  }

  /**
   * "what about my fitbit?" right after a warranty answer: a few words naming another device or brand,
   * unclear alone or said as a follow-up ("and the nas?"), ask for the request answered last.
   */
  private async followUp(ctx: TurnContext, u: Understanding): Promise<IntentName | undefined> {
    const { product, brand } = u.entities;
    if (!(product ?? brand) || words(u.text).length > MAX_FOLLOW_UP_WORDS) return undefined;
    if (!u.clarify && !this.deps.core.followUpOpenings.begins(u.text)) return undefined;
    return (await conversationDataOf(this.deps, ctx)).lastRequest;
  }

  /** Suggested first messages; remembered so that replying "1" by SMS picks the first. */
  private async startChoices(step: WaterfallStepContext): Promise<Reply> {
    const { wording } = this.deps.core;
    const choices = this.deps.core.lookup.products().map((p) => ({ value: `start.${p.id}`, label: wording.say(`start.${p.id}`) }));
    (await conversationDataOf(this.deps, step.context)).menu = choices.map((c) => c.label);
    return { kind: 'choices', id: 'start.choices', text: wording.say('start.prompt'), choices };
  }

  private clarifyOptions(intents: IntentName[]): AnswerPromptOptions {
    const { wording } = this.deps.core;
    const labels = intents.map((i) => wording.say(`intent.${i}`));
    return {
      replies: [{ kind: 'choices', id: 'clarify.intent', text: wording.say('clarify.intent'), choices: intents.map((i, n) => ({ value: i, label: labels[n] })) }],
      expect: { type: 'request', answers: intents, labels },
    };
  }

  private deviceOptions(route: Route): AnswerPromptOptions {
    const { wording, lookup } = this.deps.core;
    const text = wording.say(route.errorCode ? 'ask.device_with_code' : 'ask.device', { code: route.errorCode });
    return {
      replies: [{ kind: 'choices', id: 'ask.device', text, choices: lookup.products().map((p) => ({ value: p.id, label: wording.say(`device.${p.id}`) })) }],
      expect: { type: 'product' },
      retryId: 'ask.device_retry',
    };
  }
}
