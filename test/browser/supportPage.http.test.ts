import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startBot, type RunningBot } from '../directline/startBot';
import { ROOT } from '../helpers/testCore';

// The support page over plain HTTP (no browser: this file runs in `npm test`). The conversation in
// a real browser is in supportPage.browser.ts (`npm run test:browser`).

const webChatVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'package.json'), 'utf8')) as { version: string }).version;
const webChatPath = `/webchat/${webChatVersion}/webchat.js`;

describe('support page over HTTP', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await startBot();
  });

  afterAll(async () => {
    await bot.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${bot.base}${path}`, { headers });

  // A raw request: the path goes out exactly as written (fetch would tidy up dots) and a gzipped
  // body stays gzipped (fetch would unzip it).
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status?: number; encoding?: string; body: Buffer }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: new URL(bot.base).port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });

  test('GET / is the page, with a fresh style nonce in its Content-Security-Policy each time', async () => {
    const first = await get('/');
    const second = await get('/');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await first.text();
    expect(html).toContain(`<script src="${webChatPath}" defer></script>`);
    expect(html).not.toMatch(/__CSP_NONCE__|__WEBCHAT_PATH__|cdn\.botframework\.com|https?:\/\//);

    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(html).toContain(`nonce="${nonce}"`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);

    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => { const [name, ...values] = d.split(' '); return [name, values]; }));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['style-src']).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the page, its stylesheet, script and icon have their content types', async () => {
    for (const [path, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/support.css', 'text/css; charset=utf-8'],
      ['/support.js', 'text/javascript; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await get(path);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, type]);
    }
  });

  test("Web Chat's bundle comes from node_modules under a versioned URL, cached for a year and gzipped", async () => {
    const onDisk = readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'));
    const plain = await get(webChatPath, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await plain.arrayBuffer()).equals(onDisk)).toBe(true);

    const zipped = await raw(webChatPath, { 'accept-encoding': 'gzip' });
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(onDisk.length / 2);
    expect(gunzipSync(zipped.body).equals(onDisk)).toBe(true);
  });

  test('an unchanged file is a 304 for a browser that has it', async () => {
    const first = await get('/support.css');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/support.css', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  test('HEAD answers with the headers only', async () => {
    const res = await fetch(`${bot.base}/support.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await res.text()).toBe('');
  });

  test.each([
    '/package.json',
    '/public/index.html',
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/support.css/../../package.json',
    `/webchat/${webChatVersion}/../../package.json`,
    '/webchat/0.0.0/webchat.js',
    '/node_modules/botframework-webchat/dist/webchat.js',
    '/.env',
  ])('%s is not served: only the listed files are', async (path) => {
    const { status } = await raw(path);
    expect(status).toBe(404);
  });

  test('the Direct Line routes and the bot endpoint still work next to the page', async () => {
    const token = await fetch(`${bot.base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(token.status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('support page with an Azure Direct Line secret', () => {
  test("the Content-Security-Policy lets the browser reach Azure's Direct Line, and nothing else", async () => {
    const bot = await startBot({ DIRECT_LINE_SECRET: 'not-a-real-secret', DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline' });
    try {
      const csp = (await fetch(`${bot.base}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("connect-src 'self' https://europe.directline.botframework.com;");
      expect(csp).not.toContain('not-a-real-secret');
    } finally {
      await bot.close();
    }
  });
});
