/* One config, two projects: fast unit specs beside the code, and end-to-end specs against real MariaDB + Redis. */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] };
const moduleNameMapper = {
  '^@hotline/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@hotline/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// ESM-only dependencies that jest's CommonJS runtime cannot require (plain Node 20.19+ can): compile them too.
const ESM_ONLY = ['content-disposition'];
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 20,
    },
  ],
};
