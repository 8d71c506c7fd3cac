/**
 * Normalisation: every event keeps its original fields (the names Sigma rules are written in)
 * and gains the Elastic Common Schema names from the field-mapping table; ECS-shaped input gains
 * the original names in turn. The organisation's host name and the event time are settled here.
 */
import { eventTime } from '@qalxan/detect-engine';
import type { EventKind } from '../../events/types.ts';
import { familiesOf, fieldMap, type FieldPairs } from './field-map.ts';

/** A pair of the field-mapping table with its ECS path split once, not for every event. */
interface Pair {
  name: string;
  ecs: string;
  parts: string[];
}

function compile(pairs: FieldPairs): Pair[] {
  return Object.entries(pairs).map(([name, ecs]) => ({ name, ecs, parts: ecs.split('.') }));
}

const compiled = Object.fromEntries(Object.entries(fieldMap).map(([family, pairs]) => [family, compile(pairs)])) as Record<keyof typeof fieldMap, Pair[]>;
const fixed = Object.fromEntries(['winlog', 'winlog.event_data', 'host.name', 'event.original', 'event.kind'].map((p) => [p, p.split('.')]));

/** Reads a path (split at its dots) from nested objects, or the literal dotted key. */
function getAt(o: Record<string, unknown>, path: string, parts: readonly string[]): unknown {
  if (path in o) return o[path];
  let cur: unknown = o;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Reads a dotted path from nested objects, or a literal dotted key. */
export function getPath(o: Record<string, unknown>, path: string): unknown {
  return getAt(o, path, fixed[path] ?? path.split('.'));
}

/** Sets a path (split at its dots), creating objects; leaves an existing value (or a scalar in the way) alone. */
function setAt(o: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let cur = o;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (next === undefined) cur = cur[parts[i]] = {} as Record<string, unknown>;
    else if (next && typeof next === 'object' && !Array.isArray(next)) cur = next as Record<string, unknown>;
    else return;
  }
  if (cur[parts[parts.length - 1]] === undefined) cur[parts[parts.length - 1]] = value;
}

export interface Normalised {
  event: Record<string, unknown>;
  kind: EventKind;
  host: string;
  /** Epoch ms: the event's own time, or the time it was received. */
  time: number;
}

/** ECS in: Winlogbeat keeps Windows EventData under winlog.event_data; lift it and the mapped ECS fields to the rule names. */
function liftWinlog(event: Record<string, unknown>): void {
  const data = getAt(event, 'winlog.event_data', fixed['winlog.event_data']);
  if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) if (event[k] === undefined) event[k] = v;
  if (getAt(event, 'winlog', fixed.winlog) === undefined) return;
  for (const { name, ecs, parts } of compiled.windows) {
    const v = getAt(event, ecs, parts);
    if (v !== undefined && event[name] === undefined) event[name] = v;
  }
}

/** Normalises one parsed record; `original` is the raw line when the input was text (syslog, CSV). */
export function normalise(record: Record<string, unknown>, receivedAt: number, original?: string): Normalised {
  const event: Record<string, unknown> = { ...record };
  liftWinlog(event);
  const { kind, families } = familiesOf(event);
  for (const family of families) {
    for (const { name, parts } of compiled[family]) {
      const v = event[name];
      if (v !== undefined && v !== null && v !== '') setAt(event, parts, v);
    }
  }
  const time = eventTime(event, receivedAt);
  if (event['@timestamp'] === undefined) event['@timestamp'] = new Date(time).toISOString();
  if (original !== undefined) setAt(event, fixed['event.original'], original);
  setAt(event, fixed['event.kind'], 'event');
  const hostValue = getAt(event, 'host.name', fixed['host.name']) ?? event.Computer ?? event.hostname ?? event.host;
  const host = typeof hostValue === 'string' && hostValue !== '' ? hostValue.toLowerCase() : 'unknown';
  return { event, kind, host, time: Number.isFinite(time) ? time : receivedAt };
}
