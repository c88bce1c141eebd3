import type { Request, Response, Server } from 'restify';
import { CLIENT_ACTIVITY_TYPES } from './botActivities';
import { activityContentProblem } from '../server/activityShape';
import { accessFor, directLineError, isDenied, type DirectLineError } from './conversationAccess';
import type { Conversation } from './conversationStore';
import { newUserId } from './ids';
import type { LocalDirectLine } from './localDirectLine';

/**
 * The Direct Line 3.0 client API (what Web Chat and botframework-directlinejs call) under basePath.
 * Polling only: no streamUrl is given, so clients must use `webSocket: false`.
 */
export function registerLocalDirectLine(server: Server, local: LocalDirectLine, basePath: string): void {
  const conversations = `${basePath}/conversations`;
  const one = `${conversations}/:conversationId`;

  server.post(conversations, async (req, res) => startConversation(req, res, local));
  server.get(one, async (req, res) => withAccess(req, res, local, async (c, token) => res.send(200, conversationInfo(local, c, token))));
  server.post(`${one}/activities`, async (req, res) => withAccess(req, res, local, (c) => postActivity(req, res, local, c)));
  server.get(`${one}/activities`, async (req, res) =>
    withAccess(req, res, local, async (c) => {
      res.send(200, local.store.since(c, new URLSearchParams(req.getQuery()).get('watermark')));
    }),
  );
  server.post(`${basePath}/tokens/refresh`, async (req, res) =>
    withAccess(req, res, local, async (c) => {
      const { token } = local.tokens.issue(c.id);
      res.send(200, conversationInfo(local, c, token));
    }),
  );
}

async function withAccess(
  req: Request, res: Response, local: LocalDirectLine, handle: (c: Conversation, token: string) => Promise<void>,
): Promise<void> {
  const access = accessFor(req, local, req.params.conversationId);
  if (isDenied(access)) return deny(res, access);
  await handle(access.conversation, access.token);
}

// With a token (from the token endpoint) this starts that token's conversation; without one it opens
// a new conversation, as there is no secret to present locally.
async function startConversation(req: Request, res: Response, local: LocalDirectLine): Promise<void> {
  let conversation: Conversation;
  let token: string;
  if (!req.headers.authorization) {
    ({ conversation, token } = local.open(newUserId()));
  } else {
    const access = accessFor(req, local);
    if (isDenied(access)) return deny(res, access);
    ({ conversation, token } = access);
  }
  const isNew = !conversation.started;
  await local.start(conversation);
  res.send(isNew ? 201 : 200, conversationInfo(local, conversation, token));
}

async function postActivity(req: Request, res: Response, local: LocalDirectLine, conversation: Conversation): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body) || !CLIENT_ACTIVITY_TYPES.has(body.type as string)) {
    return deny(res, directLineError(400, 'BadArgument', 'expected an activity of type message, event or typing'));
  }
  // The same field types /api/messages insists on, so nothing malformed reaches the bot this way either.
  const problem = activityContentProblem(body);
  if (problem) return deny(res, directLineError(400, 'BadArgument', `not a valid activity (${problem})`));
  if (!conversation.started) await local.start(conversation);
  try {
    const stored = await local.post(conversation, body);
    res.send(200, { id: stored.id });
  } catch {
    // Logged by LocalDirectLine; the client hears what real Direct Line says when the bot fails.
    deny(res, directLineError(502, 'BotError', 'the bot did not take the activity'));
  }
}

function conversationInfo(local: LocalDirectLine, conversation: Conversation, token: string) {
  return { conversationId: conversation.id, token, expires_in: local.tokens.secondsLeft(token) };
}

function deny(res: Response, error: DirectLineError): void {
  res.send(error.status, error.body);
}
