import type { Server as HttpServer } from 'node:http';
import type { Server } from 'restify';
import type { Logger } from '../logger';

export interface ShutdownDeps {
  server: Server;
  logger: Logger;
  /** Closes what the turns write to (the stores); runs after the last turn. */
  closeStores: () => Promise<void>;
  /** How long turns in flight may take to finish before the stores are closed anyway. */
  graceMs: number;
  /** Path prefixes that turns in flight call back into (the local Direct Line connector): still served. */
  callbackPaths?: string[];
}

export type ShutdownOutcome = 'drained' | 'deadline';

/**
 * Stops the server without cutting turns short. From the signal on, new requests get 503 with
 * "Connection: close" (channels and load balancers retry elsewhere) while requests in flight run
 * to the end, so their state is saved and their replies sent; the listener stays open until then
 * because a local Direct Line turn posts its replies back to this server. Then the server and the
 * stores close. Turns still running at the deadline are abandoned (their last saved state stays).
 */
export class GracefulShutdown {
  private inFlight = 0;
  private draining = false;
  private onIdle?: () => void;

  constructor(private readonly deps: ShutdownDeps) {
    deps.server.pre((req, res, next) => {
      if (this.draining && !this.isCallback(req.path())) {
        res.setHeader('connection', 'close');
        res.send(503, { error: 'shutting down' });
        return next(false);
      }
      this.inFlight += 1;
      res.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.onIdle?.();
      });
      return next();
    });
  }

  async shutdown(signal: string): Promise<ShutdownOutcome> {
    const { server, logger, graceMs } = this.deps;
    const started = Date.now();
    this.draining = true;
    logger.info({ signal, inFlight: this.inFlight, graceMs }, 'shutting down: refusing new requests, finishing those in flight');
    const outcome = await Promise.race([this.idle(), deadline(graceMs)]);
    if (outcome === 'deadline') logger.warn({ inFlight: this.inFlight, graceMs }, 'requests still running at the shutdown deadline; closing anyway');
    server.close();
    // Keep-alive connections would otherwise hold the process open.
    (server.server as HttpServer).closeAllConnections();
    await this.deps.closeStores();
    logger.info({ outcome, ms: Date.now() - started }, 'shut down');
    return outcome;
  }

  private isCallback(path: string): boolean {
    return (this.deps.callbackPaths ?? []).some((prefix) => path.startsWith(prefix));
  }

  private idle(): Promise<ShutdownOutcome> {
    if (this.inFlight === 0) return Promise.resolve('drained');
    return new Promise((resolve) => (this.onIdle = () => resolve('drained')));
  }
}

function deadline(ms: number): Promise<ShutdownOutcome> {
  return new Promise((resolve) => setTimeout(() => resolve('deadline'), ms).unref());
}
