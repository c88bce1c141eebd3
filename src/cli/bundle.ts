import { fork, type ChildProcess } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { answersAMessage } from './firstAnswer';
import { BUNDLE_FILE, CODE_CACHE_FILE, LOADER_FILE, START_FLAGS, WRITE_CODE_CACHE } from '../bundle/bundleFiles';

// The last step of `npm run build`: bundles the compiled server into one file, starts it once as
// `npm start` will (memory storage, a free port), has it answer a real message, then has it write
// V8's code cache of everything that start and that turn compiled. A bundle that cannot start or
// answer fails the build here, not at the first customer.

// Native or optional: these stay ordinary packages, loaded from node_modules.
const EXTERNAL = ['better-sqlite3', 'dtrace-provider'];
const PRIME_TIMEOUT_MS = 60_000;

async function main(): Promise<void> {
  const started = performance.now();
  await build({
    entryPoints: [join(__dirname, '..', 'index.js')],
    outfile: BUNDLE_FILE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    logLevel: 'error',
  });
  rmSync(CODE_CACHE_FILE, { force: true });
  await prime();
  const mb = (file: string) => (statSync(file).size / 2 ** 20).toFixed(1);
  console.log(`bundled the server (${mb(BUNDLE_FILE)} MB) and its code cache (${mb(CODE_CACHE_FILE)} MB); it started and answered a message; ${Math.round(performance.now() - started)} ms → ${BUNDLE_FILE}`);
}

async function prime(): Promise<void> {
  const child = fork(LOADER_FILE, ['--prime'], {
    execArgv: START_FLAGS,
    // Nothing outside this process: no Bot Framework credentials, state in memory, any free port.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', STORAGE: 'memory', LOG_LEVEL: 'info', CLOUD_STATUS_URL: '', HELPDESK_WEBHOOK_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const timer = setTimeout(() => child.kill(), PRIME_TIMEOUT_MS);
  try {
    const url = await listeningUrl(child);
    if (!(await answersAMessage(url, 'build'))) throw new Error('the bundled server did not answer a message');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.send(WRITE_CODE_CACHE);
    if ((await exited) !== 0) throw new Error('the bundled server did not write its code cache');
  } finally {
    clearTimeout(timer);
    child.kill();
  }
}

/** The URL the server logs when it listens (its first JSON log line with one). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const url = parsed(line)?.url;
      if (typeof url === 'string') resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the bundled server stopped (exit code ${code}) before it listened`)));
  });
}

function parsed(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

main().catch((err) => {
  console.error(`bundle: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
});
