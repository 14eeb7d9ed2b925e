// @ts-check
/** Test tiers: `unit` specs sit beside the code; `integration` tests (real PostgreSQL, real Kafka,
 * real gateway) live in each workspace's `test/` folder; `deploy` validates containers, compose,
 * kustomize and Helm output without a cluster. */
// Type checking is `npm run typecheck`'s job; tests are transpiled file by file (isolatedModules).
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const moduleNameMapper = { '^@kinerja/([a-z-]+)$': '<rootDir>/packages/$1/src' };
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  // Most suites wait on processes, PostgreSQL and the broker rather than compute: two workers on the
  // 2-core CI machine took the suite from about 17 to under 15 minutes (Jest's default is one fewer than the cores).
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{packages,services,gateway}/**/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services,gateway}/**/test/**/*.test.ts', '<rootDir>/test/{e2e,drift}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/global-setup.js',
    },
    { ...common, displayName: 'deploy', testMatch: ['<rootDir>/test/deploy/**/*.test.ts'] },
  ],
};
