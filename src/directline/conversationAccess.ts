import type { Request } from 'restify';
import { bearerToken } from './bearer';
import type { Conversation } from './conversationStore';
import type { LocalDirectLine } from './localDirectLine';

export interface DirectLineError {
  status: number;
  body: { error: { code: string; message: string } };
}

export type Access = { conversation: Conversation; token: string } | DirectLineError;

// Direct Line's error shape; directlinejs reads only the status (403 = token expired, 404 = ended).
export function directLineError(status: number, code: string, message: string): DirectLineError {
  return { status, body: { error: { code, message } } };
}

/**
 * Checks the bearer token of a request, and that it belongs to the conversation in the URL when
 * there is one: 401 no or unknown token, 403 expired, 404 conversation gone, 401 someone else's.
 */
export function accessFor(req: Request, local: LocalDirectLine, conversationId?: string): Access {
  const token = bearerToken(req);
  const check = token ? local.tokens.check(token) : 'unknown';
  if (!token || check === 'unknown') return directLineError(401, 'BadArgument', 'missing or unknown token');
  if (check === 'expired') return directLineError(403, 'TokenExpired', 'the token has expired');
  const conversation = local.store.get(conversationId ?? check.conversationId);
  if (!conversation) return directLineError(404, 'BadArgument', 'conversation not found');
  if (conversation.id !== check.conversationId) return directLineError(401, 'BadArgument', 'the token is not for this conversation');
  return { conversation, token };
}

export function isDenied(access: Access): access is DirectLineError {
  return 'status' in access;
}
