import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge';
import type { Reply } from '../replies/reply';
import { Customer, MAX_TURNS, type CustomerWorld } from './customer';
import { Random } from './random';
import type { Simulation } from './simulationData';

/** The simulated day's clock: the bot's `now`, moved on by the simulation. */
export class SimulatedClock {
  constructor(private t: DateTime) {}
  readonly now = (): DateTime => this.t;
  set(t: DateTime): void {
    this.t = t;
  }
}

export interface DayDeps {
  /** Hands one activity to the bot, as a channel would; resolves when its turn is done. */
  deliver(activity: Partial<Activity>): Promise<void>;
  /** The replies the bot sent since the last call (the ReplySender's observer collects them). */
  takeReplies(): Reply[];
  clock: SimulatedClock;
  knowledge: Knowledge;
}

export interface DayOptions {
  /** The day, e.g. "2026-11-23", in the simulation's time zone. */
  date: string;
  seed: number;
  customers?: number;
}

export interface DayResult {
  customers: number;
  messages: number;
  byChannel: Record<string, number>;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

// Replies come to the bot itself: nothing is posted anywhere (expectReplies), the URL is never called.
const SERVICE_URL = 'http://127.0.0.1:9/simulation';

/** Plays a day of simulated customers through the bot, one conversation after another, in arrival order. */
export async function simulateDay(sim: Simulation, deps: DayDeps, options: DayOptions): Promise<DayResult> {
  const rng = new Random(options.seed);
  const day = DateTime.fromISO(options.date, { zone: sim.timezone });
  if (!day.isValid) throw new Error(`--date: "${options.date}" is not an ISO date`);
  const world = worldOf(sim, deps.knowledge, deps.clock);
  const arrivals = Array.from({ length: options.customers ?? sim.customers }, (_, n) => ({
    n,
    at: day.plus({ hours: rng.pickWeighted(HOURS, (h) => sim.hours[h]), seconds: rng.int(0, 3599) }),
    customer: new Customer(sim, rng, rng.weighted(sim.channels), rng.pickWeighted(sim.personas, (p) => p.weight), world),
  })).sort((a, b) => a.at.toMillis() - b.at.toMillis());
  const result: DayResult = { customers: 0, messages: 0, byChannel: {} };
  for (const { n, at, customer } of arrivals) {
    result.customers += 1;
    result.byChannel[customer.channel] = (result.byChannel[customer.channel] ?? 0) + 1;
    result.messages += await converse(customer, deps, rng, sim, { at, id: `sim-${options.date}-${options.seed}-${n}` });
  }
  return result;
}

/** One customer's conversation; returns how many messages they sent. */
async function converse(c: Customer, deps: DayDeps, rng: Random, sim: Simulation, start: { at: DateTime; id: string }): Promise<number> {
  let t = start.at;
  const base = {
    channelId: c.channel,
    conversation: { id: start.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `${start.id}-user`, name: 'Customer' },
    recipient: { id: 'support-bot', name: 'Support' },
    serviceUrl: SERVICE_URL,
    locale: 'en-GB',
    localTimezone: sim.timezone,
    deliveryMode: 'expectReplies',
  };
  const send = async (activity: Partial<Activity>) => {
    deps.clock.set(t);
    await deps.deliver({ ...base, id: `${start.id}-${t.toMillis()}`, timestamp: t.toJSDate(), ...activity });
    return deps.takeReplies();
  };
  // Web Chat says the person joined first, so the welcome comes before anything is typed.
  if (c.channel === 'webchat') await send({ type: 'conversationUpdate', membersAdded: [base.from] });
  let text: string | undefined = c.opening();
  let messages = 0;
  while (text !== undefined && messages < MAX_TURNS) {
    t = t.plus({ seconds: rng.int(sim.pause.min, sim.pause.max) });
    messages += 1;
    text = c.reply(await send({ type: 'message', text }));
  }
  return messages;
}

function worldOf(sim: Simulation, k: Knowledge, clock: SimulatedClock): CustomerWorld {
  const asks = new Map(k.flows.flatMap((f) => f.diagnostics.map((d) => [d.ask, d.id] as const)));
  return {
    diagnosticOf: (askId) => asks.get(askId),
    flowFor: (product) => k.flows.find((f) => f.product === product && f.errorCode === '1002')?.id,
    outageNow: () => outageAt(sim, clock.now()),
  };
}

/** Whether the simulated provider's cloud is down at the clock's time (for the bot's status check). */
export function outageAt(sim: Simulation, t: DateTime): boolean {
  if (!sim.outage) return false;
  const day = t.setZone(sim.timezone).startOf('day');
  return t >= day.set(hhmm(sim.outage.from)) && t < day.set(hhmm(sim.outage.to));
}

function hhmm(s: string): { hour: number; minute: number } {
  const [hour, minute] = s.split(':').map(Number);
  return { hour, minute };
}
