import { randomId } from './ids';

export type TokenCheck = { conversationId: string } | 'unknown' | 'expired';

export interface TokenBookOptions {
  now?: () => number;
  /** Azure Direct Line tokens live 30 minutes; clients refresh them halfway. */
  ttlMs?: number;
  /** Oldest tokens are forgotten past this, so refresh calls cannot grow memory without end. */
  maxTokens?: number;
}

interface Entry {
  conversationId: string;
  expiresAt: number;
}

/** Opaque bearer tokens for the local endpoint, each bound to one conversation. Map order = issue order. */
export class TokenBook {
  private readonly tokens = new Map<string, Entry>();
  private readonly now: () => number;
  readonly ttlMs: number;
  private readonly maxTokens: number;

  constructor(options: TokenBookOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.maxTokens = options.maxTokens ?? 5000;
  }

  issue(conversationId: string): { token: string; expiresIn: number } {
    this.sweep();
    const token = randomId(32);
    this.tokens.set(token, { conversationId, expiresAt: this.now() + this.ttlMs });
    return { token, expiresIn: Math.round(this.ttlMs / 1000) };
  }

  check(token: string): TokenCheck {
    const entry = this.tokens.get(token);
    if (!entry) return 'unknown';
    return entry.expiresAt <= this.now() ? 'expired' : { conversationId: entry.conversationId };
  }

  /** Seconds left on a valid token. */
  secondsLeft(token: string): number {
    const entry = this.tokens.get(token);
    return entry ? Math.max(0, Math.round((entry.expiresAt - this.now()) / 1000)) : 0;
  }

  // An expired token is kept for one more lifetime so its holder hears "expired" (403), not "unknown".
  private sweep(): void {
    for (const [token, entry] of this.tokens) {
      if (entry.expiresAt + this.ttlMs > this.now() && this.tokens.size < this.maxTokens) return;
      this.tokens.delete(token);
    }
  }
}
