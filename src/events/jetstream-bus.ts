/**
 * The scale-out bus over NATS JetStream: a stream per event kind (work-queue retention), one
 * durable pull consumer per partition on each stream, and worker processes that share the
 * consumers through partition leases (leases.ts). A message (a batch of one partition's events)
 * is acknowledged only after the handler has committed its results; a message that keeps
 * failing is dead-lettered after `maxAttempts` deliveries.
 */
import { randomUUID } from 'node:crypto';
import {
  AckPolicy, connect, DiscardPolicy, nanos, RetentionPolicy, StorageType,
  type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type KV, type NatsConnection,
} from 'nats';
import { decodeBatch, encodeBatch } from './codec.ts';
import { PartitionLeases } from './leases.ts';
import { consumerOf, partitionOf, streamOf, subjectOf } from './partition.ts';
import { busFull, busUnavailable, eventKinds, type BatchHandler, type BusStats, type EventBus, type EventKind, type PipelineEvent } from './types.ts';

export interface JetStreamBusOptions {
  url: string;
  /** Names streams, subjects and the lease bucket (see partition.ts). */
  prefix: string;
  partitions: number;
  /** Most events in one message and in one handler call. */
  maxBatch: number;
  maxAttempts: number;
  ackWaitMs: number;
  leaseTtlMs: number;
  /** Most bytes each stream may hold; publishing beyond it answers 429. */
  maxStreamBytes: number;
  onError(error: unknown): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function decode(m: JsMsg): PipelineEvent[] | null {
  try {
    return decodeBatch(decoder.decode(m.data));
  } catch {
    return null;
  }
}

function consumerConfig(options: JetStreamBusOptions, kind: EventKind, p: number) {
  return {
    durable_name: consumerOf(p), filter_subject: subjectOf(options.prefix, kind, p), ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(options.ackWaitMs), max_deliver: -1, max_ack_pending: options.maxBatch * 4,
  };
}

/** Creates or updates a kind's stream and its partition consumers. */
async function declareStream(jsm: JetStreamManager, options: JetStreamBusOptions, kind: EventKind): Promise<void> {
  const name = streamOf(options.prefix, kind);
  const config = {
    name, subjects: [`${options.prefix}.events.${kind}.*`], retention: RetentionPolicy.Workqueue, storage: StorageType.File,
    discard: DiscardPolicy.New, max_bytes: options.maxStreamBytes, duplicate_window: nanos(120_000),
  };
  await retried(async () => {
    const exists = await jsm.streams.info(name).then(() => true, () => false);
    if (exists) await jsm.streams.update(name, config);
    else await jsm.streams.add(config);
  });
  for (let p = 0; p < options.partitions; p++) await retried(() => jsm.consumers.add(name, consumerConfig(options, kind, p)));
}

/** A fetched message, decoded once (null when it could not be). */
interface Fetched {
  m: JsMsg;
  events: PipelineEvent[] | null;
}

interface Running {
  active: boolean;
  buffer: Fetched[];
  wake: (() => void) | null;
  subs: ConsumerMessages[];
  loop: Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries a JetStream management call. Workers change the same consumers concurrently (one
 * recreates a released partition's consumer while another starts and declares them all), and the
 * server may then answer a transient error, such as a consumer directory that vanished mid-write.
 */
async function retried<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(50 * 2 ** Math.min(attempt, 5));
    }
  }
}

/** The JetStream bus; see the file comment. */
export class JetStreamBus implements EventBus {
  readonly name = 'jetstream' as const;
  readonly workerId = randomUUID();
  private published = 0;
  private acknowledged = 0;
  private leases: PartitionLeases | null = null;
  private running = new Map<number, Running>();
  private handler: BatchHandler | null = null;
  private lagCache: { at: number; lag: Record<string, number> } = { at: 0, lag: {} };

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamBusOptions,
  ) {}

  /** Connects and makes sure every stream and partition consumer exists (idempotent). */
  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const nc = await connect({ servers: options.url, name: 'qalxan', maxReconnectAttempts: -1 });
    try {
      const jsm = await nc.jetstreamManager();
      for (const kind of eventKinds) await declareStream(jsm, options, kind);
      return new JetStreamBus(nc, nc.jetstream(), jsm, options);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(events: PipelineEvent[]): Promise<void> {
    const groups = new Map<string, PipelineEvent[]>();
    for (const e of events) {
      const subject = subjectOf(this.options.prefix, e.kind, partitionOf(e.organisationId, e.host, this.options.partitions));
      const group = groups.get(subject);
      if (group) group.push(e);
      else groups.set(subject, [e]);
    }
    const sends: Promise<unknown>[] = [];
    // Messages stay under the server's max_payload (1 MB by default): a batch too big is halved.
    const limit = Math.floor((this.nc.info?.max_payload ?? 1_048_576) * 0.9);
    const send = (subject: string, chunk: PipelineEvent[]): void => {
      const data = encoder.encode(encodeBatch(chunk));
      if (data.length > limit && chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        send(subject, chunk.slice(0, half));
        send(subject, chunk.slice(half));
        return;
      }
      // The message id makes a retried publish of the same batch a no-op within the window.
      sends.push(this.js.publish(subject, data, { msgID: `${chunk[0].id}:${chunk.length}` }));
    };
    for (const [subject, group] of groups) {
      for (let i = 0; i < group.length; i += this.options.maxBatch) send(subject, group.slice(i, i + this.options.maxBatch));
    }
    const results = await Promise.allSettled(sends);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      const message = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
      throw /maximum (bytes|messages)/i.test(message) ? busFull(2) : busUnavailable(failed.reason);
    }
    this.published += events.length;
  }

  /** Joins the worker group: claims a share of the partitions and consumes them. */
  async consume(handler: BatchHandler): Promise<void> {
    this.handler = handler;
    const kv: KV = await retried(() => this.js.views.kv(`${this.options.prefix}_detect_leases`, { ttl: this.options.leaseTtlMs, history: 1 }));
    this.leases = new PartitionLeases(kv, this.workerId, this.options.partitions, this.options.leaseTtlMs, {
      gained: (p) => this.startPartition(p),
      lost: (p, released) => this.stopPartition(p, released),
      onError: this.options.onError,
    });
    this.leases.start();
  }

  /** Partitions this process holds (for tests and the monitoring page). */
  get partitions(): number[] {
    return this.leases?.held ?? [];
  }

  private async startPartition(p: number): Promise<void> {
    const state: Running = { active: true, buffer: [], wake: null, subs: [], loop: Promise.resolve() };
    for (const kind of eventKinds) {
      const consumer = await retried(() => this.js.consumers.get(streamOf(this.options.prefix, kind), consumerOf(p)));
      state.subs.push(await consumer.consume({
        max_messages: Math.max(4, Math.ceil((2 * this.options.maxBatch) / 500)),
        callback: (m) => {
          state.buffer.push({ m, events: decode(m) });
          state.wake?.();
        },
      }));
    }
    state.loop = this.drain(state);
    this.running.set(p, state);
  }

  /**
   * Stops consuming a partition handed to another worker. Buffered messages go back at once
   * (nak); messages the server was still sending to the closed subscription would otherwise wait
   * the whole ack wait, so when the partition is released (nobody holds it yet) its consumers are
   * recreated: on a work-queue stream a new consumer starts from the first unacknowledged message,
   * which the next owner gets at once.
   */
  private async stopPartition(p: number, released: boolean): Promise<void> {
    const state = this.running.get(p);
    if (!state) return;
    this.running.delete(p);
    state.active = false;
    for (const s of state.subs) s.stop();
    state.wake?.();
    await state.loop;
    for (const f of state.buffer.splice(0)) f.m.nak();
    if (!released) return;
    for (const kind of eventKinds) {
      const stream = streamOf(this.options.prefix, kind);
      await retried(() => this.jsm.consumers.delete(stream, consumerOf(p)).catch((error) => {
        if (!/consumer not found/i.test(String(error))) throw error;
        return true; // an earlier attempt deleted it before its answer was lost
      }));
      await retried(() => this.jsm.consumers.add(stream, consumerConfig(this.options, kind, p)));
    }
  }

  /** Events of about one batch from the front of the buffer (at least one message). */
  private take(buffer: Fetched[]): Fetched[] {
    const out: Fetched[] = [];
    let n = 0;
    while (buffer.length > 0 && (out.length === 0 || n + (buffer[0].events?.length ?? 0) <= this.options.maxBatch)) {
      const f = buffer.shift()!;
      out.push(f);
      n += f.events?.length ?? 0;
    }
    return out;
  }

  /**
   * Two batches in flight: the next one is matched (synchronously, in order) while the previous
   * one commits, so the database round trips overlap with detection instead of adding to it.
   */
  private async drain(state: Running): Promise<void> {
    let previous: Promise<void> = Promise.resolve();
    while (state.active) {
      if (state.buffer.length === 0) {
        await new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        state.wake = null;
        continue;
      }
      // Let a burst gather into one batch (one transaction) rather than one message each.
      if (state.buffer.length < 2) await sleep(5);
      const batch = this.take(state.buffer);
      const current = this.handle(batch).catch((error) => {
        // Even the dead-letter store failed (database down): hand the messages back for later.
        this.options.onError(error);
        for (const f of batch) f.m.nak(2000);
      });
      await previous;
      previous = current;
    }
    await previous;
  }

  private async handle(batch: Fetched[]): Promise<void> {
    const handler = this.handler!;
    const decoded = batch.filter((f): f is { m: JsMsg; events: PipelineEvent[] } => f.events !== null);
    const events = decoded.flatMap((d) => d.events);
    const processing = handler.process(events);
    for (const { m } of batch.filter((f) => f.events === null)) {
      await handler.deadLetter([], `undecodable bus message on ${m.subject}`, decoder.decode(m.data.subarray(0, 4096)));
      m.ack();
    }
    try {
      await processing;
    } catch (error) {
      this.options.onError(error);
      for (const d of decoded) {
        if (d.m.info.redeliveryCount + 1 >= this.options.maxAttempts) {
          await handler.deadLetter(d.events, `processing failed ${this.options.maxAttempts} times: ${error instanceof Error ? error.message : String(error)}`);
          d.m.ack();
        } else d.m.nak(1000 * (d.m.info.redeliveryCount + 1));
      }
      return;
    }
    // Acknowledged only now that the results are committed; ackAck waits for the server's word.
    await Promise.all(decoded.map((d) => d.m.ackAck()));
    this.acknowledged += events.length;
  }

  async stats(): Promise<BusStats> {
    if (Date.now() - this.lagCache.at > 2000) {
      const lag: Record<string, number> = {};
      for (const kind of eventKinds) {
        for (let p = 0; p < this.options.partitions; p++) {
          const info = await this.jsm.consumers.info(streamOf(this.options.prefix, kind), consumerOf(p));
          const pending = info.num_pending + info.num_ack_pending;
          if (pending > 0) lag[`${kind}/${consumerOf(p)}`] = pending;
        }
      }
      this.lagCache = { at: Date.now(), lag };
    }
    return { lag: this.lagCache.lag, published: this.published, acknowledged: this.acknowledged };
  }

  async close(): Promise<void> {
    await this.leases?.stop();
    for (const p of [...this.running.keys()]) await this.stopPartition(p, false);
    await this.nc.drain();
  }
}
