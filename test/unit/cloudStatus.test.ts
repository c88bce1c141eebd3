import nock from 'nock';
import { HttpCloudStatus, interpret } from '../../src/status/cloudStatus';

describe('interpret', () => {
  test.each([
    [{ status: { indicator: 'none', description: 'All Systems Operational' } }, 'up'],
    [{ status: { indicator: 'minor' } }, 'outage'],
    [{ status: { indicator: 'major' } }, 'outage'],
    [{ status: { indicator: 'critical' } }, 'outage'],
    [{ status: { indicator: 'maintenance' } }, 'outage'],
    [{ status: { indicator: 'something-new' } }, 'unknown'],
    [{ status: {} }, 'unknown'],
  ])('statuspage shape %j → %s', (body, expected) => {
    expect(interpret(body)).toBe(expected);
  });

  test.each([
    [{ status: 'up' }, 'up'],
    [{ status: 'OK' }, 'up'],
    [{ status: 'Operational' }, 'up'],
    [{ status: 'down' }, 'outage'],
    [{ status: 'DEGRADED' }, 'outage'],
    [{ status: 'outage' }, 'outage'],
    [{ status: 'sideways' }, 'unknown'],
    [{ status: 42 }, 'unknown'],
  ])('plain shape %j → %s', (body, expected) => {
    expect(interpret(body)).toBe(expected);
  });

  test.each([null, undefined, 'up', 42, [], {}, { state: 'up' }])('anything else (%j) is unknown', (body) => {
    expect(interpret(body)).toBe('unknown');
  });
});

describe('HttpCloudStatus against a mocked status service', () => {
  const HOST = 'https://status.example.test';
  const URL = `${HOST}/api/v2/status.json`;

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  test('200 {status:{indicator:"none"}} → up', async () => {
    const scope = nock(HOST).get('/api/v2/status.json').reply(200, { status: { indicator: 'none' } });
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 1000 }).check()).resolves.toBe('up');
    expect(scope.isDone()).toBe(true);
  });

  test('asks for JSON', async () => {
    const scope = nock(HOST, { reqheaders: { accept: 'application/json' } }).get('/api/v2/status.json').reply(200, { status: 'up' });
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 1000 }).check()).resolves.toBe('up');
    expect(scope.isDone()).toBe(true);
  });

  test('200 {status:{indicator:"major"}} → outage', async () => {
    nock(HOST).get('/api/v2/status.json').reply(200, { status: { indicator: 'major' } });
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 1000 }).check()).resolves.toBe('outage');
  });

  test('500 → unknown, and onError hears about it', async () => {
    nock(HOST).get('/api/v2/status.json').reply(500, 'oops');
    const onError = jest.fn();
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 1000, onError }).check()).resolves.toBe('unknown');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(String(onError.mock.calls[0][0])).toContain('500');
  });

  test('a body that is not JSON → unknown, and onError is called', async () => {
    nock(HOST).get('/api/v2/status.json').reply(200, '<html>maintenance</html>', { 'content-type': 'text/html' });
    const onError = jest.fn();
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 1000, onError }).check()).resolves.toBe('unknown');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  test('a reply slower than timeoutMs → unknown, well within a second', async () => {
    nock(HOST).get('/api/v2/status.json').delay(2000).reply(200, { status: { indicator: 'none' } });
    const onError = jest.fn();
    const started = Date.now();
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 200, onError }).check()).resolves.toBe('unknown');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  test('a refused connection → unknown', async () => {
    // Net connect is disabled and nothing is mocked for this host.
    const onError = jest.fn();
    await expect(new HttpCloudStatus({ url: 'https://nowhere.example.test/status', timeoutMs: 500, onError }).check()).resolves.toBe('unknown');
    expect(onError).toHaveBeenCalled();
  });

  test('no url → unknown, without any request', async () => {
    const fetchImpl = jest.fn<ReturnType<typeof fetch>, Parameters<typeof fetch>>();
    const onError = jest.fn();
    await expect(new HttpCloudStatus({ timeoutMs: 200, fetchImpl, onError }).check()).resolves.toBe('unknown');
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('an injected fetch is used instead of the global one', async () => {
    const fetchImpl = jest.fn(async () => new Response(JSON.stringify({ status: 'down' }), { status: 200 }));
    await expect(new HttpCloudStatus({ url: URL, timeoutMs: 200, fetchImpl }).check()).resolves.toBe('outage');
    expect(fetchImpl).toHaveBeenCalledWith(URL, expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });
});
