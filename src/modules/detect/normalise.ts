/**
 * Normalisation: every event keeps its original fields (the names Sigma rules are written in)
 * and gains the Elastic Common Schema names from the field-mapping table; ECS-shaped input gains
 * the original names in turn. The organisation's host name and the event time are settled here.
 */
import { eventTime } from '@qalxan/detect-engine';
import type { EventKind } from '../../events/types.ts';
import { familiesOf, fieldMap } from './field-map.ts';

/** Reads a dotted path from nested objects, or a literal dotted key. */
export function getPath(o: Record<string, unknown>, path: string): unknown {
  if (path in o) return o[path];
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Sets a dotted path, creating objects; leaves an existing value (or a scalar in the way) alone. */
function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
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

/** Normalises one parsed record; `original` is the raw line when the input was text (syslog, CSV). */
export function normalise(record: Record<string, unknown>, receivedAt: number, original?: string): Normalised {
  const event: Record<string, unknown> = { ...record };
  // ECS in: Winlogbeat keeps Windows EventData under winlog.event_data; lift it to the rule names.
  const data = getPath(event, 'winlog.event_data');
  if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) if (event[k] === undefined) event[k] = v;
  if (getPath(event, 'winlog') !== undefined) {
    for (const [name, ecs] of Object.entries(fieldMap.windows)) {
      const v = getPath(event, ecs);
      if (v !== undefined && event[name] === undefined) event[name] = v;
    }
  }
  const { kind, families } = familiesOf(event);
  for (const family of families) {
    for (const [name, ecs] of Object.entries(fieldMap[family])) {
      const v = event[name];
      if (v !== undefined && v !== null && v !== '') setPath(event, ecs, v);
    }
  }
  const time = eventTime(event, receivedAt);
  if (event['@timestamp'] === undefined) event['@timestamp'] = new Date(time).toISOString();
  if (original !== undefined) setPath(event, 'event.original', original);
  setPath(event, 'event.kind', 'event');
  const hostValue = getPath(event, 'host.name') ?? event.Computer ?? event.hostname ?? event.host;
  const host = typeof hostValue === 'string' && hostValue !== '' ? hostValue.toLowerCase() : 'unknown';
  return { event, kind, host, time: Number.isFinite(time) ? time : receivedAt };
}
