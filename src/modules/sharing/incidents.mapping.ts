/**
 * An incident as STIX 2.1, read through the incidents module's services (so its own TLP rule
 * applies to the caller): the incident SDO, an indicator per observable that has a STIX
 * pattern form, the observable as an SCO, and relationships indicator → incident and
 * indicator → SCO ("based-on"). Ids are derived from the incident and values, so publishing again
 * adds new versions rather than new objects.
 */
import type { Executor } from '../../db/database.ts';
import { patternFor, type IndicatorKind } from '@qalxan/stix-pattern';
import type { Actor } from '../identity/identity.policy.ts';
import { readerOf } from '../incidents/incidents.policy.ts';
import { readRow } from '../incidents/incidents.service.ts';
import { observablesWithCorrelations } from '../incidents/observables.service.ts';
import { tlpLabels, tlpMarkingIds } from './tlp.ts';
import { stixNow, uuidV5 } from './versions.ts';

const incidentNamespace = '7d6a3b5e-8f57-4a35-9b0e-5b8a2e4c1f10';

const kinds: Record<string, { kind: IndicatorKind; sco?: (value: string) => Record<string, unknown> }> = {
  ip: { kind: 'ip', sco: (value) => ({ type: value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value }) },
  domain: { kind: 'domain', sco: (value) => ({ type: 'domain-name', value }) },
  url: { kind: 'url', sco: (value) => ({ type: 'url', value }) },
  email: { kind: 'email', sco: (value) => ({ type: 'email-addr', value }) },
  md5: { kind: 'md5', sco: (value) => ({ type: 'file', hashes: { MD5: value } }) },
  sha1: { kind: 'sha1', sco: (value) => ({ type: 'file', hashes: { 'SHA-1': value } }) },
  sha256: { kind: 'sha256', sco: (value) => ({ type: 'file', hashes: { 'SHA-256': value } }) },
};

function sco(base: Record<string, unknown>, marking: string): Record<string, unknown> {
  const contributing = base.type === 'file' ? { hashes: base.hashes } : { value: base.value };
  return { ...base, spec_version: '2.1', id: `${base.type}--${uuidV5(JSON.stringify(contributing))}`, object_marking_refs: [marking] };
}

/** STIX objects for an incident the actor may read, each marked at the stricter of incident and observable TLP. */
export async function incidentObjects(db: Executor, actor: Actor, incidentId: string, at = new Date()): Promise<{ objects: Record<string, unknown>[]; tlp: number }> {
  const reader = readerOf(actor);
  const incident = await readRow(db, reader, incidentId);
  const now = stixNow(at);
  const marking = tlpMarkingIds[incident.tlp];
  const stixIncidentId = `incident--${uuidV5(incident.id, incidentNamespace)}`;
  const objects: Record<string, unknown>[] = [{
    type: 'incident', spec_version: '2.1', id: stixIncidentId, created: new Date(incident.created_at).toISOString(), modified: now,
    name: incident.title, description: incident.description || undefined, labels: [incident.severity, incident.status],
    object_marking_refs: [marking],
  }];
  for (const o of await observablesWithCorrelations(db, reader, incident.id)) {
    const mapping = kinds[o.type];
    if (!mapping) continue;
    const tlp = Math.max(incident.tlp, tlpLabels.indexOf(o.tlp as (typeof tlpLabels)[number]));
    const mark = tlpMarkingIds[tlp];
    const indicatorId = `indicator--${uuidV5(`${incident.id}|${o.type}|${o.value}`, incidentNamespace)}`;
    const observable = sco(mapping.sco!(o.value), mark);
    objects.push(
      { type: 'indicator', spec_version: '2.1', id: indicatorId, created: now, modified: now, name: `${o.type} ${o.value}`, indicator_types: ['malicious-activity'],
        pattern: patternFor({ type: mapping.kind, value: o.value }), pattern_type: 'stix', valid_from: now, object_marking_refs: [mark] },
      observable,
      { type: 'relationship', spec_version: '2.1', id: `relationship--${uuidV5(`${indicatorId}|related-to|${stixIncidentId}`, incidentNamespace)}`, created: now, modified: now,
        relationship_type: 'related-to', source_ref: indicatorId, target_ref: stixIncidentId, object_marking_refs: [mark] },
      { type: 'relationship', spec_version: '2.1', id: `relationship--${uuidV5(`${indicatorId}|based-on|${String(observable.id)}`, incidentNamespace)}`, created: now, modified: now,
        relationship_type: 'based-on', source_ref: indicatorId, target_ref: observable.id, object_marking_refs: [mark] },
    );
  }
  return { objects: JSON.parse(JSON.stringify(objects)) as Record<string, unknown>[], tlp: incident.tlp };
}
