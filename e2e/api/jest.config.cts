const esmOnly = require('../../jest.esm-only');

module.exports = {
  displayName: 'api-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }], ...esmOnly.transform },
  transformIgnorePatterns: esmOnly.transformIgnorePatterns,
  moduleNameMapper: require('./module-paths.cjs'),
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
};
