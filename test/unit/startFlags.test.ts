import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOADER_FILE, START_FLAGS } from '../../src/bundle/bundleFiles';

// package.json cannot import the list, so the two are held together here: the build primes the code
// cache and the benchmark starts its bots with START_FLAGS, and V8 rejects a cache made under other flags.
test('npm start runs the loader with exactly the flags the build and the benchmark use', () => {
  const root = join(__dirname, '..', '..');
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...rest] = scripts.start.split(/\s+/);
  expect(node).toBe('node');
  // Under ts-jest the loader is src/bundle/start.ts; npm start runs its build, dist/src/bundle/start.js.
  const loader = relative(root, LOADER_FILE).replace(/^src\//, 'dist/src/').replace(/\.ts$/, '.js');
  expect(rest.at(-1)).toBe(loader);
  expect(rest.slice(0, -1)).toEqual(START_FLAGS);
});
