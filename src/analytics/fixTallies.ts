import type { FixTally } from '../flow/fixOrder';
import type { SupportEvent } from './supportEvent';

/** Everything that happened to one fix: tried (fixed or still broken), and the answers that were no try. */
export interface FixRecord extends FixTally {
  skipped: number;
  already: number;
  declined: number;
}

const COUNTS = ['tried', 'fixed', 'skipped', 'already', 'declined'] as const satisfies readonly (keyof FixRecord)[];

function noRecord(): FixRecord {
  return { tried: 0, fixed: 0, skipped: 0, already: 0, declined: 0 };
}

/** Fix outcomes counted per flow, then per fix, in the order they first appear. */
export function fixTallies(events: readonly SupportEvent[]): FixTallies {
  const flows: FixTallies = new Map();
  for (const e of events) {
    if (e.type !== 'fix_outcome') continue;
    let fixes = flows.get(e.flow);
    if (!fixes) flows.set(e.flow, (fixes = new Map()));
    let r = fixes.get(e.fix);
    if (!r) fixes.set(e.fix, (r = noRecord()));
    if (e.outcome === 'fixed' || e.outcome === 'not_fixed') r.tried += 1;
    if (e.outcome === 'fixed') r.fixed += 1;
    if (e.outcome === 'skipped') r.skipped += 1;
    if (e.outcome === 'already') r.already += 1;
    if (e.outcome === 'declined') r.declined += 1;
  }
  return flows;
}

export type FixTallies = Map<string, Map<string, FixRecord>>;

/** The tallies of several spans of time added up; give them oldest first to keep first-seen order. */
export function addTallies(parts: readonly FixTallies[]): FixTallies {
  const total: FixTallies = new Map();
  for (const part of parts) {
    for (const [flow, fixes] of part) {
      let sum = total.get(flow);
      if (!sum) total.set(flow, (sum = new Map()));
      for (const [fix, r] of fixes) {
        let s = sum.get(fix);
        if (!s) sum.set(fix, (s = noRecord()));
        for (const count of COUNTS) s[count] += r[count];
      }
    }
  }
  return total;
}
