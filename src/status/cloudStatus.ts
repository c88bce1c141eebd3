import type { StatusResult } from '../flow/flowState';

export interface CloudStatusChecker {
  check(): Promise<StatusResult>;
}

export interface CloudStatusOptions {
  url?: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  onError?: (err: unknown) => void;
}

/**
 * Asks the provider's status endpoint whether the cloud service is up. Understands the common
 * Statuspage shape ({status:{indicator}}) and a plain {status:"up"|"down"}. Anything else, a slow
 * answer or no URL at all is 'unknown', and the conversation carries on without it.
 */
export class HttpCloudStatus implements CloudStatusChecker {
  constructor(private readonly options: CloudStatusOptions) {}

  async check(): Promise<StatusResult> {
    const { url, timeoutMs, fetchImpl = fetch, onError } = this.options;
    if (!url) return 'unknown';
    try {
      const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`status service answered ${res.status}`);
      return interpret(await res.json());
    } catch (err) {
      onError?.(err);
      return 'unknown';
    }
  }
}

export function interpret(body: unknown): StatusResult {
  const status = (body as { status?: unknown } | null)?.status;
  const value = typeof status === 'object' && status !== null ? (status as { indicator?: unknown }).indicator : status;
  if (typeof value !== 'string') return 'unknown';
  if (['none', 'up', 'ok', 'operational'].includes(value.toLowerCase())) return 'up';
  if (['minor', 'major', 'critical', 'down', 'outage', 'degraded', 'maintenance'].includes(value.toLowerCase())) return 'outage';
  return 'unknown';
}
