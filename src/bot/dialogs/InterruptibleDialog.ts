import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from './dialogKit';
import { CLEAR_HOW_TO_SCORE, contactAnswer, howToAnswer, preventionAnswer, repairAnswer, statusAnswer } from '../../core/topicAnswers';
import type { Reply } from '../../replies/reply';
import { recordMessage, understandTurn } from '../turnUnderstanding';
import { pendingExpectation, recogniseAnswer } from './AnswerPrompt';
import { answerContext, rememberDevice, type DialogDeps } from './dialogDeps';
import { asksForPerson, canHandOver, caseSoFar, handOver, recordNoHandoff } from './handOver';
import { textReply } from './say';
import type { IntentName } from '../../knowledge/schema';
import { words } from '../../nlu/normalise';
import type { Understanding } from '../../nlu/understand';

export const WARRANTY_DIALOG = 'warrantyDialog';
const MIN_OFF_TOPIC_WORDS = 3;
/** A message this short that names a brand is taken as saying which device it is ("it's a garmin"). */
const MAX_DEVICE_NOTE_WORDS = 6;
/** What people come to the bot for; said clearly at "what do you need?", it is the answer, with its own words. */
export const REQUESTS: IntentName[] = ['troubleshoot', 'warranty', 'repair', 'prevention', 'contact_support', 'service_status'];

/**
 * Handles what a person may say at any point (help, cancel, a person, thanks, a side question)
 * once for every dialog below it: the side question is answered and the waiting question asked again.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    recordMessage(this.deps.core, this.deps.events, innerDc.context, false);
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const expectation = pendingExpectation(innerDc);
    const answered = expectation !== undefined && recogniseAnswer(this.deps.core, innerDc.context, expectation) !== undefined;
    recordMessage(this.deps.core, this.deps.events, innerDc.context, answered);
    const interrupted = answered ? undefined : await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** Starts the conversation again from the top with this message (e.g. a different device). */
  protected abstract restartWith(innerDc: DialogContext): Promise<DialogTurnResult>;

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { core } = this.deps;
    const u = understandTurn(core, dc.context);
    if (u.confidence < core.confidenceThreshold) return this.aboutTheDevice(dc, u);
    if (pendingExpectation(dc)?.type === 'request' && REQUESTS.includes(u.intent)) return this.restartWith(dc);
    const reply = (id: string) => this.sideAnswer(dc, [textReply(this.deps, id)]);
    switch (u.intent) {
      case 'cancel':
        // "i'll try that, hang on" can read as cancel to the classifier; stopping the flow on it would lose the person's place.
        if (core.answers.isAcknowledgement(u.text) || core.answers.isStepDone(u.text)) return undefined;
        await this.deps.sender.send(dc.context, [textReply(this.deps, 'cancel.done')]);
        return dc.cancelAllDialogs();
      case 'help':
        return reply('help.in_flow');
      case 'greeting':
        return reply('greeting.again');
      case 'thanks':
        return reply('thanks.in_flow');
      // A confidently off-topic question ("is youtube down") is told so; a word or two ("idk", "hmm")
      // is more likely a fumbled answer, and gets the waiting question again.
      // A how-to question one of the device's articles clearly answers is not off-topic, however it reads.
      case 'out_of_scope':
        // "doing it now" is about the step, not off the subject: the question again.
        if (core.answers.isOnlyAboutTheStep(u.text)) return undefined;
        return (await this.howTo(dc, u)) ?? (words(u.text).length >= MIN_OFF_TOPIC_WORDS ? reply('out_of_scope.in_flow') : undefined);
      case 'contact_support':
        if (asksForPerson(this.deps, dc.context)) {
          if (canHandOver(this.deps, dc.context)) return this.handOverNow(dc);
          recordNoHandoff(this.deps, dc.context);
        }
        return this.sideAnswer(dc, contactAnswer(core, await answerContext(this.deps, dc.context, u.entities.product, u.entities.brand)));
      case 'repair':
      case 'prevention':
      case 'service_status':
        return this.topic(dc, u.intent, u.entities.product, u.entities.brand);
      case 'warranty':
        if (dc.findDialog(WARRANTY_DIALOG) && !this.onStack(dc, WARRANTY_DIALOG)) {
          await rememberDevice(this.deps, dc.context, u.entities.product, u.entities.brand);
          return dc.beginDialog(WARRANTY_DIALOG, await answerContext(this.deps, dc.context, u.entities.product, u.entities.brand));
        }
        return undefined;
      case 'troubleshoot': {
        const ctx = await answerContext(this.deps, dc.context);
        // A different device than the one being fixed: start over for that one.
        if (u.entities.product && ctx.product && u.entities.product !== ctx.product) return this.restartWith(dc);
        return this.aboutTheDevice(dc, u);
      }
      default:
        return undefined;
    }
  }

  private async topic(dc: DialogContext, intent: 'repair' | 'prevention' | 'service_status', product?: string, brand?: string) {
    const c = await answerContext(this.deps, dc.context, product, brand);
    const { core } = this.deps;
    if (!c.product) return this.sideAnswer(dc, [textReply(this.deps, 'side.need_device')]);
    if (intent === 'repair') return this.sideAnswer(dc, repairAnswer(core, c));
    if (intent === 'prevention') {
      return this.sideAnswer(dc, howToAnswer(core, intent, dc.context.activity.text ?? '', c.product, { inFlow: true }) ?? preventionAnswer(core, c.product));
    }
    return this.sideAnswer(dc, statusAnswer(core, await core.statusChecker.check(), c));
  }

  /** Not an answer, but about the device: a how-to question, or which brand it is. */
  private async aboutTheDevice(dc: DialogContext, u: Understanding): Promise<DialogTurnResult | undefined> {
    return (await this.howTo(dc, u)) ?? this.noteBrand(dc, u);
  }

  /** "how do I restart it?" while a question waits: the article that answers it, when one clearly does. */
  private async howTo(dc: DialogContext, u: Understanding): Promise<DialogTurnResult | undefined> {
    const c = await answerContext(this.deps, dc.context, u.entities.product);
    const answer = howToAnswer(this.deps.core, 'troubleshoot', u.text, c.product, { minScore: CLEAR_HOW_TO_SCORE, inFlow: true });
    return answer && this.sideAnswer(dc, answer);
  }

  /**
   * "it's a garmin" while a question waits: the brand is remembered (contacts, repair centres and
   * the warranty depend on it), said back, and the question asked again. Only for the device
   * being helped with; another device is not guessed at from a few words.
   */
  private async noteBrand(dc: DialogContext, u: Understanding): Promise<DialogTurnResult | undefined> {
    const brand = this.deps.core.lookup.brand(u.entities.brand);
    if (!brand || words(u.text).length > MAX_DEVICE_NOTE_WORDS) return undefined;
    const current = (await answerContext(this.deps, dc.context)).product;
    if (current && current !== brand.product) return undefined;
    await rememberDevice(this.deps, dc.context, brand.product, brand.id);
    return this.sideAnswer(dc, [textReply(this.deps, 'device.noted', { brand: brand.name })]);
  }

  /** A person takes over: the do-it-yourself steps stop here. */
  private async handOverNow(dc: DialogContext): Promise<DialogTurnResult> {
    await handOver(this.deps, dc.context, 'asked', await caseSoFar(this.deps, dc.context));
    return dc.cancelAllDialogs();
  }

  /** Answers, then asks the waiting question again. */
  private async sideAnswer(dc: DialogContext, replies: Reply[]): Promise<DialogTurnResult> {
    await this.deps.sender.send(dc.context, [...replies, textReply(this.deps, 'flow.resume')]);
    await dc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  private onStack(dc: DialogContext, id: string): boolean {
    for (let c: DialogContext | undefined = dc; c; c = c.child) {
      if (c.stack.some((i) => i.id === id)) return true;
    }
    return false;
  }
}
