import { defineConfig } from 'vitest/config';

// Unit and database suites. DATABASE_URL switches the database suites from PGlite to a server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
