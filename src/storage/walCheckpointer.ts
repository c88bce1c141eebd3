import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { SqliteDatabase } from './sqliteDatabase';

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints. */
  everyMs?: number;
  /** The module the worker opens the file with; tests pass one that fails. */
  driver?: string;
  /** WAL frames above which the worker, after copying, makes the log start over (see WORKER_SOURCE). */
  restartFrames?: number;
}

/** What one checkpoint did: frames in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// SQLite's own default, put back if the worker stops: the WAL must never grow without bound.
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
const DEFAULT_EVERY_MS = 1000;
// About 16 MB of 4 KB pages.
const DEFAULT_RESTART_FRAMES = 4000;

// Runs in the worker. PASSIVE never waits for the bot's readers or writers; what it cannot copy now,
// the next tick copies. But under steady writes new frames always arrive while it copies, so the log
// never starts over and grows without end (1.3 GB in 8 s of back-to-back writes, and reads slow as
// the WAL index grows). So once the log is long, RESTART follows: it takes the write lock, copies the
// few frames that arrived since, and makes the next write start the log from its first frame. The
// bot's writes wait for it (about 3 ms at 800 writes a second, against 19 ms for TRUNCATE).
// Errors are reported, not thrown, so one busy moment does not end the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyMs });
const run = (mode) => {
  const [result] = db.pragma('wal_checkpoint(' + mode + ')');
  return { busy: result.busy, log: result.log, checkpointed: result.checkpointed };
};
const checkpoint = () => {
  try {
    const passive = run('PASSIVE');
    return passive.log >= workerData.restartFrames ? run('RESTART') : passive;
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err && err.message || err) });
    return undefined;
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m.type === 'now') parentPort.postMessage({ type: 'done', id: m.id, result: checkpoint() });
  if (m.type === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

type FromWorker =
  | { type: 'error'; message: string }
  | { type: 'done'; id: number; result?: CheckpointResult };

/**
 * Copies the WAL back into the SQLite file from a worker thread. SQLite's automatic checkpoint runs
 * inside whichever commit crosses 1000 pages and syncs the file there, which stalls the bot's one
 * thread for 10–15 ms every few hundred turns; here the bot's own connection never checkpoints.
 * Should the worker fail or exit, the connection checkpoints itself again, as SQLite does by default.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (r: CheckpointResult | undefined) => void>();
  private nextId = 0;
  private stopping = false;
  private fellBack = false;
  private readonly exited: Promise<void>;

  constructor(private readonly db: SqliteDatabase, file: string, private readonly logger: Logger, options: WalCheckpointerOptions = {}) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: options.driver ?? require.resolve('better-sqlite3'),
        busyMs: db.pragma('busy_timeout', { simple: true }),
        everyMs: options.everyMs ?? DEFAULT_EVERY_MS,
        restartFrames: options.restartFrames ?? DEFAULT_RESTART_FRAMES,
      },
    });
    // The bot's shutdown closes it; it never keeps a process alive by itself.
    this.worker.unref();
    this.worker.on('message', (m: FromWorker) => this.received(m));
    this.worker.on('error', (err) => this.fallBack(err));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => {
      if (!this.stopping) this.fallBack(new Error('the checkpoint worker exited'));
      this.waiting.forEach((answer) => answer(undefined));
      this.waiting.clear();
      resolve();
    }));
  }

  /** One checkpoint now, in the worker; undefined if it failed. The timer needs no call; tests do. */
  checkpoint(): Promise<CheckpointResult | undefined> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ type: 'now', id });
    });
  }

  /** Ends the worker; the connection's own close then checkpoints what is left. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Held open until the worker is gone: at shutdown nothing else may be keeping the process alive.
    this.worker.ref();
    this.worker.postMessage({ type: 'stop' });
    await this.exited;
  }

  private received(m: FromWorker): void {
    if (m.type === 'error') this.logger.warn({ error: m.message }, 'WAL checkpoint failed; the next one retries');
    if (m.type === 'done') {
      this.waiting.get(m.id)?.(m.result);
      this.waiting.delete(m.id);
    }
  }

  private fallBack(err: Error): void {
    if (this.fellBack || !this.db.open) return;
    this.fellBack = true;
    this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    this.logger.error({ err }, 'WAL checkpoint worker stopped; SQLite checkpoints on commit again');
  }
}
