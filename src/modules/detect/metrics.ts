/**
 * Pipeline metrics: Prometheus series on prom-client's default registry (exposed on /metrics)
 * and a small in-memory history of per-10-second samples for the monitoring page. Created once
 * per process, since several apps (tests) may share it.
 */
import client from 'prom-client';

function counter(name: string, help: string, labelNames: string[] = []) {
  const existing = client.register.getSingleMetric(name);
  return (existing as client.Counter<string> | undefined) ?? new client.Counter({ name, help, labelNames });
}

export const metrics = {
  received: counter('qalxan_events_received_total', 'Events accepted by ingestion, by source', ['source']),
  processed: counter('qalxan_events_processed_total', 'Events processed by detection workers and committed'),
  invalid: counter('qalxan_events_invalid_total', 'Malformed input kept in the dead-letter table, by source', ['source']),
  dropped: counter('qalxan_events_dropped_total', 'Events refused because the pipeline was saturated or down (the sender was told to retry)', ['reason']),
  alerts: counter('qalxan_alerts_total', 'Alert hits recorded (new alerts and repeats), by severity', ['severity']),
  latency: (client.register.getSingleMetric('qalxan_event_to_alert_seconds') as client.Histogram<string> | undefined)
    ?? new client.Histogram({ name: 'qalxan_event_to_alert_seconds', help: 'From ingestion to the alert being committed', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] }),
};

/** A lag source the gauge asks at scrape time (the running bus). */
let lagSource: (() => Promise<Record<string, number>>) | null = null;

/** Points the lag gauge at the running bus. */
export function setLagSource(source: (() => Promise<Record<string, number>>) | null): void {
  lagSource = source;
}

if (!client.register.getSingleMetric('qalxan_bus_lag')) {
  new client.Gauge({
    name: 'qalxan_bus_lag', help: 'Events accepted but not yet processed, per consumer', labelNames: ['consumer'],
    async collect() {
      this.reset();
      for (const [consumer, n] of Object.entries(lagSource ? await lagSource() : {})) this.set({ consumer }, n);
    },
  });
}

async function total(c: client.Counter<string>): Promise<number> {
  return (await c.get()).values.reduce((n, v) => n + v.value, 0);
}

/** One sample of the monitoring history. */
export interface Sample {
  at: string;
  received: number;
  processed: number;
  invalid: number;
  dropped: number;
  alerts: number;
}

const history: Sample[] = [];
let last: Omit<Sample, 'at'> | null = null;
let timer: NodeJS.Timeout | null = null;

async function sample(): Promise<void> {
  const now = { received: await total(metrics.received), processed: await total(metrics.processed), invalid: await total(metrics.invalid), dropped: await total(metrics.dropped), alerts: await total(metrics.alerts) };
  if (last) {
    const prev = last;
    history.push({ at: new Date().toISOString(), ...Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - prev[k as keyof typeof prev]])) as Omit<Sample, 'at'> });
    if (history.length > 360) history.shift();
  }
  last = now;
}

/** Starts the 10-second sampler (idempotent; unref'd so it never keeps a process alive). */
export function startSampling(): void {
  if (timer) return;
  void sample();
  timer = setInterval(() => void sample(), 10_000);
  timer.unref();
}

/** Totals and the last hour of samples, for GET /api/detect/stats. */
export async function snapshot(): Promise<{ totals: Omit<Sample, 'at'>; history: Sample[] }> {
  return {
    totals: { received: await total(metrics.received), processed: await total(metrics.processed), invalid: await total(metrics.invalid), dropped: await total(metrics.dropped), alerts: await total(metrics.alerts) },
    history: [...history],
  };
}
