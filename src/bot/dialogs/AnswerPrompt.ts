import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialogKit';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { SupportCore } from '../../core/supportCore';
import { parsePurchaseDate } from '../../dates/purchaseDate';
import { userLocale } from '../../core/turnContextInfo';
import type { Reply } from '../../replies/reply';
import type { ReplySender } from '../replySender';
import { understandTurn } from '../turnUnderstanding';
import { heardAnswer } from '../../flow/heardAnswers';

export const ANSWER_PROMPT = 'answerPrompt';

/**
 * What a prompt accepts: answer ids, a device, or a purchase date. `request` is "what do you need?"
 * after an unclear message: its answers are intents, and a clear request typed instead of a pick
 * starts over from that message.
 */
export type Expectation =
  | { type: 'answers' | 'request'; answers: string[]; labels?: string[]; question?: FlowQuestion }
  | { type: 'product' }
  | { type: 'date' };

/** A flow's diagnostic question, whose answers' `heard` phrases also answer it ("it died overnight"). */
export interface FlowQuestion {
  flow: string;
  diagnostic: string;
  /** The flow's questions still to come, whose `heard` phrases a reply may hold instead ("the date is wrong"). */
  later?: string[];
}

/** The answer to a flow question when the message answers one of its later questions instead. */
export const ANSWERS_LATER_QUESTION = 'answers_later_question';

export interface AnswerPromptOptions {
  replies: Reply[];
  expect: Expectation;
  /** Said before the question again when the answer was not understood. */
  retryId?: string;
}

/**
 * One prompt for every question the bot asks. It sends channel-neutral replies through the
 * renderer and recognises typed or tapped answers; anything else gets one retry hint and the question again.
 * It is a plain Dialog with botbuilder's prompt behaviour (ask, re-ask, re-ask after an interruption)
 * rather than a `Prompt`, whose module loads Microsoft's number and choice recognisers at start.
 */
export class AnswerPrompt extends Dialog<AnswerPromptOptions> {
  constructor(
    private readonly core: SupportCore,
    private readonly sender: ReplySender,
  ) {
    super(ANSWER_PROMPT);
  }

  async beginDialog(dc: DialogContext, options?: AnswerPromptOptions): Promise<DialogTurnResult> {
    // Kept where botbuilder's prompts keep them, so saved conversations read the same.
    dc.activeDialog!.state.options = options;
    await this.ask(dc.context, options!, false);
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = dc.activeDialog!.state.options as AnswerPromptOptions;
    const value = recogniseAnswer(this.core, dc.context, options.expect);
    if (value !== undefined) return dc.endDialog(value);
    if (!dc.context.responded) await this.ask(dc.context, options, true);
    return Dialog.EndOfTurn;
  }

  async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  async repromptDialog(ctx: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(ctx, instance.state.options as AnswerPromptOptions, false);
  }

  private async ask(ctx: TurnContext, o: AnswerPromptOptions, isRetry: boolean): Promise<void> {
    const hint: Reply[] = [];
    if (isRetry) {
      const id = o.retryId ?? this.retryHint(ctx, o.expect);
      hint.push({ kind: 'text', id, text: this.core.wording.say(id) });
    }
    await this.sender.send(ctx, [...hint, ...o.replies]);
  }

  /** "ok" and "done" are not answers, but not misunderstandings either: the person is busy with the step, or has done it. */
  private retryHint(ctx: TurnContext, expect: Expectation): string {
    const text = ctx.activity.text ?? '';
    const { answers, confidenceThreshold } = this.core;
    if (answers.isStepDone(text)) return 'prompt.how_did_it_go';
    // "ok restarting it now" to "Did that fix it?": a clear yes that is not the answer agrees to do the step.
    const u = understandTurn(this.core, ctx);
    const asksOutcome = expect.type === 'answers' && expect.answers.includes('fixed');
    const agrees = asksOutcome && u.intent === 'affirm' && u.confidence >= confidenceThreshold;
    return agrees || answers.isAcknowledgement(text) ? 'prompt.take_your_time' : 'prompt.retry';
  }
}

/** The answer the message gives to an expectation, or undefined when it is not an answer. */
export function recogniseAnswer(core: SupportCore, ctx: TurnContext, expect: Expectation): string | undefined {
  const text = ctx.activity.text ?? '';
  const u = understandTurn(core, ctx);
  switch (expect.type) {
    case 'answers':
    case 'request':
      return byLabel(text, expect.answers, expect.labels) ?? heardFor(core, expect.question, text)
        ?? core.answers.recogniseWords(text, expect.answers, u) ?? heardForLater(core, expect.question, text)
        ?? core.answers.recogniseIntent(text, expect.answers, u);
    case 'product': {
      if (u.entities.product ?? u.entities.impliedProduct) return u.entities.product ?? u.entities.impliedProduct;
      const products = core.lookup.products().map((p) => p.id);
      return core.answers.recognise(text, products, undefined) ?? matchByName(core, text);
    }
    case 'date': {
      const skip = core.answers.recognise(text, ['unsure', 'skip'], undefined);
      if (skip) return 'unknown';
      const parsed = parsePurchaseDate(text, { now: core.now(), locale: userLocale(ctx.activity) });
      return parsed.kind === 'date' || parsed.kind === 'ambiguous' ? text : undefined;
    }
  }
}

// A tapped button posts its label back; match it to the choice it stands for.
function byLabel(text: string, answers: string[], labels?: string[]): string | undefined {
  const i = labels?.findIndex((l) => l.trim().toLowerCase() === text.trim().toLowerCase()) ?? -1;
  return i >= 0 ? answers[i] : undefined;
}

// The question's own phrases come before the general yes and no: they say what this question means.
function heardFor(core: SupportCore, question: FlowQuestion | undefined, text: string): string | undefined {
  const diagnostic = question && core.lookup.flowById(question.flow)?.diagnostics.find((d) => d.id === question.diagnostic);
  return diagnostic && heardAnswer(diagnostic.answers, text, core.negations);
}

// "The date is wrong, it says 2019" to the dashboard question answers not it but the clock question after it.
function heardForLater(core: SupportCore, question: FlowQuestion | undefined, text: string): string | undefined {
  const later = question?.later ?? [];
  const flow = later.length > 0 ? core.lookup.flowById(question!.flow) : undefined;
  const heard = flow?.diagnostics.some((d) => later.includes(d.id) && heardAnswer(d.answers, text, core.negations) !== undefined);
  return heard ? ANSWERS_LATER_QUESTION : undefined;
}

function matchByName(core: SupportCore, text: string): string | undefined {
  const clean = text.trim().toLowerCase();
  return core.lookup.products().find((p) => p.name.toLowerCase() === clean)?.id;
}

/** The expectation of the question waiting deepest in the stack, if it is one of ours. */
export function pendingExpectation(dc: DialogContext): Expectation | undefined {
  let leaf: DialogContext = dc;
  while (leaf.child) leaf = leaf.child;
  const active = leaf.activeDialog;
  if (active?.id !== ANSWER_PROMPT) return undefined;
  return (active.state.options as AnswerPromptOptions | undefined)?.expect;
}
