import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { UpstreamError, type AzureTokenSource, type DirectLineToken } from './azureTokenSource';
import { userIdFrom } from './ids';
import type { LocalDirectLine } from './localDirectLine';
import { selfUrl } from './selfUrl';

export interface TokenRouteDeps {
  /** Set when DIRECT_LINE_SECRET is: tokens come from Azure. */
  azure?: AzureTokenSource;
  /** Otherwise, in local mode: tokens for the local endpoint. */
  local?: { directLine: LocalDirectLine; basePath: string };
  logger: Logger;
}

export const TOKEN_PATH = '/api/directline/token';

const UNAVAILABLE = 'The chat service is not reachable right now. Please try again in a minute.';
const NOT_SET_UP = 'Web chat is not set up on this server (no Direct Line secret).';

/**
 * POST /api/directline/token: what a web page calls before opening Web Chat. Body (optional):
 * {"userId": "<an id this endpoint gave out before>"}. Answers {token, expires_in, conversationId, domain, userId}.
 */
export function registerTokenRoute(server: Server, deps: TokenRouteDeps): void {
  server.post(TOKEN_PATH, async (req, res) => {
    // Tokens are per person and short-lived: no cache may keep or share them.
    res.header('Cache-Control', 'no-store');
    const body = req.body as { userId?: unknown } | undefined;
    const userId = userIdFrom(body && typeof body === 'object' ? body.userId : undefined);
    if (deps.azure) await fromAzure(res, deps.azure, userId, deps.logger);
    else if (deps.local) res.send(200, fromLocal(req, server, deps.local, userId));
    else res.send(503, { error: NOT_SET_UP });
  });
}

async function fromAzure(res: Response, azure: AzureTokenSource, userId: string, logger: Logger): Promise<void> {
  try {
    res.send(200, await azure.tokenFor(userId));
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    logger.warn({ reason: err.message }, 'direct line token exchange failed');
    res.send(502, { error: UNAVAILABLE });
  }
}

function fromLocal(req: Request, server: Server, local: NonNullable<TokenRouteDeps['local']>, userId: string): DirectLineToken {
  const { conversation, token, expiresIn } = local.directLine.open(userId);
  return { token, expires_in: expiresIn, conversationId: conversation.id, domain: `${browserOrigin(req, server)}${local.basePath}`, userId };
}

// The browser reaches us by the Host it used; only a well-formed one is echoed back.
function browserOrigin(req: Request, server: Server): string {
  const host = req.headers.host;
  const wellFormed = typeof host === 'string' && /^([\w.-]+|\[[0-9a-fA-F:.]+\])(:\d{1,5})?$/.test(host);
  return wellFormed ? `${req.isSecure() ? 'https' : 'http'}://${host}` : selfUrl(server);
}
