import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnswerContext } from '../../core/topicAnswers';
import { userLocale } from '../../core/turnContextInfo';
import { parsePurchaseDate } from '../../dates/purchaseDate';
import { purchaseLabel } from '../../replies/purchaseLabel';
import { warrantyLabel, warrantyReplies } from '../../replies/warrantyReplies';
import { warrantyMonths, warrantyStatus, type WarrantyStatus } from '../../warranty/warrantyStatus';
import { ANSWER_PROMPT, AnswerPrompt, type AnswerPromptOptions } from './AnswerPrompt';
import { profileOf, type DialogDeps } from './dialogDeps';
import { WARRANTY_DIALOG } from './InterruptibleDialog';
import { textReply } from './say';
import { understandTurn } from '../turnUnderstanding';

const WARRANTY_STEPS = 'warrantySteps';

interface Range {
  earliest: string;
  latest: string;
}

export interface WarrantyResult {
  purchase?: string;
  warranty: string;
  status?: WarrantyStatus['status'];
}

/** Asks when the device was bought (once per person and device) and says where the warranty stands. */
export class WarrantyDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, id = WARRANTY_DIALOG) {
    super(id);
    this.addDialog(new AnswerPrompt(deps.core, deps.sender))
      .addDialog(new WaterfallDialog(WARRANTY_STEPS, [this.askDateStep.bind(this), this.clarifyStep.bind(this), this.verdictStep.bind(this)]));
    this.initialDialogId = WARRANTY_STEPS;
  }

  private async askDateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const c = step.options as AnswerContext;
    const profile = await profileOf(this.deps, step.context);
    // A date said now wins over one remembered: the person may be putting it right.
    const said = this.dateInQuestion(step.context);
    if (said) return step.next(said);
    if (profile.purchase && profile.purchase.product === c.product) {
      (step.values as Record<string, unknown>).remembered = true;
      return step.next(profile.purchase);
    }
    const { wording } = this.deps.core;
    const options: AnswerPromptOptions = {
      replies: [{ kind: 'choices', id: 'warranty.ask_date', text: wording.say('warranty.ask_date'), choices: [{ value: 'unsure', label: wording.say('warranty.dont_know') }] }],
      expect: { type: 'date' },
      retryId: 'warranty.ask_date_retry',
    };
    return step.beginDialog(ANSWER_PROMPT, options);
  }

  /**
   * The message's text when it asks about the warranty and says when the device was bought ("is my
   * fitbit still covered? got it last christmas"), without its error codes (2001 is no year).
   */
  private dateInQuestion(ctx: TurnContext): string | undefined {
    const { core } = this.deps;
    if (understandTurn(core, ctx).intent !== 'warranty') return undefined;
    const text = [...core.lookup.errorCodes()].reduce((t, code) => t.split(code).join(' '), ctx.activity.text ?? '');
    const parsed = parsePurchaseDate(text, { now: core.now(), locale: userLocale(ctx.activity) });
    return parsed.kind === 'date' || parsed.kind === 'ambiguous' ? text : undefined;
  }

  private async clarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (typeof step.result !== 'string') return step.next(step.result);
    if (step.result === 'unknown') return step.next(undefined);
    const { core } = this.deps;
    const parsed = parsePurchaseDate(step.result, { now: core.now(), locale: userLocale(step.context.activity) });
    if (parsed.kind === 'date') return step.next(toRange(parsed.earliest, parsed.latest));
    if (parsed.kind !== 'ambiguous') return step.next(undefined);
    // 03/04/2025: ask which reading is meant rather than guess.
    const labels = parsed.options.map((d) => d.toFormat('d LLLL yyyy'));
    (step.values as Record<string, unknown>).options = parsed.options.map((d) => toRange(d, d));
    const options: AnswerPromptOptions = {
      replies: [{ kind: 'choices', id: 'warranty.ambiguous', text: core.wording.say('warranty.ambiguous'), choices: labels.map((label, i) => ({ value: String(i), label })) }],
      expect: { type: 'answers', answers: ['0', '1'], labels },
    };
    return step.beginDialog(ANSWER_PROMPT, options);
  }

  private async verdictStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const c = step.options as AnswerContext;
    const range: Range | undefined = typeof step.result === 'string' ? ((step.values as Record<string, unknown>).options as Range[])[Number(step.result)] : step.result;
    const { core } = this.deps;
    if (!range || !c.product) {
      const months = warrantyMonths(core.knowledge.warranty, c.product ?? '', c.brand);
      await this.deps.sender.send(step.context, [textReply(this.deps, 'warranty.no_date', { months })]);
      const result: WarrantyResult = { warranty: warrantyLabel(undefined, core.wording) };
      return step.endDialog(result);
    }
    const profile = await profileOf(this.deps, step.context);
    profile.purchase = { ...range, product: c.product };
    const earliest = DateTime.fromISO(range.earliest, { setZone: true });
    const latest = DateTime.fromISO(range.latest, { setZone: true });
    const status = warrantyStatus(core.knowledge.warranty, { product: c.product, brand: c.brand, earliest, latest, now: core.now() });
    const purchase = purchaseLabel(earliest, latest);
    // A date from an earlier turn may be another device's ("and my synology?"): said, so it can be put right.
    const remembered = (step.values as Record<string, unknown>).remembered ? [textReply(this.deps, 'warranty.remembered_date', { purchase })] : [];
    await this.deps.sender.send(step.context, [...remembered, ...warrantyReplies(status, core.knowledge.warranty, core.wording)]);
    const result: WarrantyResult = { purchase, warranty: warrantyLabel(status, core.wording), status: status.status };
    return step.endDialog(result);
  }
}

function toRange(earliest: DateTime, latest: DateTime): Range {
  return { earliest: earliest.toISO()!, latest: latest.toISO()! };
}
