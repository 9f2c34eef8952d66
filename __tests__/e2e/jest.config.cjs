// Browser tests: Debian's Chromium driven by playwright-core against the app
// that `npm run test:e2e` serves. One file at a time; each test may be slow.
const base = require('../../package.json').jest;

module.exports = {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/__tests__/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
