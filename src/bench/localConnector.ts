import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One turn as the connector sees it: how many replies came for it and when the last one did. */
export interface PendingTurn {
  replies: number;
  lastReplyAt?: number;
  /** Called on each reply (the sender waits on it for a turn answered without any reply yet). */
  onReply?: () => void;
}

// The Bot Framework REST path a reply to an activity is posted to.
const REPLY_PATH = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/;

/**
 * A local stand-in for the Bot Framework channel service: an HTTP server that takes the bot's
 * replies (POST /v3/conversations/{conversationId}/activities/{replyToId}) and counts them against
 * the turn they answer.
 */
export class LocalConnector {
  /** Replies that matched no turn still waited for (late, or for an unknown activity). */
  unmatched = 0;
  private readonly turns = new Map<string, PendingTurn>();
  private readonly server: Server = createServer((req, res) => this.receive(req, res));
  private replyCount = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Starts counting replies to `activityId` in `conversationId`. */
  expect(conversationId: string, activityId: string): PendingTurn {
    const turn: PendingTurn = { replies: 0 };
    this.turns.set(key(conversationId, activityId), turn);
    return turn;
  }

  /** Stops counting for the turn (it is done, or given up). */
  forget(conversationId: string, activityId: string): void {
    this.turns.delete(key(conversationId, activityId));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const path = REPLY_PATH.exec(req.url ?? '');
    // The body is the reply activity; what counts here is which turn it answers, which the path says.
    req.resume();
    req.on('end', () => {
      const at = performance.now();
      if (req.method !== 'POST' || !path) {
        res.writeHead(404);
        res.end();
        return;
      }
      const turn = this.turns.get(key(decodeURIComponent(path[1]), decodeURIComponent(path[2])));
      if (turn) {
        turn.replies += 1;
        turn.lastReplyAt = at;
        turn.onReply?.();
      } else {
        this.unmatched += 1;
      }
      this.replyCount += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"reply-${this.replyCount}"}`);
    });
  }
}

function key(conversationId: string, activityId: string): string {
  return `${conversationId}\n${activityId}`;
}
