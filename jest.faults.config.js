/**
 * Fault tests (npm run test:faults, PostgreSQL only): two `strapi start` nodes
 * behind nginx on a private PostgreSQL cluster and a private Redis, which the
 * tests stop, restart and kill (tests/faults). The cluster compiles dist/.
 */
module.exports = {
  testMatch: ['<rootDir>/tests/faults/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  testEnvironment: 'node',
  testTimeout: 180000,
  maxWorkers: 1,
};
