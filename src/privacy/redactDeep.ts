import type { Redact } from './redact';

/**
 * A copy of a JSON value (a card, a submitted value) with every string redacted. Keys stay: they
 * are the card's or the form's own names, not something a person typed.
 */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
