import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // processes started by the tests run the build (dist/), made here once per run
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['junit', { outputFile: 'test-results/junit.xml' }]],
  },
});
