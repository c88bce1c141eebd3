import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger } from './logger';
import { DataError, formatProblem } from './knowledge/dataError';
import { CONNECTOR_PATH } from './directline';
import { GracefulShutdown } from './server/gracefulShutdown';

function main(): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, logger);
  } catch (err) {
    if (err instanceof DataError) {
      const report = knowledgeReport(err, config.knowledgeDir);
      logger.fatal({ problems: err.problems }, report);
      // Plain text as well, for whoever started the bot by hand and is not reading JSON logs.
      process.stderr.write(`${report}\n`);
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
  const shutdown = new GracefulShutdown({
    server: app.server,
    logger,
    closeStores: () => app.stores.close(),
    graceMs: config.shutdownGraceMs,
    callbackPaths: [CONNECTOR_PATH],
  });
  // `once`: a second signal ends the process at once.
  const stop = (signal: NodeJS.Signals) => {
    shutdown.shutdown(signal).then(
      (outcome) => process.exit(outcome === 'drained' ? 0 : 1),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why the bot did not start, for a support lead: where the knowledge is, then one "file:line: problem" a line. */
function knowledgeReport(err: DataError, knowledgeDir: string): string {
  const count = err.problems.length === 1 ? 'a problem' : `${err.problems.length} problems`;
  return [
    `The support bot did not start: ${count} in its knowledge files (in ${knowledgeDir}).`,
    ...err.problems.map((p) => `  ${formatProblem(p)}`),
    'Fix what is listed above (file:line: problem), then start again. `npm run validate` checks the files without starting the bot.',
  ].join('\n');
}

main();
