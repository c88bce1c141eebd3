import type { Diagnostic, FixStep, Flow } from '../knowledge/schema';
import { orderFixes, type FixRates } from './fixOrder';
import type { FixOutcome, FlowState, StatusResult } from './flowState';
import type { HeardAnswers } from './heardAnswers';

/** What the flow needs next. The caller renders it and feeds the answer back. */
export type FlowPrompt =
  | { type: 'status' }
  | { type: 'status_page' }
  | { type: 'diagnostic'; diagnostic: Diagnostic }
  | { type: 'confirm'; fix: FixStep }
  | { type: 'fix'; fix: FixStep }
  | { type: 'end'; outcome: NonNullable<FlowState['outcome']> };

export const ANSWERS = {
  status_page: ['outage', 'all_clear', 'unsure'],
  diagnostic: ['yes', 'no', 'unsure'],
  confirm: ['proceed', 'hold'],
  fix: ['fixed', 'not_fixed', 'skip', 'already'],
} as const;

// "yes" is how the status page question was answered before its answers had their own ids: a
// conversation waiting at that question since then still means an outage by it.
const OUTAGE_ANSWERS = ['outage', 'yes'];

/**
 * Pure troubleshooting-flow logic: diagnostic questions that reorder or drop fixes, then fixes one at
 * a time, never one already tried in this conversation. No I/O; the status check result and the
 * measured fix success rates (for flows with `fixOrder`) are fed in.
 */
export class FlowEngine {
  constructor(private readonly flow: Flow, private readonly rates?: FixRates) {}

  start(triedBefore: Record<string, FixOutcome> = {}): FlowState {
    const known = new Set(this.flow.fixes.map((f) => f.id));
    const tried = Object.fromEntries(Object.entries(triedBefore).filter(([id]) => known.has(id)));
    const state: FlowState = {
      flowId: this.flow.id,
      version: this.flow.version,
      stage: this.flow.statusCheck ? 'status' : 'diagnose',
      asked: [],
      prioritised: [],
      skipped: [],
      tried,
    };
    // Fixed for the conversation, so numbers refreshed between turns cannot change what an answer refers to.
    if (this.flow.fixOrder) state.order = orderFixes(this.flow, this.rates).map((f) => f.id);
    return state;
  }

  /** The next thing to ask or do; advances past anything that no longer applies. */
  next(state: FlowState): FlowPrompt {
    if (state.stage === 'status') return { type: 'status' };
    if (state.stage === 'status_page') return { type: 'status_page' };
    if (state.stage === 'diagnose') {
      const [diagnostic] = this.unasked(state);
      if (diagnostic) return { type: 'diagnostic', diagnostic };
    }
    if (state.outcome) return { type: 'end', outcome: state.outcome };
    const current = state.current && this.fix(state.current.fixId);
    if (current) return current.confirm && !state.current!.confirmed ? { type: 'confirm', fix: current } : { type: 'fix', fix: current };
    const fix = this.remainingFixes(state)[0];
    if (fix) return fix.confirm ? { type: 'confirm', fix } : { type: 'fix', fix };
    return { type: 'end', outcome: state.outage ? 'outage' : 'exhausted' };
  }

  /** The diagnostic questions not yet answered, in the order they will come (the next one first). */
  unasked(state: FlowState): Diagnostic[] {
    return state.outage ? [] : this.flow.diagnostics.filter((d) => !state.asked.includes(d.id));
  }

  /** Fixes still to offer, in the order they will come. */
  remainingFixes(state: FlowState): FixStep[] {
    const ordered = [
      ...this.fixes(state.prioritised),
      ...this.fixes(state.order ?? []),
      ...this.flow.fixes,
    ];
    return [...new Set(ordered)].filter((f) =>
      !(f.id in state.tried) && !state.skipped.includes(f.id) && !(state.outage && f.skipDuringOutage));
  }

  applyStatus(state: FlowState, result: StatusResult): FlowState {
    if (result === 'unknown') return { ...state, stage: 'status_page' };
    return { ...state, stage: 'diagnose', outage: result === 'outage' };
  }

  /** Applies an answer id (from answers.yaml) to whatever `next` asked. */
  applyAnswer(state: FlowState, answer: string): { state: FlowState; say?: string } {
    const prompt = this.next(state);
    // The flow file changed since the question was asked (that step was removed): the answer
    // belongs to nothing now, so it is not applied; the caller asks what comes next instead.
    if (state.shown && state.shown !== promptKey(prompt)) return { state: { ...state, shown: undefined }, say: 'flow.updated' };
    switch (prompt.type) {
      case 'status_page':
        return { state: { ...state, stage: 'diagnose', outage: OUTAGE_ANSWERS.includes(answer) } };
      case 'diagnostic':
        return this.answerDiagnostic({ ...state, stage: 'diagnose' }, prompt.diagnostic, answer);
      case 'confirm':
        if (answer === 'proceed') return { state: { ...state, current: { fixId: prompt.fix.id, confirmed: true } } };
        return { state: this.record(state, prompt.fix.id, 'declined') };
      case 'fix':
        return { state: this.answerFix(state, prompt.fix.id, answer) };
      default:
        return { state };
    }
  }

  /**
   * Applies answers a message already gave (see heardAnswers), in the flow's order, as if each
   * question had been asked: the first message's, or a reply's to questions still to come. The stage
   * stays, so a flow that checks the cloud status first still does.
   */
  hear(state: FlowState, heard: Readonly<Record<string, string>>): { state: FlowState; says: string[] } {
    const says: string[] = [];
    for (const d of this.flow.diagnostics) {
      const answer = heard[d.id];
      if (answer === undefined || state.asked.includes(d.id)) continue;
      const applied = this.answerDiagnostic(state, d, answer);
      state = applied.state;
      if (applied.say) says.push(applied.say);
    }
    return { state, says };
  }

  /**
   * Applies a reply: its answer to what was asked (none when it only answered questions still to
   * come), then, to a diagnostic question, the answers it gave to later ones (see heardAnswers).
   */
  answerAndHear(state: FlowState, answer: string | undefined, heard: HeardAnswers): { state: FlowState; says: string[] } {
    const prompt = this.next(state);
    const applied = answer === undefined ? { state } : this.applyAnswer(state, answer);
    const says = applied.say ? [applied.say] : [];
    if (prompt.type !== 'diagnostic') return { state: applied.state, says };
    const { [prompt.diagnostic.id]: _asked, ...later } = heard;
    const hearing = this.hear(applied.state, later);
    return { state: hearing.state, says: [...says, ...hearing.says] };
  }

  private answerDiagnostic(state: FlowState, d: Diagnostic, answer: string): { state: FlowState; say?: string } {
    const effect = d.answers[answer];
    const next: FlowState = { ...state, asked: [...state.asked, d.id] };
    if (!effect) return { state: next };
    return {
      state: {
        ...next,
        prioritised: [...next.prioritised, ...effect.prioritise.filter((id) => !next.prioritised.includes(id))],
        skipped: [...next.skipped, ...effect.skip.filter((id) => !next.skipped.includes(id))],
      },
      say: effect.say,
    };
  }

  private answerFix(state: FlowState, fixId: string, answer: string): FlowState {
    const outcome: FixOutcome = answer === 'fixed' ? 'fixed' : answer === 'skip' ? 'skipped' : answer === 'already' ? 'already' : 'not_fixed';
    const recorded = this.record(state, fixId, outcome);
    return outcome === 'fixed' ? { ...recorded, stage: 'done', outcome: 'resolved' } : recorded;
  }

  private record(state: FlowState, fixId: string, outcome: FixOutcome): FlowState {
    const { current: _done, ...rest } = state;
    return { ...rest, stage: 'fixes', tried: { ...state.tried, [fixId]: outcome } };
  }

  private fix(id: string): FixStep | undefined {
    return this.flow.fixes.find((f) => f.id === id);
  }

  /** The fixes these ids name, skipping any the flow file no longer has. */
  private fixes(ids: string[]): FixStep[] {
    return ids.map((id) => this.fix(id)).filter((f): f is FixStep => f !== undefined);
  }
}

/** Names what a prompt asks, to tell later whether an answer still belongs to it. */
export function promptKey(prompt: FlowPrompt): string {
  switch (prompt.type) {
    case 'diagnostic':
      return `diagnostic:${prompt.diagnostic.id}`;
    case 'confirm':
    case 'fix':
      return `${prompt.type}:${prompt.fix.id}`;
    case 'end':
      return `end:${prompt.outcome}`;
    default:
      return prompt.type;
  }
}
