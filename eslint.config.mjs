// Lint for the whole tree (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules, Prettier for layout
// (eslint-config-prettier turns off what Prettier owns), and the architecture's import boundaries (eslint-plugin-boundaries):
//   - libs/contracts imports no other part of the project and no framework (the dashboard uses it too);
//   - libs/core imports contracts only (it is generic: the apps compose the contexts into it);
//   - a context (libs/<name>) imports contracts, core and other contexts, those only through their public src/index.ts;
//   - an app (apps/<name>) imports libs, through their index; the dashboard imports contracts only.
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
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name="only"][callee.object.name=/^(it|describe|test)$/]',
          message: 'No .only in committed tests',
        },
      ],
      eqeqeq: ['error', 'smart'],
      'max-params': ['warn', 4],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
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
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
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
