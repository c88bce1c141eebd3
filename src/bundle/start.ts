import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { BUNDLE_FILE as BUNDLE, CODE_CACHE_FILE, WRITE_CODE_CACHE } from './bundleFiles';

/**
 * `npm start`: runs the server as the one file `npm run build` bundles (server.js, beside this),
 * compiled from the V8 code cache the build made by starting it once. A start then skips finding,
 * reading and compiling some 1,500 module files, most of its time to the first answer.
 * The cache is only a speed-up: a Node whose V8 rejects it compiles the bundle as usual.
 *
 * With `--prime` (the build's own start), it writes that cache when its parent asks, then exits.
 */
function start(): Script {
  const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData: cachedCode() });
  const module = new Module(BUNDLE);
  module.filename = BUNDLE;
  // The bundle runs as a CommonJS module of this folder: its require finds better-sqlite3 and the other external packages.
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
  return script;
}

function cachedCode(): Buffer | undefined {
  try {
    return readFileSync(CODE_CACHE_FILE);
  } catch {
    return undefined;
  }
}

const script = start();
if (process.argv.includes('--prime')) {
  process.on('message', (message) => {
    if (message !== WRITE_CODE_CACHE) return;
    writeFileSync(CODE_CACHE_FILE, script.createCachedData());
    process.exit(0);
  });
}
