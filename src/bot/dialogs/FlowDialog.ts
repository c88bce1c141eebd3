import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import { flowStepEvent } from '../../analytics/flowStepEvent';
import { FlowEngine, promptKey } from '../../flow/flowEngine';
import { heardAnswers, type Heard } from '../../flow/heardAnswers';
import type { FixOutcome, FlowOutcome, FlowState } from '../../flow/flowState';
import type { Flow } from '../../knowledge/schema';
import { inSentence } from '../../replies/inSentence';
import { ANSWER_PROMPT, ANSWERS_LATER_QUESTION, AnswerPrompt, type AnswerPromptOptions } from './AnswerPrompt';
import { answerContext, conversationDataOf, type DialogDeps } from './dialogDeps';
import { textReply } from './say';

export const FLOW_DIALOG = 'flowDialog';
type Values = Record<string, string | undefined>;
const FLOW_LOOP = 'flowLoop';

export interface FlowOptions {
  flowId: string;
  state?: FlowState;
  /** What the message that started the flow already said: questions it answered are not asked, fixes it did not offered. */
  heard?: Heard;
}

export interface FlowResult {
  flowId: string;
  outcome: FlowOutcome;
  tried: Record<string, FixOutcome>;
}

// What the bot says after an answer that moves on without a fix result.
const ACKNOWLEDGE: Record<string, string> = { already: 'flow.ack_already', skip: 'flow.ack_skip', hold: 'flow.ack_hold' };

/**
 * Runs one troubleshooting flow from dialogs/ with the pure FlowEngine: a loop of "ask, apply the
 * answer". The flow's state lives in the dialog's options, so it is saved with the dialog stack.
 */
export class FlowDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(FLOW_DIALOG);
    this.addDialog(new AnswerPrompt(deps.core, deps.sender))
      .addDialog(new WaterfallDialog(FLOW_LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW_LOOP;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as FlowOptions;
    const flow = this.deps.core.lookup.flowById(options.flowId);
    if (!flow) return this.flowGone(step);
    const engine = this.engine(flow);
    const values = await this.values(step);
    let state = options.state ?? (await this.start(step, flow, engine, values));
    let prompt = engine.next(state);
    if (prompt.type === 'status') {
      state = engine.applyStatus(state, await this.deps.core.statusChecker.check());
      if (state.outage) await this.deps.sender.send(step.context, [textReply(this.deps, 'flow.outage', values)]);
      else if (state.stage === 'diagnose') await this.deps.sender.send(step.context, [textReply(this.deps, 'flow.status_up', values)]);
      prompt = engine.next(state);
    }
    if (prompt.type === 'end') return this.finish(step, flow, state, prompt.outcome, values);
    (step.values as Record<string, unknown>).state = { ...state, shown: promptKey(prompt) };
    const shown = flowStepEvent(flow.id, prompt);
    if (shown) this.deps.events.record(step.context, shown);
    const { replies, accepts } = this.deps.core.flowReplies.render(prompt, { articles: (id) => this.deps.core.search.byId(id), values });
    const labels = replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => c.label) : []));
    // The question asked is the first not yet answered; a reply may answer the ones after it instead.
    const question = prompt.type === 'diagnostic'
      ? { flow: flow.id, diagnostic: prompt.diagnostic.id, later: engine.unasked(state).slice(1).map((d) => d.id) }
      : undefined;
    const promptOptions: AnswerPromptOptions = { replies, expect: { type: 'answers', answers: [...accepts], labels, question } };
    return step.beginDialog(ANSWER_PROMPT, promptOptions);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as FlowOptions;
    const flow = this.deps.core.lookup.flowById(options.flowId);
    if (!flow) return this.flowGone(step);
    const engine = this.engine(flow);
    const answer = step.result as string;
    const shown = (step.values as Record<string, unknown>).state as FlowState;
    // Besides its answer, a reply to a diagnostic question may answer those still to come ("yes, but
    // the date is wrong"); a reply to a fix is not read for them.
    const heard = engine.next(shown).type === 'diagnostic' ? heardAnswers(flow, step.context.activity.text ?? '', this.deps.core.negations) : {};
    const answersLater = answer === ANSWERS_LATER_QUESTION;
    const { state, says } = engine.answerAndHear(shown, answersLater ? undefined : answer, heard);
    const data = await conversationDataOf(this.deps, step.context);
    data.tried = { ...data.tried, ...state.tried };
    this.recordOutcomes(step, flow, shown.tried, state.tried);
    const values = await this.values(step);
    const ids = [ACKNOWLEDGE[answer], ...says, answersLater ? 'flow.back_to_question' : undefined].filter((id): id is string => id !== undefined);
    await this.deps.sender.send(step.context, ids.map((id) => textReply(this.deps, id, values)));
    return step.replaceDialog(FLOW_LOOP, { ...options, state });
  }

  private async start(step: WaterfallStepContext, flow: Flow, engine: FlowEngine, values: Values): Promise<FlowState> {
    const data = await conversationDataOf(this.deps, step.context);
    const heard = (step.options as FlowOptions).heard;
    // Done before this chat and said in its first message: counted as "already tried", as if answered so.
    const said = Object.fromEntries((heard?.tried ?? []).filter((id) => !data.tried?.[id]).map((id) => [id, 'already' as const]));
    const { state, says } = engine.hear(engine.start({ ...data.tried, ...said }), heard?.answers ?? {});
    this.recordOutcomes(step, flow, data.tried ?? {}, said);
    data.tried = { ...data.tried, ...said };
    const replies = [textReply(this.deps, flow.intro, values)];
    const skipped = Object.keys(state.tried).map((id) => flow.checklist[id]).filter(Boolean);
    if (skipped.length > 0) replies.push(textReply(this.deps, 'flow.skipping_tried', { ...values, list: inSentence(skipped) }));
    replies.push(...says.map((say) => textReply(this.deps, say, values)));
    await this.deps.sender.send(step.context, replies);
    return state;
  }

  private async finish(step: WaterfallStepContext, flow: Flow, state: FlowState, outcome: FlowOutcome, values: Values): Promise<DialogTurnResult> {
    const closing = { resolved: 'flow.resolved', outage: 'flow.outage_end', exhausted: 'flow.exhausted' }[outcome];
    await this.deps.sender.send(step.context, [textReply(this.deps, closing, values)]);
    this.deps.events.record(step.context, { type: 'flow_end', flow: flow.id, outcome });
    const result: FlowResult = { flowId: flow.id, outcome, tried: state.tried };
    return step.endDialog(result);
  }

  /** The engine for this flow, with the measured fix success rates when the flow lets them order its fixes. */
  private engine(flow: Flow): FlowEngine {
    return new FlowEngine(flow, flow.fixOrder ? this.deps.core.fixRates.rates(flow.id) : undefined);
  }

  /** A fix_outcome event for each fix the answer (or the first message) settled: fixed, still broken, skipped, already done, declined. */
  private recordOutcomes(step: WaterfallStepContext, flow: Flow, before: Record<string, FixOutcome>, after: Record<string, FixOutcome>): void {
    for (const [fix, outcome] of Object.entries(after)) {
      if (before[fix] !== outcome) this.deps.events.record(step.context, { type: 'fix_outcome', flow: flow.id, fix, outcome });
    }
  }

  /** The flow was taken out of dialogs/ while this person was in it (the bot was updated meanwhile). */
  private async flowGone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.deps.sender.send(step.context, [textReply(this.deps, 'state.upgraded')]);
    return step.endDialog();
  }

  /** Placeholders the flow's wording may use, worked out once per step. */
  private async values(step: WaterfallStepContext): Promise<Values> {
    const { lookup } = this.deps.core;
    const c = await answerContext(this.deps, step.context);
    const brand = lookup.brand(c.brand);
    return {
      device: lookup.product(c.product)?.name,
      brandName: brand?.name,
      statusPage: lookup.statusPage(c.product, c.brand),
    };
  }
}
