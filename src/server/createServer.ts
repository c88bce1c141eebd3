import restify, { type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Facts for the health check, e.g. how many articles and flows are loaded. */
  health: () => Record<string, unknown>;
}

// Bot Framework activities are small; anything bigger is not a real channel request.
const MAX_BODY_BYTES = 256 * 1024;

/** restify with the Bot Framework endpoint and a health check. */
export function createServer({ adapter, bot, logger, health }: ServerDeps): Server {
  const server = restify.createServer({ name: 'support-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || typeof req.body.type !== 'string') {
      res.send(400, { error: 'expected a Bot Framework activity (JSON with a "type")' });
      return;
    }
    try {
      await adapter.process(req, res, (ctx) => bot.run(ctx));
    } catch (err) {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', ...health() });
  });

  server.on('restifyError', (req, _res, err, callback) => {
    logger.warn({ path: req.path(), status: err.statusCode, error: err.message }, 'bad request');
    return callback();
  });
  return server;
}
