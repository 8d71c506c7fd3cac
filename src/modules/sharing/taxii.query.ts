/**
 * The TAXII 2.1 query parameters, parsed strictly: a malformed value is a 400 with the reason,
 * never silently ignored. `next` is the opaque position after the previous page.
 */
import { TaxiiError } from './taxii.http.ts';
import type { ObjectQuery } from './objects.store.ts';
import { versionKey } from './versions.ts';

export const maxPage = 10_000;
const defaultPage = 1000;
const matchFields = new Set(['id', 'type', 'version', 'spec_version']);
const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function bad(description: string): TaxiiError {
  return new TaxiiError(400, 'Bad Request', description);
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw bad(`${name} may be given once`);
  return value;
}

function list(value: string, name: string): string[] {
  const items = value.split(',').map((v) => v.trim());
  if (items.some((v) => v === '')) throw bad(`${name} has an empty item`);
  return items;
}

export type Filters = Omit<ObjectQuery, 'collectionId' | 'ownOrganisations'>;

/** Parses added_after, limit, next and match[…] for objects, manifest, object and versions endpoints. */
export function parseFilters(query: Record<string, unknown>, options: { versionDefault: 'last' | 'all'; allowVersion: boolean }): Filters {
  const filters: Filters = { limit: defaultPage, versions: { kind: options.versionDefault } };
  const after = single(query, 'added_after');
  if (after !== undefined) {
    if (!stamp.test(after) || Number.isNaN(Date.parse(after))) throw bad(`added_after must be an RFC 3339 timestamp in UTC, got "${after}"`);
    filters.addedAfter = after;
  }
  const limit = single(query, 'limit');
  if (limit !== undefined) {
    if (!/^\d{1,9}$/.test(limit) || Number(limit) < 1) throw bad(`limit must be a positive whole number, got "${limit}"`);
    filters.limit = Math.min(Number(limit), maxPage);
  }
  const next = single(query, 'next');
  if (next !== undefined) {
    const decoded = /^[A-Za-z0-9_-]{1,40}$/.test(next) ? Buffer.from(next, 'base64url').toString('utf8') : '';
    if (!/^s\d{1,18}$/.test(decoded)) throw bad('next is not a value this server gave');
    filters.afterSeq = Number(decoded.slice(1));
  }
  for (const key of Object.keys(query)) {
    const m = /^match\[(.+)\]$/.exec(key);
    if (!m && !['added_after', 'limit', 'next'].includes(key)) throw bad(`Unknown query parameter "${key}"`);
    if (!m) continue;
    if (!matchFields.has(m[1]) || (m[1] === 'version' && !options.allowVersion)) throw bad(`match[${m[1]}] is not supported here`);
    const values = list(single(query, key)!, key);
    if (m[1] === 'id') filters.ids = values;
    if (m[1] === 'type') filters.types = values;
    if (m[1] === 'spec_version') filters.specVersions = values;
    if (m[1] === 'version') filters.versions = versionsOf(values);
  }
  return filters;
}

function versionsOf(values: string[]): Filters['versions'] {
  if (values.includes('all')) return { kind: 'all' };
  const keywords = values.filter((v) => v === 'first' || v === 'last');
  if (keywords.length === values.length && keywords.length === 1) return { kind: keywords[0] as 'first' | 'last' };
  if (keywords.length) throw bad('match[version] combines first or last with other values; ask for all and filter');
  const keys = values.map((v) => versionKey(v));
  if (keys.some((k) => k === undefined)) throw bad('match[version] must be first, last, all or STIX timestamps');
  return { kind: 'exact', values: keys as string[] };
}

/** The opaque `next` for a page that ended at `seq`. */
export function nextToken(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}
