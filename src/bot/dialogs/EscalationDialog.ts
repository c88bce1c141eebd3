import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import { contactAnswer, repairAnswer } from '../../core/topicAnswers';
import { caseSummary } from '../../replies/caseSummary';
import { answerContext, type DialogDeps } from './dialogDeps';
import type { FlowResult } from './FlowDialog';
import { WARRANTY_DIALOG } from './InterruptibleDialog';
import { textReply } from './say';
import { WarrantyDialog, type WarrantyResult } from './WarrantyDialog';

export const ESCALATION_DIALOG = 'escalationDialog';
const ESCALATION_STEPS = 'escalationSteps';

/**
 * When the do-it-yourself steps run out: warranty status, then the manufacturer and certified
 * repair contacts (manufacturer first while under warranty), then a case summary to paste.
 */
export class EscalationDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ESCALATION_DIALOG);
    this.addDialog(new WarrantyDialog(deps))
      .addDialog(new WaterfallDialog(ESCALATION_STEPS, [this.warrantyStep.bind(this), this.contactsStep.bind(this)]));
    this.initialDialogId = ESCALATION_STEPS;
  }

  private async warrantyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.deps.sender.send(step.context, [textReply(this.deps, 'escalate.intro')]);
    return step.beginDialog(WARRANTY_DIALOG, await answerContext(this.deps, step.context));
  }

  private async contactsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flowResult = step.options as FlowResult;
    const warranty = step.result as WarrantyResult;
    const { core } = this.deps;
    const c = await answerContext(this.deps, step.context);
    const manufacturer = contactAnswer(core, c);
    const repair = repairAnswer(core, c);
    const flow = core.lookup.flowById(flowResult.flowId)!;
    const summary = caseSummary({
      device: core.lookup.product(flow.product)?.name ?? flow.product,
      brand: core.lookup.brand(c.brand)?.name,
      errorCode: flow.errorCode,
      checklist: flow.checklist,
      tried: flowResult.tried,
      purchase: warranty?.purchase,
      warranty: warranty?.warranty ?? core.wording.say('summary.warranty_unknown'),
    }, core.wording);
    const covered = warranty?.status === 'covered';
    await this.deps.sender.send(step.context, [
      textReply(this.deps, covered ? 'escalate.in_warranty' : 'escalate.out_of_warranty'),
      ...(covered ? [...manufacturer, ...repair] : [...repair, ...manufacturer]),
      summary,
      textReply(this.deps, 'summary.copy_hint'),
    ]);
    return step.endDialog();
  }
}
