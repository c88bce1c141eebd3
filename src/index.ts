import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger } from './logger';
import { DataError } from './knowledge/dataError';

function main(): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, logger);
  } catch (err) {
    if (err instanceof DataError) {
      logger.fatal({ problems: err.problems }, `knowledge data is invalid, not starting:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  app.server.listen(config.port, config.host, () => {
    const { port } = app.server.address() as AddressInfo;
    const facts = { url: `http://${config.host}:${port}/api/messages`, localMode: config.localMode, storage: app.stores.describe };
    if (!config.localMode) logger.info(facts, 'bot listening with Bot Framework authentication');
    else if (isLoopback(config.host)) logger.info(facts, 'local mode: no MicrosoftAppId set, accepting unauthenticated requests on loopback only');
    // HOST was set on purpose; still, say loudly that anyone who can reach it may talk to the bot.
    else logger.warn(facts, `local mode on ${config.host}: no MicrosoftAppId set, accepting unauthenticated requests from anyone who can reach it`);
  });
  const stop = () => app.server.close(() => {
    app.stores.close().finally(() => process.exit(0));
  });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

main();
