import type { Request, Response, Server } from 'restify';
import type { LocalDirectLine } from './localDirectLine';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The bot's side of the local Direct Line: the serviceUrl its replies go to. The CloudAdapter posts
 * each reply to /v3/conversations/{id}/activities[/{replyToId}]; it lands in the conversation.
 */
export function registerConnectorRoutes(server: Server, local: LocalDirectLine, connectorPath: string): void {
  const activities = `${connectorPath}/v3/conversations/:conversationId/activities`;
  const receive = async (req: Request, res: Response) => receiveReply(req, res, local);
  server.post(activities, receive);
  server.post(`${activities}/:replyToId`, receive);
}

async function receiveReply(req: Request, res: Response, local: LocalDirectLine): Promise<void> {
  // Only this process sends replies, over loopback; in local mode the adapter signs nothing, so
  // this is what keeps others (when HOST opens the port) from speaking as the bot.
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    res.send(403, { error: { code: 'Forbidden', message: 'replies come from the bot only' } });
    return;
  }
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
    res.send(400, { error: { code: 'BadArgument', message: 'expected an activity' } });
    return;
  }
  const stored = local.receiveReply(req.params.conversationId, body);
  if (!stored) {
    res.send(404, { error: { code: 'BadArgument', message: 'conversation not found' } });
    return;
  }
  res.send(200, { id: stored.id });
}
