import { Random } from '../simulation/random';
import type { CpuSample } from './botMessages';
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

/** What the load generator can ask the bot process while the load runs. */
export interface BotProbe {
  /** Errors the bot logged so far (a turn that failed inside the bot still gets an answer and a reply). */
  errors(): number;
  cpu(): Promise<CpuSample>;
}

/**
 * Simulated customers, each working through whole scripted conversations (a new conversation id
 * each time) until the phase ends. Counts the turns sent after the warm-up.
 */
export async function runLoad(client: TurnClient, scripts: readonly CustomerScript[], plan: LoadPlan, bot: BotProbe): Promise<LoadSummary> {
  const rng = new Random(plan.seed ?? 1002);
  const started = performance.now();
  const countFrom = started + plan.warmUpMs;
  const end = countFrom + plan.durationMs;
  const latencies: number[] = [];
  const answered: number[] = [];
  const counts = { errors: 0, lost: 0, repliesAfterAnswer: 0, replies: 0 };
  const errorKinds: Record<string, number> = {};
  // CPU use and the bot's errors are read when counting starts and ends.
  const window = countedWindow(plan, bot);
  const record = (o: TurnOutcome) => {
    latencies.push(o.latencyMs);
    answered.push(o.answeredMs);
    if (o.error) {
      counts.errors += 1;
      errorKinds[o.error] = (errorKinds[o.error] ?? 0) + 1;
    }
    if (o.lost) counts.lost += 1;
    counts.replies += o.replies;
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
  const w = await window;
  // Errors the bot logs while the last turns finish after the window still count.
  const logged = bot.errors() - w.errorsBefore;
  if (logged > 0) errorKinds['error in the bot\'s log'] = logged;
  return summarise(latencies, { seconds: plan.durationMs / 1000, ...counts, errors: counts.errors + logged, errorKinds, botCpu: w.botCpu, loadGeneratorCpu: w.ownCpu }, answered);
}

async function countedWindow(plan: LoadPlan, bot: BotProbe) {
  await sleep(plan.warmUpMs);
  const errorsBefore = bot.errors();
  const [botBefore, ownBefore] = [await bot.cpu(), process.cpuUsage()];
  await sleep(plan.durationMs);
  const [botAfter, ownAfter] = [await bot.cpu(), process.cpuUsage()];
  const share = (a: CpuSample, b: CpuSample) => (b.user + b.system - a.user - a.system) / 1000 / plan.durationMs;
  return { errorsBefore, botCpu: share(botBefore, botAfter), ownCpu: share(ownBefore, ownAfter) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
