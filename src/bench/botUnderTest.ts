import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { START_FLAGS } from '../bundle/bundleFiles';
import type { BotKind, CpuSample, FromBot, MemorySample, ToBot } from './botMessages';
import type { FloorShape } from './dialogFloorApp';
import type { BotProbe } from './customerLoad';

export interface BotStart {
  kind: BotKind;
  /** Settings for the bot, on top of this process's environment (e.g. STORAGE, SQLITE_FILE, LOG_LEVEL). */
  env: Record<string, string>;
  /** Pin the bot to this CPU (Linux taskset), away from the load generator. */
  cpu?: number;
  /** Write a V8 CPU profile into this folder when the bot stops. */
  cpuProfDir?: string;
  /** For the floor bot: how much of the assistant's shape it has (default the full floor). */
  floorShape?: FloorShape;
}

// pino's numeric levels: 50 error, 60 fatal.
const ERROR_LEVEL = 50;
const READY_TIMEOUT_MS = 60_000;

/** The bot in its own process (botChild.js, forked), with its port, memory and error log lines. */
export class BotUnderTest implements BotProbe {
  /** Log lines at error level or above so far (a failed turn logs one). */
  errorLines = 0;
  lastError?: string;
  private readonly waiting: Array<(m: FromBot) => void> = [];

  private constructor(readonly kind: BotKind, private readonly child: ChildProcess, readonly url: string) {}

  static async start(options: BotStart): Promise<BotUnderTest> {
    // The server's own Node flags, as `npm start` runs it, for the echo bot and the assistant alike.
    const execArgv = [...START_FLAGS, '--expose-gc', '--no-deprecation', ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [])];
    const child = fork(join(__dirname, 'botChild.js'), [options.kind, ...(options.floorShape ? [options.floorShape] : [])], {
      env: { ...process.env, PORT: '0', MicrosoftAppId: '', ...options.env },
      execArgv,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    if (options.cpu !== undefined) pinToCpu(child.pid!, options.cpu);
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${options.kind} bot did not start in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`the ${options.kind} bot exited with ${code} before it was ready`)));
      child.once('message', (m: FromBot) => {
        clearTimeout(timer);
        if (m.type === 'ready') resolve(m.port);
      });
    });
    const bot = new BotUnderTest(options.kind, child, `http://127.0.0.1:${port}`);
    bot.watch();
    return bot;
  }

  /** Error lines logged so far. */
  errors(): number {
    return this.errorLines;
  }

  /** Heap and RSS right after a full collection in the bot process. */
  async memory(): Promise<MemorySample> {
    const m = await this.ask('memory');
    if (m.type !== 'memory') throw new Error(`expected a memory sample, got ${m.type}`);
    return { heapUsed: m.heapUsed, rss: m.rss, external: m.external };
  }

  /** CPU time the bot process has used so far. */
  async cpu(): Promise<CpuSample> {
    const m = await this.ask('cpu');
    if (m.type !== 'cpu') throw new Error(`expected a CPU sample, got ${m.type}`);
    return { user: m.user, system: m.system };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.tell({ type: 'stop' });
    await exited;
  }

  // Answers come back in the order asked.
  private ask(type: 'memory' | 'cpu'): Promise<FromBot> {
    const answer = new Promise<FromBot>((resolve) => this.waiting.push(resolve));
    this.tell({ type });
    return answer;
  }

  private tell(m: ToBot): void {
    this.child.send(m);
  }

  private watch(): void {
    this.child.on('message', (m: FromBot) => this.waiting.shift()?.(m));
    // Logs stay in the bot's own format; only errors are counted (and the last one kept for the report).
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const level = /"level":(\d+)/.exec(line);
      if (level && Number(level[1]) >= ERROR_LEVEL) {
        this.errorLines += 1;
        this.lastError = line.slice(0, 500);
      }
    });
  }
}

/** Pins a process and all its threads to one CPU; false where taskset is missing. */
export function pinToCpu(pid: number, cpu: number): boolean {
  return process.platform === 'linux' && spawnSync('taskset', ['-a', '-pc', String(cpu), String(pid)], { stdio: 'ignore' }).status === 0;
}
