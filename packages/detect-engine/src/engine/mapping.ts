import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import type { LogSource } from '../sigma/rule-types.ts';

/**
 * Field mapping profiles: data files (YAML in `mappings/`) saying which events a rule's log source
 * covers (conditions on event fields) and how rule field names become event field names. Users
 * extend the shipped files by passing their own; later files add log sources and override fields.
 */

/** Rule field → one or more event fields (several are ORed). */
export type FieldMap = Record<string, string[]>;

/** One source of events for a log source, e.g. process_creation ← Sysmon EventID 1. */
export interface LogSourceEntry extends LogSource {
  /** Event field → accepted values (ORed); strings compare case-insensitively. */
  conditions: Record<string, string[]>;
  fieldmappings: FieldMap;
}

/** A loaded (possibly merged) mapping profile. */
export interface Mapping {
  names: string[];
  /** Products whose rules may run on events carrying the dispatch fields. */
  products: Set<string>;
  /** Event fields that key the dispatch index (e.g. Channel, EventID). */
  dispatch: string[];
  fieldmappings: FieldMap;
  /** Template for fields with no mapping, e.g. `winlog.event_data.{field}`; tried after the name itself. */
  fallback?: string;
  logsources: LogSourceEntry[];
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The directory of the mapping files shipped with the package. */
export const MAPPINGS_DIR = path.resolve(HERE, '../../mappings');

/** The profile used when none is given: Windows event logs plus auditd, web and firewall logs. */
export const DEFAULT_PROFILES = ['windows', 'linux-auditd', 'web', 'firewall'];

function list(x: unknown): string[] {
  if (x === undefined || x === null) return [];
  return (Array.isArray(x) ? x : [x]).map((v) => String(v));
}

function fieldMap(x: unknown): FieldMap {
  const out: FieldMap = {};
  if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) out[k] = list(v);
  return out;
}

/** Parses one mapping document (YAML text). */
export function parseMapping(text: string, origin: string): Mapping {
  const d = parse(text) as Record<string, unknown>;
  if (!d || typeof d !== 'object') throw new Error(`mapping ${origin}: not a map`);
  const logsources = (Array.isArray(d.logsources) ? d.logsources : []).map((e: Record<string, unknown>) => {
    const conditions: Record<string, string[]> = {};
    for (const [k, v] of Object.entries((e.conditions as object) ?? {})) conditions[k] = list(v);
    return {
      product: e.product as string | undefined,
      category: e.category as string | undefined,
      service: e.service as string | undefined,
      conditions,
      fieldmappings: fieldMap(e.fieldmappings),
    };
  });
  return {
    names: [String(d.name ?? origin)],
    products: new Set(list(d.products)),
    dispatch: list(d.dispatch),
    fieldmappings: fieldMap(d.fieldmappings),
    fallback: typeof d.fallback === 'string' ? d.fallback : undefined,
    logsources,
  };
}

/** Merges profiles in order: the first one with dispatch fields decides them; the rest extend. */
export function mergeMappings(ms: Mapping[]): Mapping {
  const out: Mapping = { names: [], products: new Set(), dispatch: [], fieldmappings: {}, logsources: [] };
  for (const m of ms) {
    out.names.push(...m.names);
    if (out.dispatch.length === 0 && m.dispatch.length > 0) {
      out.dispatch = m.dispatch;
      for (const p of m.products) out.products.add(p);
    }
    Object.assign(out.fieldmappings, m.fieldmappings);
    out.fallback = m.fallback ?? out.fallback;
    out.logsources.push(...m.logsources);
  }
  return out;
}

/**
 * Loads profiles by shipped name (`windows`, `ecs`…) or file path, merged in the order given.
 * With no argument, the default set.
 */
export function loadMapping(namesOrFiles: string[] = DEFAULT_PROFILES): Mapping {
  return mergeMappings(
    namesOrFiles.map((n) => {
      const file = /[\\/]|\.ya?ml$/.test(n) ? n : path.join(MAPPINGS_DIR, `${n}.yml`);
      return parseMapping(readFileSync(file, 'utf8'), file);
    }),
  );
}

/** The entries covering a rule's log source: every key the entry names must equal the rule's. */
export function entriesFor(m: Mapping, ls: LogSource): LogSourceEntry[] {
  return m.logsources.filter(
    (e) =>
      (e.product === undefined || e.product === ls.product) &&
      (e.category === undefined ? ls.category === undefined : e.category === ls.category) &&
      (e.service === undefined ? ls.service === undefined : e.service === ls.service),
  );
}
