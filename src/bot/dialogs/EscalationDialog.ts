import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import { contactAnswer, repairAnswer } from '../../core/topicAnswers';
import { caseSummary, type CaseFacts } from '../../replies/caseSummary';
import { ANSWER_PROMPT, AnswerPrompt, type AnswerPromptOptions } from './AnswerPrompt';
import { answerContext, type DialogDeps } from './dialogDeps';
import { canHandOver, handOver } from './handOver';
import type { FlowResult } from './FlowDialog';
import { WARRANTY_DIALOG } from './InterruptibleDialog';
import { textReply } from './say';
import { WarrantyDialog, type WarrantyResult } from './WarrantyDialog';

export const ESCALATION_DIALOG = 'escalationDialog';
const ESCALATION_STEPS = 'escalationSteps';

/**
 * When the do-it-yourself steps run out: warranty status, then (where the channel can hand over)
 * an offer to pass the case to a person, else or if declined the manufacturer and certified
 * repair contacts (manufacturer first while under warranty), then a case summary to paste.
 */
export class EscalationDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ESCALATION_DIALOG);
    this.addDialog(new WarrantyDialog(deps))
      .addDialog(new AnswerPrompt(deps.core, deps.sender))
      .addDialog(new WaterfallDialog(ESCALATION_STEPS, [this.warrantyStep.bind(this), this.consentStep.bind(this), this.contactsStep.bind(this)]));
    this.initialDialogId = ESCALATION_STEPS;
  }

  private async warrantyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.deps.sender.send(step.context, [textReply(this.deps, 'escalate.intro')]);
    return step.beginDialog(WARRANTY_DIALOG, await answerContext(this.deps, step.context));
  }

  /** Only asked where there is someone to hand over to; the person's consent comes first. */
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as Record<string, unknown>).warranty = step.result;
    if (!canHandOver(this.deps, step.context)) return step.next();
    const { wording } = this.deps.core;
    const labels = [wording.say('handoff.consent_yes'), wording.say('handoff.consent_no')];
    const options: AnswerPromptOptions = {
      replies: [{ kind: 'choices', id: 'handoff.consent', text: wording.say('handoff.consent'), choices: [{ value: 'yes', label: labels[0] }, { value: 'no', label: labels[1] }] }],
      expect: { type: 'answers', answers: ['yes', 'no'], labels },
    };
    return step.beginDialog(ANSWER_PROMPT, options);
  }

  private async contactsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const warranty = (step.values as Record<string, unknown>).warranty as WarrantyResult | undefined;
    const { core } = this.deps;
    const c = await answerContext(this.deps, step.context);
    const flowResult = step.options as FlowResult;
    const facts = this.caseFacts(flowResult, warranty, c.brand);
    this.deps.events.record(step.context, { type: 'escalation', flow: flowResult.flowId, warranty: warranty?.status ?? 'unknown' });
    if (step.result === 'yes') {
      await handOver(this.deps, step.context, 'exhausted', facts);
      return step.endDialog();
    }
    const manufacturer = contactAnswer(core, c);
    const repair = repairAnswer(core, c);
    const summary = caseSummary(facts, core.wording);
    const covered = warranty?.status === 'covered';
    await this.deps.sender.send(step.context, [
      textReply(this.deps, covered ? 'escalate.in_warranty' : 'escalate.out_of_warranty'),
      ...(covered ? [...manufacturer, ...repair] : [...repair, ...manufacturer]),
      summary,
      textReply(this.deps, 'summary.copy_hint'),
    ]);
    return step.endDialog();
  }

  private caseFacts(flowResult: FlowResult, warranty: WarrantyResult | undefined, brand?: string): CaseFacts {
    const { core } = this.deps;
    const flow = core.lookup.flowById(flowResult.flowId)!;
    return {
      device: core.lookup.product(flow.product)?.name ?? flow.product,
      brand: core.lookup.brand(brand)?.name,
      errorCode: flow.errorCode,
      checklist: flow.checklist,
      tried: flowResult.tried,
      purchase: warranty?.purchase,
      warranty: warranty?.warranty ?? core.wording.say('summary.warranty_unknown'),
    };
  }
}
