// Type-aware lint rules and the import boundaries between the layers (docs/decisions/0002).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'test-results', '.bench-data', 'bin', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/storage/migrations/**', 'tests/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  layer(
    ['src/contract/**'],
    ['../**', 'fastify', 'kysely', 'pg', 'better-sqlite3', 'node:*'],
    'contract is the lowest layer: it imports zod and itself only',
  ),
  {
    // the domain may name the contract's types (import type) but no value of it, and nothing below or beside it
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/contract/**'], allowTypeImports: true, message: 'the domain imports the contract for types only' },
            {
              group: [
                '**/storage/**',
                '**/http/**',
                '**/cli/**',
                '**/app/**',
                '**/edge/**',
                'fastify',
                'kysely',
                'pg',
                'better-sqlite3',
                'node:fs',
                'node:fs/*',
                'fs',
                'fs/*',
              ],
              message: 'the domain knows no transport and no database',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'only src/app/config.ts reads process.env' },
      ],
    },
  },
  {
    // a rule's test may check it against the contract's value lists
    files: ['src/domain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '**/http/**', '**/cli/**', '**/app/**', '**/edge/**'],
              message: 'a domain test exercises the rules alone',
            },
          ],
        },
      ],
    },
  },
  layer(['src/storage/**'], ['**/http/**', '**/cli/**', '**/app/**', '**/edge/**', 'fastify'], 'storage implements the domain ports only'),
  layer(
    ['src/storage/migrations/**'],
    ['../../**', '../kysely/**', '**/http/**', '**/cli/**', 'fastify'],
    'migrations are frozen in time and import no application code',
  ),
  layer(
    ['src/edge/**'],
    ['**/http/**', '**/cli/**', '**/storage/**', 'fastify', 'kysely', 'pg', 'better-sqlite3'],
    'edge helpers serve both transports and know neither',
  ),
  layer(['src/http/**'], ['**/cli/**', '**/storage/**', 'kysely', 'pg', 'better-sqlite3'], 'routes call services, never storage'),
  layer(
    ['src/cli/**'],
    ['**/http/**', '**/storage/**', 'fastify', 'kysely', 'pg', 'better-sqlite3'],
    'commands call services and share their edge helpers from src/edge',
  ),
  { ignores: ['web/dist'] },
  layer(
    ['web/src/**'],
    [
      '**/src/domain/**',
      '**/src/storage/**',
      '**/src/http/**',
      '**/src/cli/**',
      '**/src/app/**',
      '**/src/edge/**',
      '**/src/main',
      'node:*',
      'fastify',
      'kysely',
      'pg',
      'better-sqlite3',
    ],
    'the web UI imports only web/** and src/contract/** (and browser packages)',
  ),
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    // resetting a dialog's or a lookup's own state when its input changes is intended, and the
    // React Compiler these two rules prepare for is not used (docs/decisions/0025)
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/refs': 'error',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/incompatible-library': 'off',
    },
  },
);
