/**
 * Subject naming and partitioning: events are keyed by organisation and host, so every event of
 * one host lands on one partition and stateful correlation for it stays on one worker.
 */
import type { EventKind } from './types.ts';

/** FNV-1a: fast, stable across processes and versions (unlike anything seeded). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The partition of an organisation's host. */
export function partitionOf(organisationId: string, host: string, partitions: number): number {
  return fnv1a(`${organisationId}\u0000${host.toLowerCase()}`) % partitions;
}

/**
 * The subject an event is published on: <prefix>.events.<kind>.<partition>. The prefix
 * (QALXAN_NATS_PREFIX, default `qalxan`) lets several installations or test runs share a server.
 */
export function subjectOf(prefix: string, kind: EventKind, partition: number): string {
  return `${prefix}.events.${kind}.${partition}`;
}

/** The stream holding one kind of event. */
export function streamOf(prefix: string, kind: EventKind): string {
  return `${prefix.toUpperCase()}_EVENTS_${kind.toUpperCase()}`;
}

/** The durable consumer of one partition of a stream; every worker process shares these names. */
export function consumerOf(partition: number): string {
  return `detect-p${partition}`;
}
