import type { Json } from './ticketTemplate';

export interface WebhookSettings {
  url: string;
  /** The header that carries `auth`, e.g. Authorization or X-Api-Key. */
  authHeader: string;
  auth?: string;
  timeoutMs: number;
}

/** How a post went. `retry` says whether trying again later can help (down, slow, overloaded). */
export type Delivery =
  | { ok: true; status: number }
  | { ok: false; retry: boolean; reason: 'timeout' | 'unreachable' | 'status'; status?: number };

/**
 * Posts tickets to the helpdesk's webhook: JSON, the auth header from the settings, an
 * Idempotency-Key (the case reference) so a retry after a lost answer does not open a second
 * ticket, and a time limit. Never throws; the result says what happened.
 */
export class HelpdeskWebhook {
  constructor(private readonly settings: WebhookSettings) {}

  async post(body: Json, idempotencyKey: string): Promise<Delivery> {
    const { url, authHeader, auth, timeoutMs } = this.settings;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': idempotencyKey };
    if (auth) headers[authHeader] = auth;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      // The body is not needed; reading it frees the connection.
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true, status: res.status };
      return { ok: false, retry: res.status >= 500 || res.status === 408 || res.status === 429, reason: 'status', status: res.status };
    } catch (err) {
      const name = (err as Error).name;
      return { ok: false, retry: true, reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
    }
  }
}
