import { join } from 'node:path';

// Where `npm run build` puts the server bundle and its code cache: dist/src/bundle/, the depth of
// every other compiled folder, so paths the code works out from its own folder hold in the bundle too.
export const BUNDLE_FILE = join(__dirname, 'server.js');
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;
export const LOADER_FILE = join(__dirname, 'start.js');
/** The build's message to a primed start: write the code cache now and exit. */
export const WRITE_CODE_CACHE = 'write-code-cache';
/**
 * Node's flags for the server, as `npm start` passes them (a test holds package.json to this list;
 * V8 also rejects a code cache made under other flags): two warnings about dependencies that say
 * nothing an operator can act on. restify's body reader calls the old Buffer constructor (DEP0005,
 * flagged only outside node_modules, and a bundle is outside it); restify loads spdy, whose
 * http-deceiver reads process.binding('http_parser') (DEP0111).
 * Larger young-generation semi-spaces (--max-semi-space-size=32 or 64) were measured and left out:
 * less time in GC, but longer pauses (scavenges of 11 ms at the median instead of 4), no gain in
 * turns per second over 4 runs each, and a realistic-load p99 no better.
 */
export const START_FLAGS = ['--disable-warning=DEP0005', '--disable-warning=DEP0111'];
