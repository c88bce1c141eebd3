import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { backoffMs, isRetriableStatus, retryAfterMs } from '../../src/bot/connectorRetry';

// The pure rules behind the connector retries (the behaviour over HTTP is in connector.test.ts).
const response = (status: number, headers: Record<string, string> = {}): PipelineResponse => ({
  status,
  headers: createHttpHeaders(headers),
  request: createPipelineRequest({ url: 'https://connector.example.test/v3/conversations/c/activities' }),
});

test.each([
  [408, true], [429, true], [500, true], [502, true], [503, true], [504, true],
  [501, false], [505, false], [400, false], [401, false], [403, false], [404, false], [412, false],
])('status %i is retried: %s', (status, retried) => {
  expect(isRetriableStatus(status)).toBe(retried);
});

test('the wait doubles with each retry and is drawn from the upper half', () => {
  expect([0, 1, 2, 3].map((n) => backoffMs(n, 500, () => 0))).toEqual([250, 500, 1000, 2000]);
  expect([0, 1, 2, 3].map((n) => backoffMs(n, 500, () => 1))).toEqual([500, 1000, 2000, 4000]);
});

test('Retry-After in seconds or as a date, and retry-after-ms, are obeyed; anything else is ignored', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  expect(retryAfterMs(response(429, { 'Retry-After': '2' }), now)).toBe(2000);
  expect(retryAfterMs(response(503, { 'Retry-After': 'Sun, 22 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
  expect(retryAfterMs(response(503, { 'Retry-After': 'Sun, 22 Nov 2026 09:59:00 GMT' }), now)).toBe(0);
  expect(retryAfterMs(response(429, { 'retry-after-ms': '150', 'Retry-After': '9' }), now)).toBe(150);
  expect(retryAfterMs(response(429, { 'Retry-After': 'soon' }), now)).toBeUndefined();
  expect(retryAfterMs(response(503), now)).toBeUndefined();
  expect(retryAfterMs(undefined, now)).toBeUndefined();
});
