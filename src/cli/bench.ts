import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchMarkdown, benchTables, cpuMsPerTurn, cpuPerTurn, firstRound, type BenchRun, type BotResults, type SaturationRound } from '../bench/benchReport';
import { BOT_KINDS, type BotKind } from '../bench/botMessages';
import { BotUnderTest, pinToCpu } from '../bench/botUnderTest';
import type { FloorShape } from '../bench/dialogFloorApp';
import { FLOOR_STEPS, floorsMarkdown, type FloorRound } from '../bench/floorSteps';
import { runLoad } from '../bench/customerLoad';
import { CUSTOMER_SCRIPTS } from '../bench/customerScripts';
import { LocalConnector } from '../bench/localConnector';
import { conversationMemory } from '../bench/memoryProbe';
import { soak, soakChart, soakMarkdown } from '../bench/soakRun';
import { TurnClient } from '../bench/turnClient';
import { loadConfig } from '../config';
import { ms } from '../bench/units';

// `npm run bench`: the echo bot, the dialog floor (echo with state, a dialog and two replies a turn),
// then the support assistant, each in its own process behind the same restify server and CloudAdapter,
// driven over HTTP by simulated customers; replies go to a local connector in this process. Prints the
// tables and writes reports/bench.md.
// `npm run bench -- --soak 600`: the assistant under a steady load for 600 s, memory every 10 s → reports/soak.md.
// `npm run bench -- --floors`: from the echo bot to the assistant one part at a time (state, a second
// reply, a dialog, the assistant's own work), saturation only, in rounds → reports/floors.md.
// Options: --quick (shorter phases), --pin (bot on CPU 1, load generator on CPU 0, with taskset), --cpu-prof
// (V8 CPU profiles of the bots into reports/profiles/), --only echo|floor|assistant.
// Not pinned by default, as a bot runs in production: V8's garbage collector and compiler work on helper
// threads, and pinned to one core with the main thread they slow each turn down (measured: about a third more CPU a turn).

const FULL = {
  saturation: { customers: 64, warmUpMs: 5_000, durationMs: 20_000 },
  // More saturation rounds after the first, the bots taking turns on fresh processes, so that a slow
  // spell of the shared host falls on all of them: the verdict takes the median of the rounds' ratios.
  rounds: { count: 3, warmUpMs: 3_000, durationMs: 8_000 },
  realistic: { customers: 200, warmUpMs: 5_000, durationMs: 30_000, thinkMs: [800, 1200] as [number, number] },
  memoryConversations: 2_000,
};
// A smoke run (--quick) while changing the bot: the same loads, shorter.
const QUICK: typeof FULL = {
  saturation: { ...FULL.saturation, warmUpMs: 2_000, durationMs: 8_000 },
  rounds: { count: 1, warmUpMs: 2_000, durationMs: 4_000 },
  realistic: { ...FULL.realistic, warmUpMs: 2_000, durationMs: 10_000 },
  memoryConversations: 500,
};
const SOAK_SAMPLE_MS = 10_000;
// The production default (.env.example): a turn's own info logging is a cost worth measuring.
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';

interface Options {
  soakSeconds?: number;
  pin: boolean;
  cpuProf: boolean;
  quick: boolean;
  floors: boolean;
  only?: BotKind;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const plans = options.quick ? QUICK : FULL;
  const root = loadConfig().knowledgeDir;
  const loadBefore = loadavg()[0];
  // With --pin the bot gets CPU 1 to itself; the customers and the connector share CPU 0.
  const pinned = options.pin && cpus().length >= 2 && pinToCpu(process.pid, 0);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const env = { STORAGE: 'sqlite', SQLITE_FILE: join(dataDir, 'support.sqlite'), LOG_LEVEL };
  const start: StartBot = (kind, extra = {}, floorShape) => BotUnderTest.start({
    kind, floorShape, env: { ...env, ...extra }, cpu: pinned ? 1 : undefined, cpuProfDir: options.cpuProf ? join(root, 'reports', 'profiles') : undefined,
  });
  const setupLine = () => `${machine()}; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; ` +
    `${pinned ? 'bot on CPU 1, load generator on CPU 0' : 'not pinned'}; LOG_LEVEL=${LOG_LEVEL}; storage sqlite (WAL).`;
  try {
    mkdirSync(join(root, 'reports'), { recursive: true });
    if (options.soakSeconds) {
      await runSoak(await start('assistant'), connector, serviceUrl, options.soakSeconds, root, setupLine);
      return;
    }
    if (options.floors) {
      const rounds = await floorRounds(start, connector, serviceUrl, plans);
      const report = floorsMarkdown(rounds, setupLine(), `${plans.saturation.customers} customers with no pause, ${plans.rounds.warmUpMs / 1000} s warm-up, then ${plans.rounds.durationMs / 1000} s counted`);
      writeFileSync(join(root, 'reports', 'floors.md'), report);
      console.log(`\n${report}\nwrote reports/floors.md`);
      return;
    }
    const bots: Partial<Record<BotKind, BotResults>> = {};
    for (const kind of BOT_KINDS) {
      if (options.only && options.only !== kind) continue;
      bots[kind] = await measure(kind, start, connector, serviceUrl, plans);
    }
    if (!bots.echo || !bots.assistant) return;
    const rounds = [firstRound(bots), ...(await saturationRounds(start, connector, serviceUrl, plans))];
    const run: BenchRun = {
      setup: {
        generatedAt: new Date().toISOString(), machine: machine(), load: [loadBefore, loadavg()[0]], pinned, logLevel: LOG_LEVEL,
        storage: 'SQLite (WAL, synchronous=NORMAL) in a temporary file',
        saturation: `${plans.saturation.customers} customers, no pause between messages; ${plans.saturation.warmUpMs / 1000} s warm-up, then ${plans.saturation.durationMs / 1000} s counted; ` +
          `then ${plans.rounds.count} more rounds of ${plans.rounds.warmUpMs / 1000} s warm-up and ${plans.rounds.durationMs / 1000} s counted, the bots taking turns`,
        realistic: `${plans.realistic.customers} customers pausing ${plans.realistic.thinkMs.join('–')} ms before each message (about ${plans.realistic.customers} turns/s offered); ` +
          `${plans.realistic.warmUpMs / 1000} s warm-up, then ${plans.realistic.durationMs / 1000} s counted`,
      },
      bots: { echo: bots.echo, assistant: bots.assistant, floor: bots.floor },
      rounds,
    };
    console.log(`\n${benchTables(run)}\n`);
    writeFileSync(join(root, 'reports', 'bench.md'), benchMarkdown(run));
    console.log('wrote reports/bench.md');
  } finally {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type StartBot = (kind: BotKind, env?: Record<string, string>, floorShape?: FloorShape) => Promise<BotUnderTest>;

/** Further saturation rounds, each bot in turn on a fresh process: turns per second only. */
async function saturationRounds(start: StartBot, connector: LocalConnector, serviceUrl: string, plans: typeof FULL): Promise<SaturationRound[]> {
  const rounds: SaturationRound[] = [];
  for (let n = 2; n <= plans.rounds.count + 1; n++) {
    const round: SaturationRound = {};
    for (const kind of BOT_KINDS) {
      round[kind] = await withBot(await start(kind, NO_RATE_LIMIT), connector, serviceUrl, async (client, bot) => {
        const result = await runLoad(client, CUSTOMER_SCRIPTS, { ...plans.saturation, ...plans.rounds, name: `${kind}-round${n}` }, bot);
        return result.turnsPerSecond;
      });
    }
    console.log(`saturation round ${n}: ${BOT_KINDS.map((kind) => `${kind} ${round[kind]?.toFixed(0)}`).join(', ')} turns/s`);
    rounds.push(round);
  }
  return rounds;
}

// A customer with no pause is over the per-conversation rate limit by design, and the limiter would
// drop most of the saturation turns unanswered; saturation measures the work of answering, so the
// limit is off there. The realistic load runs with the production settings, limit included.
const NO_RATE_LIMIT = { RATE_LIMIT_BURST: '0' };

/** `--floors`: every step from the echo bot to the assistant at saturation, in rounds, the steps taking turns on fresh processes. */
async function floorRounds(start: StartBot, connector: LocalConnector, serviceUrl: string, plans: typeof FULL): Promise<FloorRound[]> {
  const rounds: FloorRound[] = [];
  for (let n = 1; n <= plans.rounds.count + 1; n++) {
    const round: FloorRound = {};
    for (const step of FLOOR_STEPS) {
      round[step.name] = await withBot(await start(step.kind, NO_RATE_LIMIT, step.shape), connector, serviceUrl, async (client, bot) => {
        const result = await runLoad(client, CUSTOMER_SCRIPTS, { ...plans.saturation, ...plans.rounds, name: `floors-${step.name}-${n}` }, bot);
        return { turnsPerSecond: result.turnsPerSecond, cpuMsPerTurn: cpuMsPerTurn(result) ?? NaN };
      });
    }
    console.log(`floors round ${n}: ${FLOOR_STEPS.map((step) => `${step.name} ${round[step.name].turnsPerSecond.toFixed(0)}`).join(', ')} turns/s`);
    rounds.push(round);
  }
  return rounds;
}

/** Saturation on one bot process; the realistic load, then memory per conversation, on a fresh one. */
async function measure(kind: BotKind, start: StartBot, connector: LocalConnector, serviceUrl: string, plans: typeof FULL): Promise<BotResults> {
  const { saturation: sat, realistic: real } = plans;
  const saturation = await withBot(await start(kind, NO_RATE_LIMIT), connector, serviceUrl, async (client, bot) => {
    console.log(`${kind}: saturation (${sat.customers} customers, ${(sat.warmUpMs + sat.durationMs) / 1000} s)…`);
    const result = await runLoad(client, CUSTOMER_SCRIPTS, { ...sat, name: `${kind}-saturation` }, bot);
    console.log(`  ${result.turnsPerSecond.toFixed(0)} turns/s, p99 ${ms(result.p99)} ms, bot CPU ${cpuPerTurn(result)} ms/turn`);
    return result;
  });
  return withBot(await start(kind), connector, serviceUrl, async (client, bot) => {
    console.log(`${kind}: realistic (${real.customers} customers, ${(real.warmUpMs + real.durationMs) / 1000} s)…`);
    const realistic = await runLoad(client, CUSTOMER_SCRIPTS, { ...real, name: `${kind}-realistic` }, bot);
    console.log(`  ${realistic.turnsPerSecond.toFixed(0)} turns/s, p99 ${ms(realistic.p99)} ms, bot CPU ${cpuPerTurn(realistic)} ms/turn`);
    console.log(`${kind}: memory with ${plans.memoryConversations} conversations left mid-flow…`);
    const memory = await conversationMemory({
      client, memory: () => bot.memory(), script: CUSTOMER_SCRIPTS[1], turns: 3, conversations: plans.memoryConversations, concurrency: 32,
    });
    return { saturation, realistic, memory };
  });
}

/** Runs `work` with a client for the bot, then stops the bot (and shows its last logged error, if any). */
async function withBot<T>(bot: BotUnderTest, connector: LocalConnector, serviceUrl: string, work: (client: TurnClient, bot: BotUnderTest) => Promise<T>): Promise<T> {
  const client = new TurnClient(bot.url, connector, serviceUrl, FULL.realistic.customers);
  try {
    return await work(client, bot);
  } finally {
    if (bot.lastError) console.log(`  ${bot.errorLines} error lines in the ${bot.kind} bot's log; the last: ${bot.lastError}`);
    client.close();
    await bot.stop();
  }
}

async function runSoak(bot: BotUnderTest, connector: LocalConnector, serviceUrl: string, seconds: number, root: string, setup: () => string): Promise<void> {
  await withBot(bot, connector, serviceUrl, async (client) => {
    console.log(`assistant: soak, ${FULL.realistic.customers} customers for ${seconds} s, memory every ${SOAK_SAMPLE_MS / 1000} s`);
    const result = await soak(
      { client, scripts: CUSTOMER_SCRIPTS, bot },
      { ...FULL.realistic, name: 'soak', warmUpMs: 0, durationMs: seconds * 1000 },
      SOAK_SAMPLE_MS,
    );
    writeFileSync(join(root, 'reports', 'soak.svg'), soakChart(result));
    const report = soakMarkdown(result, `Generated ${new Date().toISOString()} by \`npm run bench -- --soak ${seconds}\`: ${setup()}`, 'soak.svg');
    writeFileSync(join(root, 'reports', 'soak.md'), report);
    console.log(`\n${report}\nwrote reports/soak.md and reports/soak.svg`);
  });
}

function parseArgs(args: string[]): Options {
  const options: Options = { pin: false, cpuProf: false, quick: false, floors: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--pin') options.pin = true;
    else if (arg === '--cpu-prof') options.cpuProf = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--floors') options.floors = true;
    else if (arg === '--soak') options.soakSeconds = positive(args[++i], '--soak');
    else if (arg === '--only' && BOT_KINDS.includes(args[i + 1] as BotKind)) options.only = args[++i] as BotKind;
    else throw new Error(`unknown option "${arg}" (use --soak SECONDS, --floors, --quick, --pin, --cpu-prof, --only ${BOT_KINDS.join('|')})`);
  }
  return options;
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a number of seconds`);
  return n;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
