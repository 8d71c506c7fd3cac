/**
 * Incident records: opening, reading (always through the TLP rule), editing with optimistic
 * versions, classification and the status lifecycle. Each change is journalled (audit,
 * timeline, notifications) in its own transaction.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { accessRank, assertMayHandle, owningOrganisation, readerOf, type Reader } from './incidents.policy.ts';
import * as store from './incidents.store.ts';
import type { IncidentFilter, IncidentRow } from './incidents.store.ts';
import type { Impact, IncidentSource, IncidentStatus, Severity } from './incidents.tables.ts';
import { presentIncident, type IncidentSummary } from './incidents.view.ts';
import { journal } from './journal.ts';
import { move } from './lifecycle.ts';
import { papRank, tlpRank, type Pap, type Tlp } from './markings.ts';
import { addObservables, type ObservableInput } from './observables.service.ts';
import { requireClassification, suggestedSeverity } from './taxonomy.ts';

/** Fields of a new incident, whatever its intake. */
export interface IncidentInput {
  organisationId?: string;
  title: string;
  description?: string;
  severity?: Severity;
  impact?: Impact;
  ciiAffected?: boolean;
  ciiObjects?: string[];
  classKey?: string;
  typeKey?: string;
  tlp?: Tlp;
  pap?: Pap;
  affectedOrganisations?: string[];
  occurredAt?: string;
  detectedAt?: string;
  observables?: ObservableInput[];
}

/** Who opened it and how, for intakes without a signed-in user (public form). */
export interface Origin {
  source: IncidentSource;
  actor: AuditActor;
  userId: string | null;
  reporter?: { name?: string | null; email?: string | null; address?: string | null };
  /** Opened straight into the National CERT's hands (public reports). */
  reported?: boolean;
  /** The owning organisation's sector, kept for statistics. */
  sector: string | null;
}

function readable(row: IncidentRow) {
  return { organisationId: row.organisation_id, reported: row.reported_at !== null, affected: row.affected };
}

/** Opens an incident in `organisationId` (checked by the caller) and journals it. */
export async function open(tx: Executor, organisationId: string, input: IncidentInput, origin: Origin): Promise<IncidentRow> {
  const id = newId();
  const impact = input.impact ?? 'low';
  const ciiAffected = input.ciiAffected ?? false;
  let severity = input.severity;
  if (input.classKey || input.typeKey) {
    const c = await requireClassification(tx, input.classKey ?? '', input.typeKey ?? '');
    severity ??= suggestedSeverity(c, impact, ciiAffected);
  }
  const now = new Date();
  await store.insert(tx, {
    id, organisation_id: organisationId, sector: origin.sector, title: input.title, description: input.description ?? '', source: origin.source,
    reporter_user_id: origin.userId, reporter_name: origin.reporter?.name ?? null, reporter_email: origin.reporter?.email ?? null, reporter_address: origin.reporter?.address ?? null,
    class_key: input.classKey ?? null, type_key: input.typeKey ?? null, impact, cii_affected: ciiAffected, cii_objects: JSON.stringify(input.ciiObjects ?? []),
    severity: severity ?? 'medium', status: 'new', tlp: tlpRank(input.tlp ?? 'AMBER'), pap: papRank(input.pap ?? 'AMBER'),
    assignee_user_id: null, team: null, occurred_at: input.occurredAt ? new Date(input.occurredAt) : null,
    detected_at: input.detectedAt ? new Date(input.detectedAt) : now, reported_at: origin.reported ? now : null,
  });
  await store.setAffected(tx, id, input.affectedOrganisations ?? []);
  const row = (await store.lockForUpdate(tx, id))!;
  await journal(tx, origin.actor, { action: 'incident.create', incident: row, after: presentIncident(row), details: { source: origin.source, title: row.title } });
  await addObservables(tx, origin.actor, row, input.observables ?? []);
  return row;
}

/** Opens an incident through the API, in the caller's organisation (or one they handle). */
export async function create(tx: Executor, actor: Actor, input: IncidentInput): Promise<IncidentSummary> {
  const organisationId = owningOrganisation(actor, input.organisationId);
  const { sector } = await organisations.get(tx, actor, organisationId);
  const row = await open(tx, organisationId, input, { source: 'api', actor: auditActor(actor), userId: actor.userId, sector });
  return presentIncident(row);
}

export async function list(db: Executor, actor: Actor, filter: IncidentFilter): Promise<IncidentSummary[]> {
  return (await store.list(db, readerOf(actor), filter)).map(presentIncident);
}

/** An incident the reader may see, or 404 (never 403: its existence is not disclosed). */
export async function readRow(db: Executor, reader: Reader, id: string): Promise<IncidentRow> {
  const row = await store.get(db, reader, id);
  if (!row) throw fail.notFound('Incident');
  return row;
}

/** Locks an incident for a change by a handler; 404 when hidden from the actor, 409 on a stale version. */
export async function forChange(tx: Executor, actor: Actor, id: string, version?: number): Promise<IncidentRow> {
  const row = await store.lockForUpdate(tx, id);
  if (!row || accessRank(readerOf(actor), readable(row)) < row.tlp) throw fail.notFound('Incident');
  assertMayHandle(actor, readable(row));
  if (version !== undefined && version !== row.version) throw fail.conflict('The incident was changed by someone else; reload it', { currentVersion: row.version, yourVersion: version });
  return row;
}

/** Editable fields; `version` is the one the client read. */
export interface IncidentPatch {
  version: number;
  title?: string;
  description?: string;
  severity?: Severity;
  impact?: Impact;
  ciiAffected?: boolean;
  ciiObjects?: string[];
  tlp?: Tlp;
  pap?: Pap;
  assigneeUserId?: string | null;
  team?: string | null;
  affectedOrganisations?: string[];
  occurredAt?: string | null;
}

async function save(tx: Executor, actor: Actor, before: IncidentRow, change: Parameters<typeof store.update>[3], action: string, details: Record<string, unknown>): Promise<IncidentSummary> {
  if (!(await store.update(tx, before.id, before.version, change))) throw fail.conflict('The incident was changed by someone else; reload it', { currentVersion: before.version + 1 });
  const after = (await store.lockForUpdate(tx, before.id))!;
  await journal(tx, auditActor(actor), { action, incident: after, before: presentIncident(before), after: presentIncident(after), details });
  return presentIncident(after);
}

export async function update(tx: Executor, actor: Actor, id: string, patch: IncidentPatch): Promise<IncidentSummary> {
  const before = await forChange(tx, actor, id, patch.version);
  if (patch.affectedOrganisations) await store.setAffected(tx, id, patch.affectedOrganisations);
  return save(tx, actor, before, {
    title: patch.title, description: patch.description, severity: patch.severity, impact: patch.impact, cii_affected: patch.ciiAffected,
    cii_objects: patch.ciiObjects && JSON.stringify(patch.ciiObjects), tlp: patch.tlp && tlpRank(patch.tlp), pap: patch.pap && papRank(patch.pap),
    assignee_user_id: patch.assigneeUserId, team: patch.team, occurred_at: patch.occurredAt === undefined ? undefined : patch.occurredAt ? new Date(patch.occurredAt) : null,
  }, 'incident.update', { fields: Object.keys(patch).filter((k) => k !== 'version') });
}

/** Sets class and type (and the severity the table gives, unless one is named). */
export async function classify(tx: Executor, actor: Actor, id: string, input: { version: number; classKey: string; typeKey: string; severity?: Severity }): Promise<IncidentSummary> {
  const before = await forChange(tx, actor, id, input.version);
  const c = await requireClassification(tx, input.classKey, input.typeKey);
  const severity = input.severity ?? suggestedSeverity(c, before.impact, before.cii_affected);
  return save(tx, actor, before, { class_key: input.classKey, type_key: input.typeKey, severity }, 'incident.classify', { classKey: input.classKey, typeKey: input.typeKey, severity });
}

/** Moves the incident through its lifecycle; closing needs a classification (409). */
export async function transition(tx: Executor, actor: Actor, id: string, input: { version: number; status: IncidentStatus; note?: string }): Promise<IncidentSummary> {
  const before = await forChange(tx, actor, id, input.version);
  if (input.status === 'closed' && (!before.class_key || !before.type_key)) {
    throw fail.conflict('Classify the incident (class and type) before closing it', { missing: 'classification' });
  }
  const stamps = move(before.status, input.status, before, new Date());
  return save(tx, actor, before, { status: input.status, ...stamps }, 'incident.status', { from: before.status, to: input.status, note: input.note ?? null });
}
