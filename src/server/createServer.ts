import type { Server as HttpServer } from 'node:http';
import restify, { type Server } from 'restify';
import type { Activity, ActivityHandler, CloudAdapter } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../logger';
import { activityProblem } from './activityShape';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** The adapter's own: a malformed request is checked for a valid token before it is told what is wrong. */
  authentication: BotFrameworkAuthentication;
  bot: ActivityHandler;
  logger: Logger;
  /** Facts for the health check, e.g. how many articles and flows are loaded. */
  health: () => Record<string, unknown>;
  /** How long a client may take to send a whole request (headers and body); default 10 s. */
  requestTimeoutMs?: number;
}

// Bot Framework activities are small; anything bigger is not a real channel request (413).
export const MAX_BODY_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;
// Longer than the idle time of the channel's pooled connections (load balancers commonly keep 60 s).
// With Node's default of 5 s the server closes sockets a client is about to reuse, and a request sent
// on one just as an event-loop pause ends is reset unread: `npm run bench -- --soak` saw this.
const KEEP_ALIVE_MS = 65_000;

/** restify with the Bot Framework endpoint and a health check. */
export function createServer({ adapter, authentication, bot, logger, health, requestTimeoutMs = REQUEST_TIMEOUT_MS }: ServerDeps): Server {
  const server = restify.createServer({ name: 'support-assistant', handleUncaughtExceptions: false });
  limitRequestTime(server, requestTimeoutMs);
  (server.server as HttpServer).keepAliveTimeout = KEEP_ALIVE_MS;
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      // Only a caller with a valid token learns what a well-formed request looks like.
      if (await hasValidToken(authentication, req.body, req.headers.authorization)) res.send(400, { error: `expected a Bot Framework activity (${problem})` });
      else res.send(401, { error: 'unauthorized' });
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

// The adapter checks the token against the activity's channel and serviceUrl; a malformed body may
// have neither as text, and then only an anonymous local-mode request passes.
async function hasValidToken(authentication: BotFrameworkAuthentication, body: unknown, header: string | undefined): Promise<boolean> {
  const field = (name: string) => {
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : '';
  };
  try {
    await authentication.authenticateRequest({ channelId: field('channelId'), serviceUrl: field('serviceUrl') } as Activity, header ?? '');
    return true;
  } catch {
    return false;
  }
}

/**
 * A client that announces a body and never sends it would hold its connection (and the parser)
 * for Node's default of 5 minutes; Node answers 408 once the whole request has not arrived in
 * time. Node checks only every `connectionsCheckingInterval` (30 s by default, read when the
 * server starts listening), so that is shortened too. Replies that take long are not affected.
 */
function limitRequestTime(server: Server, timeoutMs: number): void {
  const http = server.server as HttpServer & { connectionsCheckingInterval: number };
  http.requestTimeout = timeoutMs;
  http.headersTimeout = Math.min(http.headersTimeout, timeoutMs);
  http.connectionsCheckingInterval = Math.min(1000, timeoutMs);
}
