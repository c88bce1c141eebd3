import type { FixOutcome } from '../flow/flowState';
import type { SummaryReply } from './reply';
import type { Wording } from './wording';

export interface CaseFacts {
  device: string;
  brand?: string;
  errorCode: string;
  /** The flow's checklist labels by fix id, in the flow's order. */
  checklist: Record<string, string>;
  tried: Record<string, FixOutcome>;
  purchase?: string;
  warranty: string;
}

/** A short case summary a person can paste into a support form: device, error, what was tried. */
export function caseSummary(facts: CaseFacts, wording: Wording): SummaryReply {
  const lines = [
    wording.say('summary.device', { device: facts.brand ? `${facts.brand} ${facts.device}` : facts.device }),
    wording.say('summary.error', { code: facts.errorCode }),
    ...Object.entries(facts.checklist).map(([fixId, label]) => `${mark(facts.tried[fixId], wording)} ${label}`),
    wording.say('summary.purchase', { date: facts.purchase ?? wording.say('summary.not_given') }),
    wording.say('summary.warranty', { status: facts.warranty }),
  ];
  return { kind: 'summary', id: 'summary.case', title: wording.say('summary.title'), lines };
}

function mark(outcome: FixOutcome | undefined, wording: Wording): string {
  const key = outcome === 'already' ? 'not_fixed' : outcome === 'skipped' || outcome === undefined ? 'not_tried' : outcome;
  return wording.say(`summary.mark_${key}`);
}
