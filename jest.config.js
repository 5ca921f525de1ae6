/* One config, two projects: fast unit specs beside the code, and end-to-end specs against real MariaDB + Redis. */
const fs = require('node:fs');
// swc compiles the TypeScript jest loads (unit specs and the code they test, e2e spec files) with the class-field
// semantics of tsc (target ES2022 → useDefineForClassFields: true in .swcrc): a declared field is an own property, even
// when no value is given, exactly as in the dist/ that `npm start` runs.
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] };
// ESM-only dependencies that jest's CommonJS runtime cannot require (plain Node 20.19+ can): compile them too.
const ESM_ONLY = ['content-disposition'];
const nodeModulesIgnored = `/node_modules/(?!(${ESM_ONLY.join('|')})/)`;
const common = { rootDir: __dirname, transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

/** Unit specs test the TypeScript sources. */
const sources = {
  transformIgnorePatterns: [nodeModulesIgnored],
  moduleNameMapper: {
    '^@hotline/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@hotline/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

/**
 * The e2e and browser specs test what `npm start` runs: the tsc + tsc-alias output in dist/ (`npm test` builds it first;
 * the global setup fails fast when it is missing or older than the sources). The spec files stay TypeScript compiled by
 * swc, but `@hotline/<lib>[/<path>]` and their relative imports of an app (`../apps/api/src/bootstrap`...) or a library
 * (`../libs/geo/src/...`) resolve into dist/, so each class exists once at run time: `api.app.get(SomeService)` with
 * SomeService imported from `@hotline/...` finds the provider. dist/ is plain CommonJS and must not be re-transformed:
 * swc would rewrite the very class fields whose shipped semantics we want to test.
 */
const dist = {
  transformIgnorePatterns: [nodeModulesIgnored, '^<rootDir>/dist/'],
  moduleNameMapper: {
    '^@hotline/([a-z-]+)$': '<rootDir>/dist/libs/$1/src',
    '^@hotline/([a-z-]+)/(.*)$': '<rootDir>/dist/libs/$1/src/$2',
    '^(?:\\.\\./)+(apps/(?:api|worker|cli|composition)|libs/[a-z-]+)/src(/.*)?$': '<rootDir>/dist/$1/src$2',
  },
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      ...sources,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/src/**/*.spec.ts'],
    },
    {
      ...common,
      ...dist,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 20,
    },
  ],
};
