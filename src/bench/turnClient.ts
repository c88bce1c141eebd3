import { Agent, request } from 'node:http';
import type { LocalConnector, PendingTurn } from './localConnector';

/** How one turn went, as a customer would see it. */
export interface TurnOutcome {
  /** What the customer waits for, as issue 6 defines it: POST sent → its last reply received (ms); → the answer, for a turn with none. */
  latencyMs: number;
  /** POST sent → the bot answered the POST (ms): the channel's wait, which also covers the turn's writes after its replies. */
  answeredMs: number;
  /** The bot's HTTP status, or 0 when the request failed. */
  status: number;
  /** What went wrong, when something did: "HTTP 503", "ECONNRESET", … */
  error?: string;
  replies: number;
  /** No reply at all (within LOST_AFTER_MS of the bot's answer). */
  lost: boolean;
  /** A reply came after the bot had already answered the POST. */
  replyAfterAnswer: boolean;
}

// How long after the bot answers the POST a turn with no reply yet may still get one before it counts as lost.
const LOST_AFTER_MS = 1000;

/**
 * Sends customers' messages to the bot over HTTP as a channel would (POST /api/messages, replies
 * to the local connector's serviceUrl), one keep-alive connection per customer.
 */
export class TurnClient {
  private readonly agent: Agent;
  private readonly target: URL;
  private sent = 0;

  constructor(botUrl: string, private readonly connector: LocalConnector, private readonly serviceUrl: string, customers: number) {
    this.target = new URL('/api/messages', botUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: customers });
  }

  async send(conversationId: string, text: string, channelId: string): Promise<TurnOutcome> {
    this.sent += 1;
    const id = `m${this.sent}`;
    const turn = this.connector.expect(conversationId, id);
    const body = JSON.stringify({
      type: 'message', id, text, channelId, serviceUrl: this.serviceUrl, locale: 'en-GB', timestamp: new Date().toISOString(),
      from: { id: `user-${conversationId}`, name: 'Customer' }, recipient: { id: 'bot', name: 'Support' },
      conversation: { id: conversationId },
    });
    const started = performance.now();
    try {
      const status = await this.post(body);
      const answeredAt = performance.now();
      const repliesAtAnswer = turn.replies;
      if (turn.replies === 0) await replyWithin(turn, LOST_AFTER_MS);
      const lastSeen = turn.lastReplyAt ?? answeredAt;
      const error = status >= 200 && status <= 299 ? undefined : `HTTP ${status}`;
      return {
        latencyMs: lastSeen - started, answeredMs: answeredAt - started, status, error,
        replies: turn.replies, lost: turn.replies === 0, replyAfterAnswer: turn.replies > repliesAtAnswer,
      };
    } catch (err) {
      const error = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      const failedAt = performance.now() - started;
      return { latencyMs: failedAt, answeredMs: failedAt, status: 0, error, replies: turn.replies, lost: turn.replies === 0, replyAfterAnswer: false };
    } finally {
      this.connector.forget(conversationId, id);
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private post(body: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(this.target, {
        method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

function replyWithin(turn: PendingTurn, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    turn.onReply = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}
