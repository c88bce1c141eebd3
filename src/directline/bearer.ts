import type { Request } from 'restify';

/** The token of an "Authorization: Bearer <token>" header, if there is one. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
