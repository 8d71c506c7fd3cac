import { defineConfig } from 'vitest/config';

// Suites that run several processes against real servers: PostgreSQL (PG_TEST_URL or
// DATABASE_URL) and NATS JetStream (NATS_TEST_URL, or a nats-server they start). .ci/run
// provides both.
export default defineConfig({
  test: {
    include: ['src/**/*.integration.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
