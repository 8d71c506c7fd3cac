/**
 * Observables on an incident: validated and canonicalised on the way in, filtered by their own
 * TLP on the way out, and correlated with other incidents (and alerts) the viewer may see.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import * as alerts from '../detect/alerts.service.ts';
import type { Actor } from '../identity/identity.policy.ts';
import type { Reader } from './incidents.policy.ts';
import { papRank, tlpRank, type Pap, type Tlp } from './markings.ts';
import { journal } from './journal.ts';
import { checkObservable, type ObservableType } from './observables.ts';
import { presentObservable } from './incidents.view.ts';
import * as work from './work.store.ts';

export interface ObservableInput {
  type: ObservableType;
  value: string;
  tlp?: Tlp;
  pap?: Pap;
}

/** Most correlation links returned for one incident, so a very common value cannot flood the page. */
export const correlationLimit = 5000;
/** Host-like observables looked up in the alert queue per incident (one query each). */
export const alertLookups = 25;

/** Validates all, then adds them (already present ones are kept). 400 with each bad value's reason. */
export async function addObservables(tx: Executor, actor: AuditActor, incident: { id: string; organisation_id: string }, inputs: readonly ObservableInput[]) {
  const checked = inputs.map((o, index) => ({ o, index, result: checkObservable(o.type, o.value) }));
  const invalid = checked.filter((c) => !c.result.ok).map((c) => ({ index: c.index, type: c.o.type, value: c.o.value, reason: c.result.ok ? '' : c.result.reason }));
  if (invalid.length) throw fail.validation(`Invalid observable: ${invalid.map((i) => `${i.type} "${i.value}" (${i.reason})`).join('; ')}`, { invalid });
  const rows = checked.map(({ o, result }) => ({
    id: newId(), incident_id: incident.id, type: o.type, value: result.ok ? result.value : '', tlp: tlpRank(o.tlp ?? 'AMBER'), pap: papRank(o.pap ?? 'AMBER'),
  }));
  const added = await work.addObservables(tx, rows);
  if (added.length) await journal(tx, actor, { action: 'incident.observables.add', incident, details: { added: added.map((a) => `${a.type}:${a.value}`).slice(0, 50), count: added.length } });
  return added.map(presentObservable);
}

export async function removeObservable(tx: Executor, actor: AuditActor, incident: { id: string; organisation_id: string }, id: string): Promise<void> {
  const removed = await work.removeObservable(tx, incident.id, id);
  if (!removed) throw fail.notFound('Observable');
  await journal(tx, actor, { action: 'incident.observables.remove', incident, details: { observable: `${removed.type}:${removed.value}` } });
}

/** A link from an observable to where else it was seen. */
export interface Correlation {
  incidentId: string;
  title: string;
  status: string;
  severity: string;
}

/**
 * The observables of an incident the viewer may see, each with the other incidents (visible to
 * the viewer at the stricter of both markings) that hold the same value.
 */
export async function observablesWithCorrelations(db: Executor, reader: Reader, incidentId: string) {
  const own = await work.observables(db, reader, incidentId);
  const matches = await work.correlate(db, reader, incidentId, [...new Set(own.map((o) => o.value))], correlationLimit);
  const byKey = new Map<string, Correlation[]>();
  for (const m of matches) {
    const key = `${m.type}:${m.value}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { incidentId: m.incident_id, title: m.title, status: m.status, severity: m.severity }]);
  }
  return own.map((o) => ({ ...presentObservable(o), correlations: byKey.get(`${o.type}:${o.value}`) ?? [] }));
}

/**
 * Alerts (detect module, through its service and its own read scope) whose host is one of the
 * incident's IP or domain observables. Matching other event fields needs an indexed value lookup
 * in the detect module: a follow-up.
 */
export async function alertCorrelations(db: Executor, actor: Actor, observables: readonly { type: string; value: string }[]) {
  const hosts = [...new Set(observables.filter((o) => o.type === 'ip' || o.type === 'domain').map((o) => o.value))].slice(0, alertLookups);
  const found = await Promise.all(hosts.map(async (host) => ({ host, items: (await alerts.list(db, actor, { host, limit: 20 })).items })));
  return found.filter((f) => f.items.length).map((f) => ({ value: f.host, alerts: f.items.map((a) => ({ id: a.id, ruleTitle: a.ruleTitle, severity: a.severity, lastSeen: a.lastSeen })) }));
}
