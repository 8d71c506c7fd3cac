/**
 * Importing STIX objects into a collection, shared by the bundle import API, TAXII POST, the
 * TAXII client and the MISP import. Each object is judged alone — schema, pattern, version rule —
 * and either stored whole or not at all, with a line in the report saying what happened:
 * created, new version, skipped (already stored) or rejected (with the reason). A version that is
 * not newer than the collection's newest is rejected, as TAXII 2.1 asks; versions are never
 * overwritten. Objects without a TLP marking receive the import's default, so none circulates
 * unmarked.
 */
import type { Executor } from '../../db/database.ts';
import * as objects from './objects.store.ts';
import { isTlpMarking, tlpMarkingIds, tlpOfObject } from './tlp.ts';
import { validateObject } from './stix.validate.ts';
import { stixNow, versionKey } from './versions.ts';

export type Outcome = 'created' | 'new_version' | 'skipped' | 'rejected';

export interface ReportLine {
  index: number;
  id: string | null;
  type: string | null;
  version: string | null;
  outcome: Outcome;
  reason?: string;
}

export interface ImportReport {
  counts: Record<Outcome, number>;
  lines: ReportLine[];
  /** Stored objects, for follow-ups such as detection indicators and early warnings. */
  stored: { object: Record<string, unknown>; tlp: number; outcome: 'created' | 'new_version' }[];
}

export interface ImportTarget {
  collectionId: string;
  /** The organisation that will own the stored versions. */
  organisationId: string;
  source: string;
  /** TLP rank given to objects that carry no TLP marking. */
  defaultTlp: number;
}

interface Candidate {
  index: number;
  object: Record<string, unknown>;
  id: string;
  type: string;
  version: string | undefined;
  tlp: number;
}

function judge(raw: unknown, index: number, target: ImportTarget): Candidate | ReportLine {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : null;
  const type = typeof o.type === 'string' ? o.type : null;
  const rejected = (reason: string): ReportLine => ({ index, id, type, version: null, outcome: 'rejected', reason });
  const verdict = validateObject(raw);
  if (!verdict.ok) return rejected(verdict.reason);
  const stamp = (o.modified ?? o.created) as string | undefined;
  const version = stamp === undefined ? undefined : versionKey(stamp);
  if (stamp !== undefined && !version) return rejected(`timestamp ${stamp} is not a STIX timestamp`);
  const object = { ...o };
  let tlp = tlpOfObject(object);
  if (isTlpMarking(id!)) tlp = 0;
  if (tlp === undefined) {
    tlp = target.defaultTlp;
    object.object_marking_refs = [...(Array.isArray(o.object_marking_refs) ? o.object_marking_refs : []), tlpMarkingIds[tlp]];
  }
  return { index, object, id: id!, type: type!, version, tlp };
}

/** Judges and stores `raw` objects; call inside the request's transaction. */
export async function importObjects(tx: Executor, target: ImportTarget, raw: readonly unknown[]): Promise<ImportReport> {
  const lines: ReportLine[] = new Array(raw.length);
  const candidates: Candidate[] = [];
  raw.forEach((item, index) => {
    const judged = judge(item, index, target);
    if ('outcome' in judged) lines[index] = judged;
    else candidates.push(judged);
  });
  const held = new Map<string, Set<string>>();
  for (let i = 0; i < candidates.length; i += 5000) {
    const chunk = [...new Set(candidates.slice(i, i + 5000).map((c) => c.id))];
    for (const [id, versions] of await objects.storedVersions(tx, target.collectionId, chunk)) held.set(id, new Set(versions));
  }
  const latest = new Map([...held].map(([id, versions]) => [id, [...versions].sort().at(-1)!]));
  const now = versionKey(stixNow())!;
  const accepted: objects.NewVersion[] = [];
  const stored: ImportReport['stored'] = [];
  const line = (c: Candidate, outcome: Outcome, version: string | null, reason?: string): ReportLine => ({ index: c.index, id: c.id, type: c.type, version, outcome, ...(reason ? { reason } : {}) });
  for (const c of candidates) {
    const newest = latest.get(c.id);
    if (c.version === undefined && newest !== undefined) {
      lines[c.index] = line(c, 'skipped', newest, 'already stored (objects without modified/created have one version)');
      continue;
    }
    const version = c.version ?? now;
    if (held.get(c.id)?.has(version)) {
      lines[c.index] = line(c, 'skipped', version, 'this version is already stored');
      continue;
    }
    if (newest !== undefined && version < newest) {
      lines[c.index] = line(c, 'rejected', version, `version ${c.object.modified ?? version} is not newer than the stored version`);
      continue;
    }
    const outcome = newest === undefined ? 'created' : 'new_version';
    latest.set(c.id, version);
    held.set(c.id, (held.get(c.id) ?? new Set()).add(version));
    accepted.push({ stix_id: c.id, version, type: c.type, spec_version: '2.1', tlp: c.tlp, organisation_id: target.organisationId, object_json: JSON.stringify(c.object), source: target.source });
    stored.push({ object: c.object, tlp: c.tlp, outcome });
    lines[c.index] = line(c, outcome, version);
  }
  await objects.addVersions(tx, target.collectionId, accepted);
  const counts: Record<Outcome, number> = { created: 0, new_version: 0, skipped: 0, rejected: 0 };
  for (const l of lines) counts[l.outcome] += 1;
  return { counts, lines, stored };
}
