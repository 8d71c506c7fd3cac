import { defineConfig } from 'vitest/config';

// Unit and database suites: nothing outside this process is needed. DATABASE_URL switches the
// database suites from PGlite to a server. Multi-process suites are *.integration.test.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
