/**
 * Two projects: pure unit tests (no Strapi) and integration tests against a
 * real in-process Strapi, compiled once in globalSetup. Each integration suite
 * boots Strapi on its own fresh database (SQLite file, or a PostgreSQL
 * database created and dropped by the harness when DATABASE_CLIENT=postgres).
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }];

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      setupFiles: ['<rootDir>/tests/helpers/env.js'],
    },
  ],
};
