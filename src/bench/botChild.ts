import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { loadConfig, type Config } from '../config';
import { coreFromConfig } from '../core/coreFromConfig';
import { createLogger, type Logger } from '../logger';
import { BOT_KINDS, type BotKind, type FromBot, type MemorySample, type ToBot } from './botMessages';
import { createDialogFloorApp, FLOOR_SHAPES, FULL_FLOOR, type FloorShape } from './dialogFloorApp';
import { createEchoApp } from './echoApp';

// The bot under test in its own process (forked by `npm run bench`), so the load generator does not
// share its event loop. Settings come from the environment like `npm start`; argv[2] picks the bot
// and argv[3] the floor bot's shape (the full floor when absent).

interface Running {
  server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown; close(cb: () => void): unknown };
  close(): Promise<void>;
}

function start(kind: BotKind, config: Config, logger: Logger, shape: FloorShape): Running {
  if (kind === 'assistant') {
    const app = createApp(config, logger);
    return { server: app.server, close: () => app.stores.close() };
  }
  const wording = coreFromConfig(config, logger).wording;
  return kind === 'echo' ? createEchoApp(config, logger, wording) : createDialogFloorApp(config, logger, wording, shape);
}

function memory(): MemorySample {
  // Twice: the first pass can leave objects that only become garbage once finalizers have run.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the bench bot needs --expose-gc');
  gc();
  gc();
  const { heapUsed, rss, external } = process.memoryUsage();
  return { heapUsed, rss, external };
}

/**
 * Makes the deprecated Buffer() cost here what it costs in the bundle `npm start` runs. restify calls
 * it on every request, and Node then captures a stack to see whether the call comes from node_modules,
 * for up to 10,000 calls, unless it has seen one from outside (after which it never checks again). In
 * the bundle restify is outside node_modules, so only the first request pays; here restify is a
 * package, and every request would pay without this one call: measured, the echo bot answered 1,349
 * turns/s with it and 1,291 without (medians of three runs each, in turns); the assistant, 510–527 either way.
 */
function deprecatedBufferAsInTheBundle(): void {
  (Buffer as unknown as (size: number) => Buffer)(0);
}

function main(): void {
  deprecatedBufferAsInTheBundle();
  const kind = process.argv[2] as BotKind;
  const shape = (process.argv[3] ?? FULL_FLOOR) as FloorShape;
  if (!BOT_KINDS.includes(kind)) throw new Error(`unknown bot "${kind}" (${BOT_KINDS.join(', ')})`);
  if (!FLOOR_SHAPES.includes(shape)) throw new Error(`unknown floor shape "${shape}" (${FLOOR_SHAPES.join(', ')})`);
  const config = loadConfig();
  const app = start(kind, config, createLogger(config.logLevel), shape);
  const send = (m: FromBot) => process.send?.(m);
  app.server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (app.server.address() as AddressInfo).port }));
  process.on('message', (m: ToBot) => {
    if (m.type === 'memory') send({ type: 'memory', ...memory() });
    if (m.type === 'cpu') send({ type: 'cpu', ...process.cpuUsage() });
    // A normal exit, so --cpu-prof writes its profile.
    if (m.type === 'stop') app.server.close(() => void app.close().finally(() => process.exit(0)));
  });
  // The load generator went away: do not linger.
  process.on('disconnect', () => process.exit(0));
}

main();
