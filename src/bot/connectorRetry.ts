import {
  RestError, retryPolicy, type PipelinePolicy, type PipelineResponse, type RetryInformation, type RetryModifiers,
} from '@azure/core-rest-pipeline';
import type { Logger } from '../logger';

export interface ConnectorRetrySettings {
  /** Retries of one turn's calls to the channel's connector start only within this. */
  budgetMs: number;
  /** One HTTP attempt. A turn's calls all end within budgetMs + attemptTimeoutMs. */
  attemptTimeoutMs: number;
  /** The first wait before a retry; each further wait doubles (with jitter). */
  retryDelayMs: number;
}

export interface ConnectorPolicies {
  /** Replaces the SDK's defaultRetryPolicy (phase Retry). */
  retry: PipelinePolicy;
  /** Runs inside the retry loop: a time limit on each attempt. */
  attemptLimit: PipelinePolicy;
}

export interface RetryClock {
  now(): number;
  random(): number;
}

// The budget ends retrying long before this; it only bounds a connector that answers 503 instantly.
const MAX_RETRIES = 10;
// A retry left with less time than this could not get an answer from a real connector: give up instead.
const MIN_ATTEMPT_MS = 200;
const NO_TIME_LEFT = 'CONNECTOR_TIME_SPENT';

/**
 * The retry rules for one turn's connector client, on the SDK's own retryPolicy: 429, 408 and 5xx
 * (not 501/505) and network failures or timeouts are retried after the connector's Retry-After or an
 * exponential wait with jitter, while the retry fits the turn's budget; other answers are final at once.
 * A send that starts after the budget (onTurnError's apology) still gets one attempt, but every
 * attempt ends by budget + attempt limit, so the turn answers the channel in time.
 * The clock starts when the policies are made, i.e. when the turn's connector client is created.
 */
export function connectorPolicies(settings: ConnectorRetrySettings, logger: Logger, clock: RetryClock = { now: Date.now, random: Math.random }): ConnectorPolicies {
  const started = clock.now();
  const remaining = () => started + settings.budgetMs - clock.now();
  const untilHardStop = () => remaining() + settings.attemptTimeoutMs;

  const retry = ({ retryCount, response, responseError }: RetryInformation): RetryModifiers => {
    const failure = retriableFailure(response, responseError);
    if (!failure) return { skipStrategy: true };
    const waitMs = retryAfterMs(response) ?? backoffMs(retryCount, settings.retryDelayMs, clock.random);
    const attempts = retryCount + 1;
    if (waitMs + MIN_ATTEMPT_MS > remaining()) {
      // Nothing the person wrote goes in: the host, the failure and the timing only.
      logger.error({ ...failure, host: hostOf(response, responseError), attempts, elapsedMs: clock.now() - started, budgetMs: settings.budgetMs }, 'connector did not take the reply within the turn budget; giving up');
      return { skipStrategy: true };
    }
    logger.warn({ ...failure, attempt: attempts, waitMs }, 'connector call failed; retrying');
    return { retryAfterInMs: waitMs };
  };

  const attemptLimit: PipelinePolicy = {
    name: 'connectorAttemptLimit',
    async sendRequest(request, next) {
      // Retries start only within the budget; whatever starts, first try or retry, ends by the hard stop.
      const limitMs = Math.min(settings.attemptTimeoutMs, untilHardStop());
      if (limitMs <= 0) throw new RestError('no time left in this turn to call the connector', { code: NO_TIME_LEFT, request });
      request.timeout = limitMs;
      const sentAt = clock.now();
      try {
        return await next(request);
      } catch (err) {
        // The HTTP client reports its own time limit as an abort or a send error; named for what it is.
        if (clock.now() - sentAt >= limitMs && !request.abortSignal?.aborted) {
          throw new RestError(`the connector did not answer in ${limitMs} ms`, { code: 'ETIMEDOUT', request });
        }
        throw err;
      }
    },
  };

  return {
    retry: { ...retryPolicy([{ name: 'connectorRetryStrategy', retry }], { maxRetries: MAX_RETRIES }), name: 'connectorRetryPolicy' },
    attemptLimit,
  };
}

/** 408, 429 and server errors other than "not implemented" / "HTTP version" may pass; so may a lost connection. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** Waits double from `baseMs`; each is drawn from its upper half, so parallel turns do not retry in step. */
export function backoffMs(retryCount: number, baseMs: number, random: () => number): number {
  const ceiling = baseMs * 2 ** retryCount;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The connector's own wait: Retry-After (seconds or an HTTP date) or retry-after-ms. */
export function retryAfterMs(response: PipelineResponse | undefined, now = Date.now()): number | undefined {
  const ms = Number(response?.headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = response?.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function retriableFailure(response: PipelineResponse | undefined, error: RestError | undefined): Record<string, unknown> | undefined {
  if (response) return isRetriableStatus(response.status) ? { status: response.status } : undefined;
  if (!error || error.code === NO_TIME_LEFT) return undefined;
  return { code: error.code ?? error.name };
}

function hostOf(response: PipelineResponse | undefined, error: RestError | undefined): string | undefined {
  const url = response?.request.url ?? error?.request?.url;
  return url ? new URL(url).host : undefined;
}
