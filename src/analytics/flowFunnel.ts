import type { Flow } from '../knowledge/schema';
import type { SupportEvent } from './supportEvent';

type StepKind = Extract<SupportEvent, { type: 'flow_step' }>['kind'];

/** One step of a flow: how many conversations reached it, were fixed there, or went quiet there. */
export interface FunnelStep {
  kind: StepKind;
  step: string;
  reached: number;
  fixedHere: number;
  /** The last step shown before the person stopped answering (no end of the flow after it). */
  leftHere: number;
}

export interface FlowFunnel {
  flow: string;
  /** Conversations that showed at least one step of this flow or ended it. */
  started: number;
  outcomes: { resolved: number; exhausted: number; outage: number };
  steps: FunnelStep[];
}

/** A step as a lead reads it: "status page", "diagnostic powers-on", "warning before factory-reset", "fix restart". */
export function stepLabel(s: Pick<FunnelStep, 'kind' | 'step'>): string {
  if (s.kind === 'status_page') return 'status page';
  return s.kind === 'confirm' ? `warning before ${s.step}` : `${s.kind} ${s.step}`;
}

/** A flow's steps as the file lists them ("kind:step" keys): status page, diagnostics, then each fix. */
export function funnelOrder(flow: Flow): string[] {
  return [
    ...(flow.statusCheck ? ['status_page:status_page'] : []),
    ...flow.diagnostics.map((d) => `diagnostic:${d.id}`),
    ...flow.fixes.flatMap((f) => [...(f.confirm ? [`confirm:${f.id}`] : []), `fix:${f.id}`]),
  ];
}

/**
 * Per flow, the conversations that reached each step. Steps come in the order given (from the flow
 * file); steps the file no longer has follow, most reached first. Counts are distinct conversations.
 */
export function flowFunnels(events: readonly SupportEvent[], order: Record<string, string[]> = {}): FlowFunnel[] {
  const flows = new Map<string, FlowCounts>();
  const counts = (flow: string) => flows.get(flow) ?? flows.set(flow, new FlowCounts()).get(flow)!;
  for (const e of events) {
    if (e.type === 'flow_step') counts(e.flow).step(e.conversation, e.kind, e.step);
    if (e.type === 'fix_outcome' && e.outcome === 'fixed') counts(e.flow).fixed(e.conversation, e.fix);
    if (e.type === 'flow_end') counts(e.flow).end(e.conversation, e.outcome);
  }
  return [...flows].map(([flow, c]) => c.funnel(flow, order[flow] ?? []));
}

const key = (kind: string, step: string) => `${kind}:${step}`;

class FlowCounts {
  private readonly reached = new Map<string, Set<string>>();
  private readonly fixedAt = new Map<string, Set<string>>();
  private readonly outcomes = { resolved: new Set<string>(), exhausted: new Set<string>(), outage: new Set<string>() };
  private readonly started = new Set<string>();
  /** Per conversation: the last step shown, and whether the flow ended after it. */
  private readonly last = new Map<string, { key: string; ended: boolean }>();

  step(conversation: string, kind: StepKind, step: string): void {
    const k = key(kind, step);
    add(this.reached, k, conversation);
    this.started.add(conversation);
    this.last.set(conversation, { key: k, ended: false });
  }

  fixed(conversation: string, fix: string): void {
    add(this.fixedAt, key('fix', fix), conversation);
  }

  end(conversation: string, outcome: keyof FlowCounts['outcomes']): void {
    this.outcomes[outcome].add(conversation);
    this.started.add(conversation);
    const last = this.last.get(conversation);
    if (last) last.ended = true;
  }

  funnel(flow: string, order: string[]): FlowFunnel {
    const left = new Map<string, number>();
    for (const l of this.last.values()) if (!l.ended) left.set(l.key, (left.get(l.key) ?? 0) + 1);
    const seen = [...this.reached.keys()];
    const known = order.filter((k) => this.reached.has(k));
    const others = seen.filter((k) => !order.includes(k)).sort((a, b) => this.reached.get(b)!.size - this.reached.get(a)!.size);
    const steps = [...known, ...others].map((k) => {
      const [kind, step] = splitKey(k);
      return { kind, step, reached: this.reached.get(k)!.size, fixedHere: this.fixedAt.get(k)?.size ?? 0, leftHere: left.get(k) ?? 0 };
    });
    const { resolved, exhausted, outage } = this.outcomes;
    return { flow, started: this.started.size, outcomes: { resolved: resolved.size, exhausted: exhausted.size, outage: outage.size }, steps };
  }
}

function add(map: Map<string, Set<string>>, k: string, conversation: string): void {
  const set = map.get(k) ?? map.set(k, new Set()).get(k)!;
  set.add(conversation);
}

function splitKey(k: string): [StepKind, string] {
  const i = k.indexOf(':');
  return [k.slice(0, i) as StepKind, k.slice(i + 1)];
}
