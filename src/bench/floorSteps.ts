import { table } from '../eval/evalReport';
import { BENCH_TARGETS } from './benchTargets';
import type { BotKind } from './botMessages';
import type { FloorShape } from './dialogFloorApp';
import { median } from './latencySummary';
import { ms, pct } from './units';

/** One bot of `npm run bench -- --floors`: each step adds one part of the assistant's shape to the one before. */
export interface FloorStep {
  name: string;
  kind: BotKind;
  shape?: FloorShape;
  adds: string;
}

export const FLOOR_STEPS: readonly FloorStep[] = [
  { name: 'echo', kind: 'echo', adds: 'the framework: restify, CloudAdapter, the token check, one reply' },
  { name: 'state', kind: 'floor', shape: 'state', adds: 'conversation and user state read and saved on SQLite' },
  { name: 'state+reply', kind: 'floor', shape: 'state+reply', adds: 'a second reply (the next question)' },
  { name: 'state+reply+dialog', kind: 'floor', shape: 'state+reply+dialog', adds: 'a botbuilder-dialogs ComponentDialog runs the turn (the bench\'s floor bot)' },
  { name: 'assistant', kind: 'assistant', adds: 'the assistant\'s own work: understanding, search, flows, eTag checks, transcripts, events (rate limit off, as at saturation)' },
];

/** A step's saturation measurement in one round. */
export interface StepSample {
  turnsPerSecond: number;
  /** The bot process's CPU time per counted turn. */
  cpuMsPerTurn: number;
}

/** One round: every step's sample, keyed by step name. */
export type FloorRound = Record<string, StepSample>;

export interface StepResult {
  step: FloorStep;
  turnsPerSecond: number;
  /** Median over the rounds of the step's throughput as a share of the echo bot's in the same round. */
  shareOfEcho: number;
  cpuMsPerTurn: number;
  /** CPU per turn added to the step before (medians). */
  addedCpuMs?: number;
}

/** Medians over the rounds, step by step (a step measured in no round is left out). */
export function floorResults(rounds: readonly FloorRound[], steps: readonly FloorStep[] = FLOOR_STEPS): StepResult[] {
  let before: number | undefined;
  const measured = steps.filter((step) => rounds.some((r) => r[step.name] && r.echo));
  return measured.map((step) => {
    const samples = rounds.map((r) => ({ sample: r[step.name], echo: r.echo })).filter((s) => s.sample && s.echo);
    const cpuMsPerTurn = median(samples.map((s) => s.sample.cpuMsPerTurn));
    const result: StepResult = {
      step,
      turnsPerSecond: median(samples.map((s) => s.sample.turnsPerSecond)),
      shareOfEcho: median(samples.map((s) => s.sample.turnsPerSecond / s.echo.turnsPerSecond)),
      cpuMsPerTurn,
      addedCpuMs: before === undefined ? undefined : cpuMsPerTurn - before,
    };
    before = cpuMsPerTurn;
    return result;
  });
}

/** reports/floors.md: where the share of the echo bot's throughput goes, step by step. */
export function floorsMarkdown(rounds: readonly FloorRound[], setup: string, load: string): string {
  const results = floorResults(rounds);
  const echo = results.find((r) => r.step.kind === 'echo');
  const budget = echo ? echo.cpuMsPerTurn / BENCH_TARGETS.saturationRatio : NaN;
  return [
    '# Where the echo bot\'s throughput goes',
    '',
    `Generated ${new Date().toISOString()} by \`npm run bench -- --floors\`: ${setup}`,
    '',
    `Saturation: ${load}; ${rounds.length} rounds, the bots taking turns on fresh processes; each number is the median over the rounds. ` +
      'Each step adds one thing to the step above it.',
    '',
    table(['step', 'adds', 'turns/s', 'share of echo', 'bot CPU ms / turn', 'added ms / turn'], results.map((r) => [
      r.step.name, r.step.adds, r.turnsPerSecond.toFixed(0), pct(r.shareOfEcho), ms(r.cpuMsPerTurn), r.addedCpuMs === undefined ? '' : ms(r.addedCpuMs),
    ])),
    '',
    `The target, ${pct(BENCH_TARGETS.saturationRatio)} of the echo bot, leaves a turn about ${ms(budget)} ms of bot CPU ` +
      `(the echo's ${echo ? ms(echo.cpuMsPerTurn) : '–'} ms ÷ ${BENCH_TARGETS.saturationRatio}).`,
    '',
  ].join('\n');
}
