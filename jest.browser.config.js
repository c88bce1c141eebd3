/**
 * `npm run test:browser`: the support page in a real browser (Debian's chromium, driven by
 * playwright-core). Not part of `npm test`, whose testMatch (*.test.ts) never matches *.browser.ts.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 180000,
};
