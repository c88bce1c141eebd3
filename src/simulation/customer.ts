import type { ChoicesReply, Reply } from '../replies/reply';
import type { Random } from './random';
import type { Persona, Simulation } from './simulationData';

/** What a customer needs to know about the bot's flows to answer like a person with that device. */
export interface CustomerWorld {
  /** The diagnostic a question (by its response id) asks, e.g. "flow.smartwatch.ask_powers_on" → "powers-on". */
  diagnosticOf(askId: string): string | undefined;
  /** The flow that troubleshoots this product. */
  flowFor(product: string): string | undefined;
  /** Whether the provider's cloud is down right now (what the status page would show). */
  outageNow(): boolean;
}

// A fix the data gives no chance for (e.g. one added to a flow later).
const DEFAULT_FIX_CHANCE = 0.3;

// The longest a simulated conversation may go on (a safety net against a loop).
export const MAX_TURNS = 40;

/**
 * One simulated person: opens with their problem, then reads each turn's replies and answers the
 * question asked (tapping or typing, in their own words), and sometimes wanders off topic, asks for a
 * person, or just leaves. Decisions come from the simulation data and a seeded random source.
 */
export class Customer {
  private queued?: string;
  private leaving = false;
  private questions = 0;
  private fix?: string;
  private finished = false;
  private thanked = false;
  private readonly offTopicAt?: number;
  private readonly askPersonAt?: number;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: Random,
    readonly channel: string,
    readonly persona: Persona,
    private readonly world: CustomerWorld,
  ) {
    // Which question (counting from 1) they interrupt, if they do.
    this.offTopicAt = rng.chance(sim.chances.offTopic) ? rng.int(1, 6) : undefined;
    this.askPersonAt = rng.chance(sim.chances.askPerson) ? rng.int(1, 8) : undefined;
  }

  /** The first message. */
  opening(): string {
    const { chances } = this.sim;
    if (this.rng.chance(chances.offTopicOpening)) {
      this.leaving = true;
      return this.rng.pick(this.sim.offTopic);
    }
    const problem = this.rng.chance(chances.vague) ? this.rng.pick(this.persona.vague) : this.rng.pick(this.persona.openings);
    if (!this.rng.chance(chances.greetingFirst)) return problem;
    this.queued = problem;
    return this.rng.pick(this.sim.greetings);
  }

  /** What the person says after the bot's replies; undefined when they are done or give up. */
  reply(replies: Reply[]): string | undefined {
    if (this.queued) {
      const next = this.queued;
      this.queued = undefined;
      return next;
    }
    if (this.leaving) return undefined;
    const shown = [...replies].reverse().find((r) => r.kind === 'steps' && r.id.startsWith('fix:'));
    if (shown) this.fix = shown.id.slice('fix:'.length);
    const question = [...replies].reverse().find((r): r is ChoicesReply => r.kind === 'choices');
    if (!question) return this.closing();
    const retried = replies.some((r) => r.id === 'prompt.retry' || r.id.endsWith('_retry'));
    if (!retried) {
      this.questions += 1;
      if (this.rng.chance(this.sim.chances.abandon)) return undefined;
      if (this.questions === this.offTopicAt) return this.rng.pick(this.sim.offTopic);
      if (this.questions === this.askPersonAt) return this.rng.pick(this.sim.askPerson);
    }
    return this.answer(question, retried);
  }

  /** Nothing was asked: the conversation is over, maybe with a thank-you. */
  private closing(): string | undefined {
    if (this.finished || this.thanked) return undefined;
    this.finished = true;
    if (!this.rng.chance(this.sim.chances.thanks)) return undefined;
    this.thanked = true;
    return this.rng.pick(this.sim.thanks);
  }

  private answer(q: ChoicesReply, retried: boolean): string {
    if (q.id === 'warranty.ask_date') return retried ? q.choices[0].label : this.rng.pick(this.sim.purchase);
    if (q.id === 'ask.device' && !retried && this.rng.chance(this.sim.chances.typed)) return this.rng.pick(this.persona.device);
    const value = this.choose(q);
    const i = Math.max(0, q.choices.findIndex((c) => c.value === value));
    if (retried) return q.choices[i].label;
    if (this.channel === 'sms' && this.rng.chance(this.sim.chances.smsNumber)) return String(i + 1);
    const typed = this.sim.answers[q.choices[i].value];
    if (typed && this.rng.chance(this.sim.chances.typed)) return this.rng.pick(typed);
    return q.choices[i].label;
  }

  /** The answer id (choice value) this person gives. */
  private choose(q: ChoicesReply): string {
    const values = q.choices.map((c) => c.value);
    const { chances } = this.sim;
    if (values.includes('fixed')) return this.fixAnswer();
    if (values.includes('proceed')) return this.rng.chance(chances.resetGoAhead) ? 'proceed' : 'hold';
    if (q.id === 'flow.ask_status_page') return this.world.outageNow() ? 'yes' : this.rng.weighted({ no: 0.85, unsure: 0.15 });
    const diagnostic = this.world.diagnosticOf(q.id);
    if (diagnostic) return this.rng.weighted(this.sim.diagnostics[diagnostic] ?? { yes: 1 });
    if (q.id === 'ask.device') return this.persona.product;
    if (q.id === 'start.choices') return `start.${this.persona.product}`;
    if (q.id === 'clarify.intent' && values.includes('troubleshoot')) return 'troubleshoot';
    if (q.id === 'handoff.consent') return this.rng.chance(chances.handoffConsent) ? 'yes' : 'no';
    return q.id === 'warranty.ambiguous' ? values[0] : this.rng.pick(values);
  }

  private fixAnswer(): string {
    const { chances } = this.sim;
    if (this.rng.chance(chances.skip)) return 'skip';
    if (this.rng.chance(chances.already)) return 'already';
    const flow = this.world.flowFor(this.persona.product);
    const works = flow && this.fix ? this.sim.fixes[flow]?.[this.fix] : undefined;
    return this.rng.chance(works ?? DEFAULT_FIX_CHANCE) ? 'fixed' : 'not_fixed';
  }
}
