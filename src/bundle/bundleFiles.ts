import { join } from 'node:path';

// Where `npm run build` puts the server bundle and its code cache: dist/src/bundle/, the depth of
// every other compiled folder, so paths the code works out from its own folder hold in the bundle too.
export const BUNDLE_FILE = join(__dirname, 'server.js');
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;
export const LOADER_FILE = join(__dirname, 'start.js');
/** The build's message to a primed start: write the code cache now and exit. */
export const WRITE_CODE_CACHE = 'write-code-cache';
/**
 * Node's flags for the bundle, as `npm start` passes them: two warnings about dependencies that say
 * nothing an operator can act on. restify's body reader calls the old Buffer constructor (DEP0005,
 * flagged only outside node_modules, and a bundle is outside it); restify loads spdy, whose
 * http-deceiver reads process.binding('http_parser') (DEP0111).
 */
export const START_FLAGS = ['--disable-warning=DEP0005', '--disable-warning=DEP0111'];
