import { table } from '../eval/evalReport';
import { BENCH_TARGETS } from './benchTargets';
import { BOT_KINDS, type BotKind } from './botMessages';
import { median, type LoadSummary } from './latencySummary';
import type { ConversationMemory } from './memoryProbe';
import { kb, mb, ms, pct } from './units';

export interface BotResults {
  saturation: LoadSummary;
  realistic: LoadSummary;
  memory: ConversationMemory;
}

/** How the run was set up, so two reports can be compared fairly. */
export interface BenchSetup {
  generatedAt: string;
  machine: string;
  /** 1-minute load average before and after the run. */
  load: [number, number];
  pinned: boolean;
  logLevel: string;
  storage: string;
  saturation: string;
  realistic: string;
}

/** Saturation turns per second of each bot in one round. */
export type SaturationRound = Partial<Record<BotKind, number>>;

export interface BenchRun {
  setup: BenchSetup;
  /** The dialog floor is left out of a run that did not measure it. */
  bots: Record<Exclude<BotKind, 'floor'>, BotResults> & { floor?: BotResults };
  /** Saturation rounds, the first being the one in `bots`; the ratio target is judged on their median. */
  rounds?: SaturationRound[];
}

export interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

/** Each target of issue 6 with the value measured and whether it is met. */
export function verdicts(run: BenchRun): Verdict[] {
  const { bots } = run;
  const ratio = medianRatio(run);
  const real = bots.assistant.realistic;
  const perConversation = bots.assistant.memory.heapPerConversation;
  return [
    { target: `assistant ≥ ${pct(BENCH_TARGETS.saturationRatio)} of the echo bot's saturation throughput${run.rounds && run.rounds.length > 1 ? ' (median of the rounds)' : ''}`, value: pct(ratio), met: ratio >= BENCH_TARGETS.saturationRatio },
    { target: `realistic load: p99 < ${BENCH_TARGETS.realisticP99Ms} ms`, value: `${ms(real.p99)} ms`, met: real.p99 < BENCH_TARGETS.realisticP99Ms },
    { target: 'realistic load: no errors, no lost turns', value: `${real.errors} errors, ${real.lost} lost`, met: real.errors === 0 && real.lost === 0 },
    { target: `memory per active conversation < ${kb(BENCH_TARGETS.bytesPerConversation)} KB (heap)`, value: `${kb(perConversation)} KB`, met: perConversation < BENCH_TARGETS.bytesPerConversation },
  ];
}

/** The bots the run measured, in the order they ran. */
function measured(run: BenchRun): Array<[BotKind, BotResults]> {
  return BOT_KINDS.flatMap((kind) => (run.bots[kind] ? [[kind, run.bots[kind]] as [BotKind, BotResults]] : []));
}

/** What the errors were, for each load that had any. */
function errorLines(run: BenchRun): string[] {
  return (['saturation', 'realistic'] as const).flatMap((load) => measured(run).flatMap(([kind, results]) => {
    const kinds = errorKindsText(results[load]);
    return kinds ? [`Errors, ${load} ${kind}: ${kinds}`, ''] : [];
  }));
}

/** E.g. "HTTP 408 ×6, ECONNRESET ×1"; empty when there were none. */
export function errorKindsText(s: LoadSummary): string {
  return Object.entries(s.errorKinds).map(([kind, n]) => `${kind} ×${n}`).join(', ');
}

/** The bot's CPU time per counted turn (ms): steadier than turns/s on a machine others use too. */
export function cpuPerTurn(s: LoadSummary): string {
  const cpu = cpuMsPerTurn(s);
  return cpu === undefined ? '–' : ms(cpu);
}

export function cpuMsPerTurn(s: LoadSummary): number | undefined {
  return s.turns ? (s.botCpu * s.seconds * 1000) / s.turns : undefined;
}

/** The bots' saturation turns per second in the run's first (full) measurement. */
export function firstRound(bots: Partial<Record<BotKind, BotResults>>): SaturationRound {
  return Object.fromEntries(Object.entries(bots).map(([kind, r]) => [kind, r.saturation.turnsPerSecond]));
}

/** A bot's saturation throughput as a share of the echo bot's. */
export function saturationRatio(bots: BenchRun['bots'], kind: BotKind = 'assistant'): number {
  return roundRatio(firstRound(bots), kind) ?? 0;
}

/** A round's throughput of `kind` as a share of the echo bot's in the same round. */
export function roundRatio(round: SaturationRound, kind: BotKind = 'assistant'): number | undefined {
  const [of, echo] = [round[kind], round.echo];
  return of !== undefined && echo ? of / echo : undefined;
}

/** The median over the rounds of `kind`'s share of the echo bot's throughput (the one run's, without rounds). */
export function medianRatio(run: BenchRun, kind: BotKind = 'assistant'): number {
  const ratios = (run.rounds ?? []).map((r) => roundRatio(r, kind)).filter((r): r is number => r !== undefined);
  return ratios.length === 0 ? saturationRatio(run.bots, kind) : median(ratios);
}

function roundsTable(run: BenchRun): string[] {
  const rounds = run.rounds ?? [];
  if (rounds.length < 2) return [];
  const kinds = BOT_KINDS.filter((kind) => rounds.some((r) => r[kind] !== undefined));
  const ratioKinds = kinds.filter((kind) => kind !== 'echo');
  const rows = rounds.map((r, i) => [String(i + 1), ...kinds.map((kind) => r[kind]?.toFixed(0) ?? '–'), ...ratioKinds.map((kind) => pct(roundRatio(r, kind) ?? 0))]);
  rows.push(['median', ...kinds.map(() => ''), ...ratioKinds.map((kind) => `**${pct(medianRatio(run, kind))}**`)]);
  return [
    'Saturation rounds (turns/s; round 1 is the table above; the bots take turns on fresh processes, so a slow spell of the host falls on all of them):',
    '',
    table(['round', ...kinds, ...ratioKinds.map((kind) => `${kind} / echo`)], rows),
    '',
  ];
}

/** The tables `npm run bench` prints and writes to reports/bench.md. */
export function benchTables(run: BenchRun): string {
  const loads = (['saturation', 'realistic'] as const).flatMap((load) => measured(run).map(([kind, results]) => {
    const s = results[load];
    return [
      load, kind, s.turnsPerSecond.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ms(s.answeredP99), String(s.errors), String(s.lost), String(s.repliesAfterAnswer),
      String(s.turns), (s.turns ? s.replies / s.turns : 0).toFixed(2), pct(s.botCpu), cpuPerTurn(s), pct(s.loadGeneratorCpu),
    ];
  }));
  const memory = measured(run).map(([kind, results]) => {
    const m = results.memory;
    return [kind, String(m.conversations), mb(m.before.heapUsed), mb(m.after.heapUsed), kb(m.heapPerConversation), mb(m.before.rss), mb(m.after.rss), kb(m.rssPerConversation)];
  });
  return [
    table(['load', 'bot', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'POST answered p99 ms', 'errors', 'lost', 'replies after answer', 'turns counted', 'replies / turn', 'bot CPU', 'bot CPU ms / turn', 'load generator CPU'], loads),
    '',
    ...errorLines(run),
    `Saturation throughput, assistant / echo: **${pct(saturationRatio(run.bots))}**`,
    ...(run.bots.floor ? ['', `Saturation throughput, dialog floor / echo: ${pct(saturationRatio(run.bots, 'floor'))} (state, a dialog and two replies a turn: the framework's part of the assistant's work, none of its own)`] : []),
    '',
    ...roundsTable(run),
    table(['bot', 'conversations left open', 'heap before MB', 'heap after MB', 'heap KB / conversation', 'RSS before MB', 'RSS after MB', 'RSS KB / conversation'], memory),
    '',
    table(['target', 'measured', ''], verdicts(run).map((v) => [v.target, v.value, v.met ? 'PASS' : '**MISS**'])),
  ].join('\n');
}

/** reports/bench.md: the setup, the tables, and what each number means. */
export function benchMarkdown(run: BenchRun): string {
  const s = run.setup;
  return [
    '# Load benchmark',
    '',
    `Generated ${s.generatedAt} by \`npm run bench\` on ${s.machine}; load average ${s.load[0].toFixed(2)} before, ${s.load[1].toFixed(2)} after. ` +
      `Bot ${s.pinned ? 'pinned to CPU 1 and load generator to CPU 0 (taskset)' : 'and load generator not pinned to CPUs (they share the machine)'}; LOG_LEVEL=${s.logLevel}; assistant storage: ${s.storage}.`,
    '',
    `- **saturation**: ${s.saturation}`,
    `- **realistic**: ${s.realistic}`,
    '- **echo** answers each message with its text: the framework\'s floor. **floor** (when measured) adds what any bot of the assistant\'s shape ' +
      'needs from the framework and nothing of the assistant\'s own: conversation and user state on the same storage, a botbuilder-dialogs ' +
      'ComponentDialog (waterfall and text prompt) continued by every message, two replies a turn (the assistant sends 1.8).',
    '- Each load runs on a fresh bot process. Saturation runs with the per-conversation rate limit off (`RATE_LIMIT_BURST=0`): a customer ' +
      'with no pause is over it by design and would mostly be dropped; the realistic load runs with the production settings, limit included.',
    '- **turn latency** (p50 to max), as issue 6 defines it: from sending POST /api/messages to receiving the last reply the bot posted to the local ' +
      'connector for it: what the customer waits for. **POST answered p99**: from sending the POST to the bot\'s answer to it, what the channel waits ' +
      'for; it also covers the turn\'s writes after its replies (the transcript and the turn\'s events). CloudAdapter posts the replies during the turn, ' +
      'before it answers the POST; "replies after answer" counts turns where that did not hold. Reports before 2026-12-07 08:00 gave the later of the two as the turn latency.',
    '- **lost turn**: a turn that got no reply within a second of the bot\'s answer. **errors**: answers other than 2xx, failed requests and error lines in the bot\'s log.',
    '- **memory per conversation**: heap (and RSS) after a full GC in the bot process, before and after starting that many conversations and leaving them mid-flow. ' +
      'The target is checked on the heap: the state lives in SQLite on disk, and RSS moves by tens of MB with the allocator and SQLite\'s page cache, more than 2,000 small conversations add.',
    '',
    benchTables(run),
    '',
  ].join('\n');
}
