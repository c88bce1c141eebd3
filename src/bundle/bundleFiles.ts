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
 * V8 also rejects a code cache made under other flags).
 * - A young generation of 64 MB semi-spaces instead of 16: a turn's objects live through its awaits,
 *   and under load many turns overlap, so with small semi-spaces they survive scavenges and are
 *   copied into the old generation only to die there. Measured on the saturation load: garbage
 *   collection 12.4% → 8.6% of the main thread's time. The price is up to about 100 MB more RSS.
 * - Two warnings about dependencies that say nothing an operator can act on. restify's body reader
 *   calls the old Buffer constructor (DEP0005, flagged only outside node_modules, and a bundle is
 *   outside it); restify loads spdy, whose http-deceiver reads process.binding('http_parser') (DEP0111).
 */
export const START_FLAGS = ['--max-semi-space-size=64', '--disable-warning=DEP0005', '--disable-warning=DEP0111'];
