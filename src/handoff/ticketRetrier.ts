import type { Logger } from '../logger';
import type { HelpdeskWebhook } from './helpdeskWebhook';
import type { TicketOutbox } from './ticketOutbox';

export interface RetrierOptions {
  /** How often the outbox is looked at; also the first wait after a failure. */
  intervalMs: number;
  /** Posts in all, the first included; then the ticket is given up (and logged as an error). */
  maxAttempts?: number;
  /** The wait doubles after each failure up to this. */
  maxBackoffMs?: number;
  /** How long a claimed ticket is left to the process posting it (longer than the webhook's time limit). */
  leaseMs?: number;
  now?: () => number;
}

export interface RetryRound {
  delivered: number;
  postponed: number;
  gaveUp: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const HOUR = 60 * 60 * 1000;

/** When the next try is due after `attempts` failed posts. */
export function nextTryAt(now: number, attempts: number, intervalMs: number, maxBackoffMs = HOUR): number {
  return now + Math.min(intervalMs * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
}

/**
 * Re-posts the tickets the helpdesk could not take during the conversation, on a timer that does
 * not keep the process alive. Logs each outcome by reference only: no ticket content, no URL, no auth.
 */
export class TicketRetrier {
  private timer?: NodeJS.Timeout;
  private running?: Promise<RetryRound>;
  private readonly now: () => number;

  constructor(
    private readonly outbox: TicketOutbox,
    private readonly webhook: HelpdeskWebhook,
    private readonly logger: Logger,
    private readonly options: RetrierOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One look at the outbox; a round still running is joined rather than doubled. */
  runOnce(): Promise<RetryRound> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<RetryRound> {
    const result: RetryRound = { delivered: 0, postponed: 0, gaveUp: 0 };
    const { intervalMs, maxAttempts = DEFAULT_MAX_ATTEMPTS, maxBackoffMs = HOUR, leaseMs = 5 * 60 * 1000 } = this.options;
    try {
      for (const ticket of await this.outbox.claimDue(this.now(), leaseMs)) {
        const attempt = ticket.attempts + 1;
        const delivery = await this.webhook.post(ticket.body, ticket.reference);
        const log = { reference: ticket.reference, attempt, status: delivery.status, reason: delivery.ok ? undefined : delivery.reason };
        if (delivery.ok) {
          await this.outbox.remove(ticket.reference);
          this.logger.info(log, 'helpdesk ticket delivered on retry');
          result.delivered++;
        } else if (delivery.retry && attempt < maxAttempts) {
          await this.outbox.postpone(ticket.reference, attempt, nextTryAt(this.now(), attempt, intervalMs, maxBackoffMs));
          this.logger.warn(log, 'helpdesk still unreachable, ticket kept for later');
          result.postponed++;
        } else {
          await this.outbox.remove(ticket.reference);
          this.logger.error(log, 'helpdesk ticket given up: the case must be passed on by hand');
          result.gaveUp++;
        }
      }
    } catch (err) {
      this.logger.warn({ error: (err as Error).message }, 'helpdesk outbox could not be read or updated, trying again later');
    }
    return result;
  }
}
