import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { LOADER_FILE, START_FLAGS } from '../bundle/bundleFiles';
import { loadConfig } from '../config';
import { coreFromConfig } from '../core/coreFromConfig';
import { EVAL_FILES, loadIntentSet } from '../eval/evalData';
import { TARGETS } from '../eval/targets';
import { classifyLine } from './classifyLine';
import { answersAMessage } from './firstAnswer';

// `npm run bench:understanding`: how fast `classify` is over 10,000 messages on one core, and how long
// the bot takes from process start to answering its first message. Prints numbers; asserts nothing.

const MESSAGES = 10_000;
const WARM_UP = 1_000;
const STARTS = 5;

async function main(): Promise<void> {
  const config = loadConfig();
  if (process.argv.includes('--classify-only')) return benchClassify(config);
  // Classify pinned to one core in a child process; start-up unpinned, as the bot would run.
  if (!runPinned()) benchClassify(config);
  const ready: number[] = [];
  for (let i = 0; i < STARTS; i++) ready.push(await timeToFirstAnswer(config.knowledgeDir));
  ready.sort((a, b) => a - b);
  console.log(`ready: process start → first message answered, ${STARTS} starts: median ${ready[Math.floor(STARTS / 2)]} ms, max ${ready[STARTS - 1]} ms (target < ${TARGETS.readyMs} ms)`);
}

function benchClassify(config: ReturnType<typeof loadConfig>): void {
  const root = config.knowledgeDir;
  const core = coreFromConfig(config);
  const seeds = [...loadIntentSet(root, EVAL_FILES.intentsDev), ...loadIntentSet(root, EVAL_FILES.intentsHeldout)].map((e) => e.text)
    .concat(core.knowledge.intents.flatMap((i) => i.examples));
  const messages = variedMessages(seeds, MESSAGES);
  console.log(`classify: ${MESSAGES} messages (${new Set(messages).size} distinct) from ${seeds.length} labelled and training phrases with typos added`);

  for (const m of messages.slice(0, WARM_UP)) classifyLine(core, m);
  const times: number[] = [];
  const started = performance.now();
  for (const m of messages) {
    const t = performance.now();
    classifyLine(core, m);
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const perSecond = Math.round(MESSAGES / seconds);
  console.log(`  ${perSecond} messages/s on one core (target ≥ ${TARGETS.classifyPerSecond}); per message p50 ${us(times, 0.5)} µs, p99 ${us(times, 0.99)} µs, max ${us(times, 1)} µs`);
}

// The classify part again under `taskset -c 0` where available, so "one core" is literal.
function runPinned(): boolean {
  if (process.platform !== 'linux' || spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return false;
  const run = spawnSync('taskset', ['-c', '0', process.execPath, process.argv[1], '--classify-only'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the classify benchmark failed');
  return true;
}

// Deterministic variety: each message is a seed phrase with a typo or two and some noise added.
function variedMessages(seeds: string[], n: number): string[] {
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ws = seeds[Math.floor(random() * seeds.length)].split(' ');
    const j = Math.floor(random() * ws.length);
    const w = ws[j];
    if (w.length > 3 && random() < 0.6) {
      const k = 1 + Math.floor(random() * (w.length - 2));
      ws[j] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
    }
    out.push(ws.join(' ') + (random() < 0.2 ? ' pls' : random() < 0.2 ? '!!' : ''));
  }
  return out;
}

async function timeToFirstAnswer(root: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // As `npm start` runs it: the bundle, from its code cache.
  const child = spawn(process.execPath, [...START_FLAGS, LOADER_FILE], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', MicrosoftAppId: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (await answersAMessage(`http://127.0.0.1:${port}/api/messages`, `bench-${port}`)) return Math.round(performance.now() - started);
      if (performance.now() - started > 30_000) throw new Error('the bot did not answer within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

function us(sorted: number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
