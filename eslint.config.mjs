// Lint for the whole tree (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules, Prettier for layout
// (eslint-config-prettier turns off what Prettier owns), and the architecture's import boundaries (eslint-plugin-boundaries):
//   - libs/contracts imports no other part of the project and no framework (the dashboard uses it too);
//   - libs/core imports contracts only (it is generic: the apps compose the contexts into it);
//   - a context (libs/<name>) imports contracts, core and other contexts, those only through their public src/index.ts;
//   - an app (apps/<name>) imports libs, through their index; the dashboard imports contracts only.
// Units a person can read: no function over 60 lines, no positional parameter list over 4 (a constructor is exempt: Nest
// injects its services there). Inside a unit of work every query goes through its transaction: in a context only the
// repositories, entities and persistence files import TypeORM, and nothing outside libs/core opens a transaction itself.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A library, imported through its public index (src/index.ts) only. */
const lib = (types) => ({ types: { anyOf: types }, fileInternalPath: 'src/index.ts' });
const ALL = ['contracts', 'core', 'context', 'dashboard', 'app', 'test'];
const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'socket.io',
  'class-validator',
  'class-transformer',
  'react',
  'antd',
  'zod',
];

// A later block's `no-restricted-syntax` replaces an earlier one's whole list: the selectors are constants, repeated where a
// block overrides.
const NO_ONLY = {
  selector: 'CallExpression[callee.property.name="only"][callee.object.name=/^(it|describe|test)$/]',
  message: 'No .only in committed tests',
};
const MAX_PARAMS = {
  selector:
    ':matches(:function, TSDeclareFunction, TSEmptyBodyFunctionExpression)[params.length>4]' +
    ':not(MethodDefinition[kind="constructor"] > FunctionExpression)',
  message: 'More than 4 parameters: pass an options object (constructors are exempt: Nest injects there)',
};
const MAX_LINES = ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }];

/** A context reads and writes MySQL through its repositories; a type (`import type { EntityManager }`) is fine anywhere. */
const DB_DRIVER_MESSAGE =
  'Only a repository (*.repository.ts), an entity or a persistence/ file of a context touches TypeORM or the driver; ' +
  'go through a repository (its queries join the unit of work by themselves)';
const NO_DB_IMPORTS = {
  paths: ['typeorm', '@nestjs/typeorm', 'mysql2'].map((name) => ({
    name,
    message: DB_DRIVER_MESSAGE,
    allowTypeImports: true,
  })),
  patterns: [{ group: ['typeorm/*', 'mysql2/*'], message: DB_DRIVER_MESSAGE, allowTypeImports: true }],
};
const CONTEXT_SOURCES = ['libs/*/src/**/*.ts'];
const NOT_CONTEXTS = ['libs/core/**', 'libs/contracts/**'];
const CONTEXT_DB_FILES = [
  '**/*.repository.ts',
  '**/*.entity.ts',
  '**/entities.ts',
  '**/entities/**',
  '**/persistence/**',
];
/** `uow.run(tx => ...)` is the one way to write; libs/core (which implements it) and tests may open transactions. */
const NO_RAW_TRANSACTION = ['transaction', 'startTransaction'].map((property) => ({
  property,
  message:
    'Write through the unit of work: `uow.run(async (tx) => ...)` (a raw transaction has no outbox and no history)',
}));
const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `interface JobMap extends CallsJobMap {}`: how a context adds its jobs to core's map (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-syntax': ['error', NO_ONLY, MAX_PARAMS],
      eqeqeq: ['error', 'smart'],
      'max-lines-per-function': MAX_LINES,
    },
  },
  {
    files: CONTEXT_SOURCES,
    ignores: [...NOT_CONTEXTS, ...CONTEXT_DB_FILES],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', NO_DB_IMPORTS] },
  },
  {
    files: [...CONTEXT_SOURCES, 'apps/*/src/**/*.{ts,tsx}'],
    ignores: [...NOT_CONTEXTS, ...TESTS],
    rules: { 'no-restricted-properties': ['error', ...NO_RAW_TRANSACTION] },
  },
  {
    // Nest injects by the constructor's parameter types: `import type` would erase them, so value imports stay there.
    files: ['apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts', 'apps/cli/src/**/*.ts', 'libs/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Migrations are generated SQL, read once and never edited.
    files: ['apps/composition/src/migrations/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: TESTS,
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Tests read whatever JSON the api answers; `any` there is the honest type.
    rules: {
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['apps/dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: { project: ['./tsconfig.json', './apps/dashboard/tsconfig.json'], noWarnOnMultipleProjects: true },
      },
      'boundaries/include': ['apps/**/*', 'libs/**/*', 'test/**/*'],
      'boundaries/elements': [
        { type: 'contracts', pattern: 'libs/contracts' },
        { type: 'core', pattern: 'libs/core' },
        { type: 'context', pattern: 'libs/*', capture: ['name'] },
        { type: 'dashboard', pattern: 'apps/dashboard' },
        { type: 'app', pattern: 'apps/*', capture: ['name'] },
        { type: 'test', pattern: 'test' },
      ],
    },
    rules: {
      // Later policies win over earlier ones; dependencies inside one element are not checked.
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            { from: { element: { type: 'core' } }, allow: { to: { element: lib(['contracts']) } } },
            {
              from: { element: { type: 'context' } },
              allow: { to: { element: lib(['contracts', 'core', 'context']) } },
            },
            {
              from: { element: { type: 'app' } },
              allow: { to: [{ element: lib(['contracts', 'core', 'context']) }, { element: { type: 'app' } }] },
            },
            { from: { element: { type: 'dashboard' } }, allow: { to: { element: lib(['contracts']) } } },
            {
              from: { element: { type: 'dashboard' } },
              disallow: { to: { module: { source: '@hotline/*' } } },
              message: 'the dashboard imports @hotline/contracts only',
            },
            { from: { element: { type: 'test' } }, allow: { to: { element: { types: { anyOf: ALL } } } } },
            {
              from: { element: { type: 'contracts' } },
              disallow: { to: { module: { origin: 'external', source: FRAMEWORKS } } },
              message: 'libs/contracts is framework-free (the dashboard bundles it)',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
