// Type-aware lint rules and the import boundaries between the layers (docs/decisions/0002).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['src/storage/migrations/**', 'tests/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  layer(['src/contract/**'], ['**/domain/**/*.service*', '**/storage/**', '**/http/**', '**/cli/**', '**/app/**', 'fastify', 'kysely'], 'contract is the lowest layer'),
  layer(['src/domain/**'], ['**/storage/**', '**/http/**', '**/cli/**', '**/app/**', 'fastify', 'kysely', 'pg', 'better-sqlite3', 'node:fs'], 'the domain knows no transport and no database'),
  layer(['src/storage/**'], ['**/http/**', '**/cli/**', '**/app/**', 'fastify'], 'storage implements the domain ports only'),
  layer(['src/storage/migrations/**'], ['../../**', '../kysely/**'], 'migrations are frozen in time and import no application code'),
  layer(['src/http/**'], ['**/cli/**', '**/storage/**', 'pg', 'better-sqlite3'], 'routes call services, never storage'),
  layer(['src/cli/**'], ['**/http/routes/**', 'fastify'], 'commands call services'),
  { ignores: ['web/dist'] },
  layer(['web/src/**'], ['**/src/domain/**', '**/src/storage/**', '**/src/http/**', '**/src/cli/**', '**/src/app/**', 'node:*', 'fastify', 'kysely', 'pg', 'better-sqlite3'], 'the web UI imports only web/** and src/contract/** (and browser packages)'),
);
