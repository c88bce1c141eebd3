/** How one fix went. 'declined' means the person chose not to do it (e.g. no factory reset). */
export type FixOutcome = 'fixed' | 'not_fixed' | 'skipped' | 'already' | 'declined';

export type FlowOutcome = 'resolved' | 'exhausted' | 'outage';

export type StatusResult = 'up' | 'outage' | 'unknown';

/**
 * Where a person is in a troubleshooting flow: plain JSON, stored in conversation state.
 * Steps are referred to by id (never by position), so an edited flow file can still resume it.
 */
export interface FlowState {
  flowId: string;
  version: number;
  stage: 'status' | 'status_page' | 'diagnose' | 'fixes' | 'done';
  /** Ids of diagnostic questions already answered. */
  asked: string[];
  prioritised: string[];
  skipped: string[];
  tried: Record<string, FixOutcome>;
  /** Fix ids in the order measured success rates gave when the flow started (flows with `fixOrder`). */
  order?: string[];
  /** What the person was last asked (see promptKey): an answer is applied only to that. */
  shown?: string;
  /** The fix being shown, and whether its data-loss warning was accepted. */
  current?: { fixId: string; confirmed: boolean };
  outage?: boolean;
  outcome?: FlowOutcome;
}
