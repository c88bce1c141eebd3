import type { Flow } from '../knowledge/schema';
import { conversationStats, statsByChannel, type ConversationStats } from './conversationStats';
import type { EventRange } from './eventLog';
import { fixTallies, type FixRecord } from './fixTallies';
import { flowFunnels, funnelOrder, type FlowFunnel } from './flowFunnel';
import { topNotUnderstood, type MessageCount } from './notUnderstood';
import type { SupportEvent } from './supportEvent';

export interface FixRow extends FixRecord {
  flow: string;
  fix: string;
}

/** What the support leads' report says, worked out from the turn events alone. */
export interface SupportSummary {
  range: EventRange;
  /** The first and last event's time. */
  first?: string;
  last?: string;
  totals: ConversationStats;
  channels: { channel: string; stats: ConversationStats }[];
  /** What people asked for: the intents of messages that were no answer to a question. */
  intents: { intent: string; count: number }[];
  funnels: FlowFunnel[];
  /** Per flow in file order, then by fix in file order (unknown fixes last). */
  fixes: FixRow[];
  notUnderstood: MessageCount[];
  /** Escalations by warranty status, handoffs by reason. */
  escalations: Record<string, number>;
  handoffs: Record<string, number>;
}

export interface SummaryOptions {
  range?: EventRange;
  /** The flows as the files have them, for step order. */
  flows?: Flow[];
  /** How many not-understood messages to list. */
  topMessages?: number;
}

export function summarise(events: readonly SupportEvent[], options: SummaryOptions = {}): SupportSummary {
  const flows = options.flows ?? [];
  return {
    range: options.range ?? {},
    first: events[0]?.at,
    last: events[events.length - 1]?.at,
    totals: conversationStats(events),
    channels: statsByChannel(events),
    intents: tally(events.flatMap((e) => (e.type === 'message' && !e.answered ? [e.intent] : []))).map(([intent, count]) => ({ intent, count })),
    funnels: flowFunnels(events, Object.fromEntries(flows.map((f) => [f.id, funnelOrder(f)]))),
    fixes: fixRows(events, flows),
    notUnderstood: topNotUnderstood(events, options.topMessages),
    escalations: Object.fromEntries(tally(events.flatMap((e) => (e.type === 'escalation' ? [e.warranty ?? 'unknown'] : [])))),
    handoffs: Object.fromEntries(tally(events.flatMap((e) => (e.type === 'handoff' ? [e.reason] : [])))),
  };
}

function fixRows(events: readonly SupportEvent[], flows: Flow[]): FixRow[] {
  const position = (flow: string, fix: string) => {
    const f = flows.findIndex((x) => x.id === flow);
    const i = f < 0 ? -1 : flows[f].fixes.findIndex((x) => x.id === fix);
    return [f < 0 ? flows.length : f, i < 0 ? Infinity : i];
  };
  const rows = [...fixTallies(events)].flatMap(([flow, fixes]) => [...fixes].map(([fix, r]) => ({ flow, fix, ...r })));
  return rows.sort((a, b) => {
    const [fa, ia] = position(a.flow, a.fix);
    const [fb, ib] = position(b.flow, b.fix);
    return fa - fb || a.flow.localeCompare(b.flow) || ia - ib || a.fix.localeCompare(b.fix);
  });
}

/** Values counted, most frequent first, ties alphabetically. */
function tally(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
