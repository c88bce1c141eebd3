import { z } from 'zod';

/** What the browser gets: enough to open Web Chat, never the secret. */
export interface DirectLineToken {
  token: string;
  expires_in: number;
  conversationId: string;
  domain: string;
  userId: string;
}

/** The upstream call failed; the reason is for the log and never contains the secret. */
export class UpstreamError extends Error {}

export interface AzureTokenSourceOptions {
  secret: string;
  /** e.g. https://directline.botframework.com/v3/directline (or a regional one). */
  endpoint: string;
  timeoutMs: number;
}

const generated = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** Exchanges the Direct Line secret for a short-lived token bound to one conversation and user. */
export class AzureTokenSource {
  constructor(private readonly options: AzureTokenSourceOptions) {}

  async tokenFor(userId: string): Promise<DirectLineToken> {
    const { endpoint } = this.options;
    const answer = generated.safeParse(await this.generate(userId));
    if (!answer.success) throw new UpstreamError('Direct Line answered without a token');
    const { token, expires_in, conversationId } = answer.data;
    return { token, expires_in, conversationId, domain: endpoint, userId };
  }

  private async generate(userId: string): Promise<unknown> {
    const { secret, endpoint, timeoutMs } = this.options;
    let res: Response;
    try {
      res = await fetch(`${endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        // Binding the user id into the token stops the browser from posting as someone else.
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      throw new UpstreamError(timedOut ? `Direct Line did not answer within ${timeoutMs} ms` : 'Direct Line could not be reached');
    }
    if (!res.ok) throw new UpstreamError(`Direct Line answered ${res.status}`);
    try {
      return await res.json();
    } catch {
      throw new UpstreamError('Direct Line answered with something that is not JSON');
    }
  }
}
