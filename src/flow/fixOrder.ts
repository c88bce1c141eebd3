import type { FixStep, Flow } from '../knowledge/schema';

/** How often a fix was tried (the person answered "fixed" or "still broken") and how often it worked. */
export interface FixTally {
  tried: number;
  fixed: number;
}

/** Measured tallies of one flow's fixes, by fix id. */
export type FixRates = ReadonlyMap<string, FixTally>;

/**
 * A flow's fixes in the order to offer them. Without `fixOrder` that is the file's order. With it,
 * fixes tried at least `minAttempts` times trade places by success rate (ties keep the file's order);
 * pinned fixes and fixes with too few attempts keep their place. Fixes only trade places within a run
 * of neighbours of the same kind, so a fix behind a data-loss confirmation never moves ahead of one
 * without, and no fix without one falls behind it.
 */
export function orderFixes(flow: Flow, rates: FixRates = new Map()): FixStep[] {
  const policy = flow.fixOrder;
  if (!policy) return flow.fixes;
  const rate = (f: FixStep) => {
    const t = rates.get(f.id);
    return t && t.tried >= policy.minAttempts ? t.fixed / t.tried : undefined;
  };
  const ordered = [...flow.fixes];
  for (const run of runsOfSameKind(flow.fixes)) {
    const slots = run.filter((i) => !flow.fixes[i].pinned && rate(flow.fixes[i]) !== undefined);
    // Array.prototype.sort is stable, so equal rates keep the file's order.
    const byRate = slots.map((i) => flow.fixes[i]).sort((a, b) => rate(b)! - rate(a)!);
    slots.forEach((slot, k) => (ordered[slot] = byRate[k]));
  }
  return ordered;
}

/** Index runs of consecutive fixes that all have, or all lack, a confirmation. */
function runsOfSameKind(fixes: FixStep[]): number[][] {
  const runs: number[][] = [];
  fixes.forEach((f, i) => {
    const last = runs[runs.length - 1];
    if (last && Boolean(fixes[last[0]].confirm) === Boolean(f.confirm)) last.push(i);
    else runs.push([i]);
  });
  return runs;
}

/** Where a flow's measured tallies come from; answers at once from what it last knew. */
export interface FixRatesSource {
  rates(flowId: string): FixRates;
}

/** No measurements: every flow keeps its file order. */
export const NO_FIX_RATES: FixRatesSource = { rates: () => new Map() };
