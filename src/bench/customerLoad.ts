import { Random } from '../simulation/random';
import type { CustomerScript } from './customerScripts';
import { summarise, type LoadSummary } from './latencySummary';
import type { TurnClient, TurnOutcome } from './turnClient';

export interface LoadPlan {
  /** A prefix that keeps this phase's conversation ids apart from every other phase's. */
  name: string;
  customers: number;
  /** Turns sent in the warm-up are not counted. */
  warmUpMs: number;
  durationMs: number;
  /** Pause before each message, drawn uniformly from [min, max] ms; none at saturation. */
  thinkMs?: [number, number];
  seed?: number;
}

/** Errors the bot logged so far (a turn that failed inside the bot still gets an answer and a reply). */
export type ErrorCounter = () => number;

/**
 * Simulated customers, each working through whole scripted conversations (a new conversation id
 * each time) until the phase ends. Counts the turns sent after the warm-up.
 */
export async function runLoad(client: TurnClient, scripts: readonly CustomerScript[], plan: LoadPlan, botErrors: ErrorCounter): Promise<LoadSummary> {
  const rng = new Random(plan.seed ?? 1002);
  const started = performance.now();
  const countFrom = started + plan.warmUpMs;
  const end = countFrom + plan.durationMs;
  const latencies: number[] = [];
  const counts = { errors: 0, lost: 0, repliesAfterAnswer: 0 };
  let errorsAtStart = 0;
  const warmUpOver = sleep(plan.warmUpMs).then(() => (errorsAtStart = botErrors()));
  const record = (o: TurnOutcome) => {
    latencies.push(o.latencyMs);
    if (o.status < 200 || o.status > 299) counts.errors += 1;
    if (o.lost) counts.lost += 1;
    if (o.replyAfterAnswer) counts.repliesAfterAnswer += 1;
  };
  const customer = async (n: number) => {
    // Spread the first messages over one pause, as people do not all start at once.
    if (plan.thinkMs) await sleep(rng.next() * plan.thinkMs[1]);
    let first = true;
    for (let conversation = 0; performance.now() < end; conversation++) {
      const script = scripts[(n + conversation) % scripts.length];
      const id = `${plan.name}-c${n}-${conversation}`;
      for (const text of script.messages) {
        if (plan.thinkMs && !first) await sleep(plan.thinkMs[0] + rng.next() * (plan.thinkMs[1] - plan.thinkMs[0]));
        first = false;
        const sentAt = performance.now();
        if (sentAt >= end) return;
        const outcome = await client.send(id, text, script.channelId);
        if (sentAt >= countFrom) record(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.customers }, (_, n) => customer(n)));
  await warmUpOver;
  const seconds = plan.durationMs / 1000;
  return summarise(latencies, { seconds, errors: counts.errors + botErrors() - errorsAtStart, lost: counts.lost, repliesAfterAnswer: counts.repliesAfterAnswer });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
