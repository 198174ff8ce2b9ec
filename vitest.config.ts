import path from 'node:path';

import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, no cluster) and `integration` (server code against the local
// management cluster started by the test command; see scripts/test.sh).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{app,components,lib,devcluster,bench}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{app,components,lib,devcluster,deploy,bench}/**/*.itest.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['lib/testing/integration-setup.ts'],
        },
      },
    ],
  },
});
