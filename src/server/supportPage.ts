import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';

// The support-site page with Microsoft's Web Chat: GET / (public/index.html), its stylesheet and
// script, and Web Chat's prebuilt browser bundle straight from node_modules. Nothing comes from a
// CDN. Only the files in the table below are served: a request path is looked up, never joined
// onto a folder, so there is no path to traverse.

const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;
// The SHA-256 of empty content: lets an empty <style> element in (see contentSecurityPolicy).
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export interface SupportPageOptions {
  /** Folder holding index.html, support.css, support.js and favicon.svg (default: `<project>/public`). */
  publicDir?: string;
  /** botframework-webchat's package folder (default: found the way Node finds packages). */
  webChatDir?: string;
  /**
   * Origins the page may call besides its own: Azure's Direct Line when DIRECT_LINE_SECRET is set,
   * because then the token endpoint sends the browser there.
   */
  connectSources?: string[];
}

interface Asset {
  body: Buffer;
  type: string;
  cacheControl: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

/** Registers the support page routes. Throws at start-up when a file is missing. */
export function registerSupportPage(server: Server, options: SupportPageOptions = {}): { webChatPath: string } {
  const publicDir = options.publicDir ?? join(projectRoot(), 'public');
  const webChatDir = options.webChatDir ?? packageDir('botframework-webchat');
  const webChatVersion = (JSON.parse(readFileSync(join(webChatDir, 'package.json'), 'utf8')) as { version: string }).version;
  // The bundle's URL carries its version, so browsers may keep it for a year; upgrading changes the URL.
  const webChatPath = `/webchat/${webChatVersion}/webchat.js`;

  const own = (file: string, type: string) => asset(readFileSync(join(publicDir, file)), type, 'no-cache');
  // index.html gets a fresh nonce per response (see contentSecurityPolicy), so it is never cached.
  const page = readFileSync(join(publicDir, 'index.html'), 'utf8').replace(/__WEBCHAT_PATH__/g, webChatPath);
  const assets = new Map<string, Asset>([
    ['/support.css', own('support.css', 'text/css; charset=utf-8')],
    ['/support.js', own('support.js', 'text/javascript; charset=utf-8')],
    ['/favicon.svg', own('favicon.svg', 'image/svg+xml')],
    // The full bundle: the minimal one has no Adaptive Cards, which the bot uses for fix steps and contacts.
    [webChatPath, asset(readFileSync(join(webChatDir, 'dist', 'webchat.js')), 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable')],
  ]);
  const policy = (nonce: string) => contentSecurityPolicy(nonce, options.connectSources ?? []);

  const servePage = async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const body = Buffer.from(page.replace(NONCE_PLACEHOLDER, nonce), 'utf8');
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Security-Policy': policy(nonce),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  for (const path of ['/', '/index.html']) {
    server.get(path, servePage);
    server.head(path, servePage);
  }
  for (const [path, file] of assets) {
    const serve = async (req: Request, res: Response) => sendAsset(req, res, file);
    server.get(path, serve);
    server.head(path, serve);
  }
  return { webChatPath };
}

/**
 * What the page may load and run, checked against Web Chat 4.18 in chromium: the browser test fails
 * on any CSP violation during a whole conversation (cards, suggested actions, typing, links).
 * - script-src 'self': the page's own script and the Web Chat bundle, no inline script. Web Chat
 *   needs no 'unsafe-eval' (its few `Function("return this")` calls sit behind fallbacks that a
 *   current browser never reaches).
 * - style-src 'self' 'nonce-…' 'sha256-<empty>': Web Chat injects its CSS as `<style>` elements
 *   (emotion) stamped with the nonce given to renderWebChat, so no 'unsafe-inline'. One component
 *   (react-scroll-to-bottom in the transcript, 4.18.1) is not handed the nonce: it adds an empty
 *   `<style>` and fills it with CSSOM insertRule, which CSP does not govern. The hash of empty
 *   content lets exactly that empty element in; any `<style>` with content still needs the nonce.
 *   Style attributes stay blocked (React and Adaptive Cards set styles through CSSOM, which is allowed).
 * - img-src 'self' data: blob:: Web Chat's built-in icons (typing indicator, spinner, link icon).
 * - connect-src 'self' (+ Azure's Direct Line when a secret is set): the token and Direct Line calls.
 * - everything else is off: no plugins, fonts or frames from elsewhere, no forms, no <base>; only
 *   our own pages may frame it.
 */
export function contentSecurityPolicy(nonce: string, connectSources: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "object-src 'none'",
  ].join('; ');
}

function securityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

function asset(body: Buffer, type: string, cacheControl: string): Asset {
  return { body, type, cacheControl, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

const gzipAsync = promisify(gzip);

async function sendAsset(req: Request, res: Response, file: Asset): Promise<void> {
  const headers: Record<string, string | number> = {
    ...securityHeaders(),
    'Content-Type': file.type,
    'Cache-Control': file.cacheControl,
    ETag: file.etag,
    Vary: 'Accept-Encoding',
  };
  if (matchesEtag(req.headers['if-none-match'], file.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = file.body;
  // Web Chat's bundle is about 4 MB and a quarter of that gzipped; it is compressed once, on first use.
  if (body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    file.gzipped ??= gzipAsync(file.body);
    body = await file.gzipped;
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * A package's folder, looked up the way Node looks up packages. Not require.resolve: Web Chat's
 * `exports` map does not export package.json or dist/, so resolving them throws.
 */
export function packageDir(name: string): string {
  const candidates = [...(require.resolve.paths(name) ?? []), join(projectRoot(), 'node_modules')];
  for (const dir of candidates) {
    const found = join(dir, name);
    if (existsSync(join(found, 'package.json'))) return found;
  }
  throw new Error(`package ${name} is not installed (run npm install)`);
}

// The folder with package.json above this file (src/server/ under ts-jest, dist/src/server/ when built).
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
