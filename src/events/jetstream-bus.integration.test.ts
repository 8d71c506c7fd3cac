/**
 * Workers declare the same consumers concurrently: a starting worker declares every partition
 * consumer while another recreates the ones it releases. The server then answers transient
 * errors (a consumer directory deleted under a write: "meta.inf: no such file or directory"),
 * which once made a worker fail to start in CI.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropStreams, natsServer } from '../testing/nats.ts';
import { JetStreamBus, type JetStreamBusOptions } from './jetstream-bus.ts';
import { consumerOf, streamOf } from './partition.ts';

const prefix = `race${randomUUID().slice(0, 8)}`;
let nats: Awaited<ReturnType<typeof natsServer>>;
const options = (url: string): JetStreamBusOptions => ({
  url, prefix, partitions: 8, maxBatch: 500, maxAttempts: 5, ackWaitMs: 4000, leaseTtlMs: 2000, maxStreamBytes: 1 << 26,
  onError: (e) => { throw e; },
});

beforeAll(async () => {
  nats = await natsServer();
}, 60_000);
afterAll(async () => {
  if (nats) await dropStreams(nats.url, prefix);
  await nats?.stop();
});

it('connects while another client deletes and recreates the partition consumers', async () => {
  const first = await JetStreamBus.connect(options(nats.url));
  const nc = await connect({ servers: nats.url });
  const jsm = await nc.jetstreamManager();
  const stream = streamOf(prefix, 'web');
  const template = await jsm.consumers.info(stream, consumerOf(0));
  let churning = true;
  let recreated = 0;
  const churn = (async () => {
    while (churning) {
      for (let p = 0; p < 8; p++) {
        // Errors here are the very race under test; the churn only has to keep going.
        await jsm.consumers.delete(stream, consumerOf(p)).catch(() => false);
        const config = { ...template.config, durable_name: consumerOf(p), filter_subject: `${prefix}.events.web.${p}` };
        if (await jsm.consumers.add(stream, config).then(() => true, () => false)) recreated++;
      }
    }
  })();
  let connects = 0;
  try {
    for (const until = Date.now() + 8000; Date.now() < until; connects++) await (await JetStreamBus.connect(options(nats.url))).close();
  } finally {
    churning = false;
    await churn;
    await first.close();
    await nc.close();
  }
  expect(recreated).toBeGreaterThan(100);
  expect(connects).toBeGreaterThan(20);
}, 60_000);
