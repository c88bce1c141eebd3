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
    logger.info(
      { url: `http://${config.host}:${config.port}/api/messages`, localMode: config.localMode },
      config.localMode
        ? 'local mode: no MicrosoftAppId set, accepting unauthenticated requests on loopback only'
        : 'bot listening with Bot Framework authentication',
    );
  });
  const stop = () => app.server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
