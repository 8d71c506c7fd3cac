/**
 * The event bus contract shared by the embedded and the NATS JetStream implementation: what a
 * pipeline event is, how a consumer handles a batch, and how a full bus refuses more work.
 */
import { AppError } from '../lib/errors.ts';

/** Families of events; JetStream keeps one stream per kind so each can be sized and watched alone. */
export const eventKinds = ['windows', 'linux', 'web', 'network', 'generic'] as const;
export type EventKind = (typeof eventKinds)[number];

/** One normalised event on its way to the detection workers. */
export interface PipelineEvent {
  /** Assigned at ingestion, so a redelivered event is recognised as the same one. */
  id: string;
  organisationId: string;
  host: string;
  kind: EventKind;
  /** Where it came from: http, syslog, file. */
  source: string;
  /** Epoch milliseconds when Qalxan accepted it; also the partition key of the raw events table. */
  receivedAt: number;
  /**
   * The normalised event as JSON, made once at ingestion: the bus carries this text (codec.ts),
   * the worker parses it just to match it, and the raw events table stores it as it is. So no
   * event is serialised twice, and a parsed event lives only while it is matched (parsed events
   * held across a batch's commit were a large part of the worker's garbage collection).
   */
  eventJson: string;
}

/**
 * What a consumer does with a delivered batch. `process` must commit its results before it
 * returns: the bus acknowledges only afterwards (at-least-once). When a batch keeps failing,
 * the bus hands it to `deadLetter` instead of retrying forever.
 */
export interface BatchHandler {
  process(events: PipelineEvent[]): Promise<void>;
  /** Keeps events (or, when they could not even be decoded, the raw text) with the reason. */
  deadLetter(events: PipelineEvent[], reason: string, raw?: string): Promise<void>;
}

/** Figures for metrics and the monitoring page. */
export interface BusStats {
  /** Events accepted but not yet acknowledged by a consumer, per consumer name. */
  lag: Record<string, number>;
  published: number;
  acknowledged: number;
}

/** One interface, two implementations (memory-bus.ts, jetstream-bus.ts). */
export interface EventBus {
  readonly name: 'memory' | 'jetstream';
  /** Resolves once the events are durable; throws a 429/503 AppError when the bus is full or down. */
  publish(events: PipelineEvent[]): Promise<void>;
  /** Starts consuming with the handler; returns when the consumer is running. */
  consume(handler: BatchHandler): Promise<void>;
  stats(): Promise<BusStats>;
  close(): Promise<void>;
}

/** Thrown by publish when accepting more would grow memory without bound: the client retries later. */
export function busFull(retryAfterSeconds = 1): AppError {
  return new AppError('rate_limited', 'The event pipeline is saturated; retry shortly', { retryAfterSeconds });
}

/** Thrown by publish when the bus cannot make events durable (NATS down, spool failing). */
export function busUnavailable(cause: unknown): AppError {
  return new AppError('unavailable', `The event bus is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
}
