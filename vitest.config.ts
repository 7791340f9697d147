import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'tools/**/*.test.ts',
      'mcp/**/*.test.ts',
      'evals/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/**/*.test.{ts,tsx}',
    ],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Docker-heavy files share one engine on a 2-core machine; keep parallelism modest.
    maxWorkers: 2,
  },
});
