/**
 * End-to-end: the built admin in Debian's Chromium (see tests/e2e/README in docs/editorial.md).
 * globalSetup builds the app and starts `strapi start` on a temporary SQLite file.
 */
module.exports = {
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  testEnvironment: 'node',
  testTimeout: 180000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/e2e/setup.js',
  globalTeardown: '<rootDir>/tests/e2e/teardown.js',
  reporters: ['default', '<rootDir>/tests/e2e/summary-reporter.js'],
};
