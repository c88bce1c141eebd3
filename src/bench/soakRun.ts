import { lineChart } from '../eval/svgChart';
import { table } from '../eval/evalReport';
import type { MemorySample } from './botMessages';
import { runLoad, sleep, type BotProbe, type LoadPlan } from './customerLoad';
import type { CustomerScript } from './customerScripts';
import type { LoadSummary } from './latencySummary';
import { growthKbPerMinute, type TrendSample } from './memoryTrend';
import type { TurnClient } from './turnClient';
import { mb, ms } from './units';
import { errorKindsText } from './benchReport';

export interface SoakDeps {
  client: TurnClient;
  scripts: readonly CustomerScript[];
  bot: BotProbe & { memory(): Promise<MemorySample> };
}

export interface SoakResult {
  plan: LoadPlan;
  sampleEverySeconds: number;
  load: LoadSummary;
  samples: TrendSample[];
  /** Growth over the whole run and over its second half (after caches and the JIT have settled). */
  growth: { heap: number; rss: number };
  lateGrowth: { heap: number; rss: number };
}

/** A steady load for the whole run, with the bot's memory sampled at a fixed interval. */
export async function soak(deps: SoakDeps, plan: LoadPlan, sampleEveryMs: number): Promise<SoakResult> {
  const started = performance.now();
  const samples: TrendSample[] = [];
  let running = true;
  const load = runLoad(deps.client, deps.scripts, plan, deps.bot).finally(() => (running = false));
  const sampler = (async () => {
    while (running) {
      const m = await deps.bot.memory();
      samples.push({ minute: (performance.now() - started) / 60_000, heapUsed: m.heapUsed, rss: m.rss });
      console.log(`  ${samples.at(-1)!.minute.toFixed(1)} min: heap ${mb(m.heapUsed)} MB, RSS ${mb(m.rss)} MB`);
      await sleep(sampleEveryMs);
    }
  })();
  const [summary] = await Promise.all([load, sampler]);
  const end = samples.at(-1)?.minute ?? 0;
  return { plan, sampleEverySeconds: sampleEveryMs / 1000, load: summary, samples, growth: growthKbPerMinute(samples), lateGrowth: growthKbPerMinute(samples, end / 2) };
}

/** reports/soak.md. */
export function soakMarkdown(r: SoakResult, setup: string, chartFile: string): string {
  const g = (v: { heap: number; rss: number }) => `heap ${v.heap.toFixed(1)} KB/min, RSS ${v.rss.toFixed(1)} KB/min`;
  return [
    '# Soak run',
    '',
    setup,
    '',
    `Steady load: ${r.plan.customers} customers pausing ${r.plan.thinkMs?.join('–')} ms between messages for ${(r.plan.durationMs / 1000).toFixed(0)} s: ` +
      `${r.load.turnsPerSecond.toFixed(0)} turns/s, p50 ${ms(r.load.p50)} ms, p99 ${ms(r.load.p99)} ms, ${r.load.errors} errors${r.load.errors ? ` (${errorKindsText(r.load)})` : ''}, ${r.load.lost} lost turns.`,
    '',
    `Memory is sampled after two forced full GCs in the bot every ${r.sampleEverySeconds} s, which adds to the latency tail of this run.`,
    '',
    `Memory slope (least squares): whole run ${g(r.growth)}; second half ${g(r.lateGrowth)}. ` +
      `After the first minute, heap ${range(r.samples, (s) => s.heapUsed)} MB and RSS ${range(r.samples, (s) => s.rss)} MB from sample to sample.`,
    '',
    `![memory during the soak run](${chartFile})`,
    '',
    table(['minute', 'heap MB', 'RSS MB'], r.samples.map((s) => [s.minute.toFixed(2), mb(s.heapUsed), mb(s.rss)])),
    '',
  ].join('\n');
}

function range(samples: readonly TrendSample[], of: (s: TrendSample) => number): string {
  const values = samples.filter((s) => s.minute >= 1).map(of);
  return values.length ? `${mb(Math.min(...values))}–${mb(Math.max(...values))}` : '–';
}

/** The heap and RSS series as an SVG line chart. */
export function soakChart(r: SoakResult): string {
  const top = Math.max(...r.samples.map((s) => s.rss)) / 1024 / 1024;
  return lineChart({
    title: 'Bot process memory during the soak run (MB, after GC)',
    xLabel: 'minutes',
    yMax: Math.ceil(top / 50) * 50,
    series: [
      { name: 'heap used', points: r.samples.map((s) => [s.minute, s.heapUsed / 1024 / 1024]) },
      { name: 'RSS', points: r.samples.map((s) => [s.minute, s.rss / 1024 / 1024]) },
    ],
  });
}
