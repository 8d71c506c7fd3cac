/**
 * The national register's procedure (strategy 8.1.1.2): an organisation escalates a risk, the
 * coordinator names co-executors, they agree (draft → agreed), the coordinator approves
 * (agreed → approved). Also risk acceptance with an approver and an expiry that reopens it.
 */
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { AppError, fail } from '../../lib/errors.ts';
import { hasRoleIn, type Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { agreeingRoles, assertCoordinator, assertKeeps, assertMayAccept, isCoordinator } from './risk.policy.ts';
import { checkScales, getRow, present, recordVersion, today, withAcronyms, type Risk } from './risk.service.ts';
import * as store from './risk.store.ts';
import type { Agreement } from './risk.tables.ts';

/** Copies an organisation's risk into the national register as a draft, linked both ways. */
export async function escalate(tx: Executor, actor: Actor, id: string): Promise<Risk> {
  const row = await getRow(tx, actor, id);
  if (row.level !== 'organisation') throw fail.conflict('Only an organisation’s risk can be escalated');
  assertKeeps(actor, row.organisation_id);
  if (row.escalated_risk_id) throw fail.conflict('This risk is already in the national register', { nationalRiskId: row.escalated_risk_id });
  const source = present(row);
  await checkScales(tx, 'national', row.organisation_id, source);
  const nationalId = newId();
  const { id: _id, created_at: _c, updated_at: _u, co_executor_acronyms: _a, ...fields } = row;
  await store.insert(tx, {
    ...fields, id: nationalId, level: 'national', procedure_status: 'draft', source_risk_id: row.id, escalated_risk_id: null,
    actions: JSON.stringify(row.actions), incident_ids: JSON.stringify(row.incident_ids), co_executors: '[]', agreements: '[]',
    version: 1, created_by: actor.userId,
  });
  await store.update(tx, row.id, { escalated_risk_id: nationalId, version: row.version + 1 });
  await recordVersion(tx, actor, row.id, 'risk.escalate', source);
  return recordVersion(tx, actor, nationalId, 'risk.create_national');
}

async function nationalDraft(tx: Executor, actor: Actor, id: string) {
  const row = await getRow(tx, actor, id);
  if (row.level !== 'national') throw fail.conflict('The procedure applies to the national register');
  return row;
}

/**
 * The coordinator names the co-executor agencies (by acronym, as the strategy names them) whose
 * agreement a draft needs.
 */
export async function setCoExecutors(tx: Executor, actor: Actor, id: string, acronyms: string[]): Promise<Risk> {
  assertCoordinator(actor);
  const row = await nationalDraft(tx, actor, id);
  if (row.procedure_status !== 'draft') throw fail.conflict(`Co-executors are named while the entry is a draft (it is ${row.procedure_status})`);
  const organisationIds: string[] = [];
  for (const acronym of acronyms) {
    const organisation = await organisations.findByAcronym(tx, acronym);
    if (!organisation) throw new AppError('unprocessable', `No organisation with acronym ${acronym}`);
    organisationIds.push(organisation.id);
  }
  const before = present(row);
  await store.update(tx, id, { co_executors: JSON.stringify(organisationIds), agreements: '[]', version: row.version + 1 });
  return recordVersion(tx, actor, id, 'risk.co_executors', before);
}

/**
 * A co-executor agrees to a draft; once every named co-executor has, it is agreed. With none
 * named, the coordinator's own agreement moves it.
 */
export async function agree(tx: Executor, actor: Actor, id: string): Promise<Risk> {
  const row = await nationalDraft(tx, actor, id);
  if (row.procedure_status !== 'draft') throw fail.conflict(`Only a draft can be agreed (it is ${row.procedure_status})`);
  const named = row.co_executors;
  const mine = named.length === 0
    ? (isCoordinator(actor) ? [actor.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? 'platform'] : [])
    : named.filter((orgId) => hasRoleIn(actor, agreeingRoles, orgId));
  if (mine.length === 0) throw fail.forbidden('Only the named co-executors agree to this entry');
  const at = new Date().toISOString();
  const agreements: Agreement[] = [...row.agreements.filter((a) => !mine.includes(a.organisationId)), ...mine.map((organisationId) => ({ organisationId, userId: actor.userId, at }))];
  const complete = named.every((orgId) => agreements.some((a) => a.organisationId === orgId));
  const before = present(row);
  await store.update(tx, id, { agreements: JSON.stringify(agreements), procedure_status: complete ? 'agreed' : 'draft', version: row.version + 1 });
  return recordVersion(tx, actor, id, complete ? 'risk.agreed' : 'risk.agreement', before);
}

/** The coordinator approves an agreed entry; approving anything else is a conflict. */
export async function approve(tx: Executor, actor: Actor, id: string): Promise<Risk> {
  assertCoordinator(actor);
  const row = await nationalDraft(tx, actor, id);
  if (row.procedure_status !== 'agreed') throw fail.conflict(`Only an agreed entry can be approved (it is ${row.procedure_status})`, { procedureStatus: row.procedure_status });
  const before = present(row);
  await store.update(tx, id, { procedure_status: 'approved', version: row.version + 1 });
  return recordVersion(tx, actor, id, 'risk.approved', before);
}

/** Accepts a risk until a date; the approver is the caller. */
export async function accept(tx: Executor, actor: Actor, id: string, input: { expiresOn: string; note?: string }): Promise<Risk> {
  const row = await getRow(tx, actor, id);
  assertMayAccept(actor, row.level, row.organisation_id);
  if (row.status === 'closed') throw fail.conflict('A closed risk cannot be accepted');
  if (input.expiresOn <= today()) throw fail.validation('The acceptance must expire after today');
  const before = present(row);
  await store.update(tx, id, {
    status: 'accepted', accepted_by: actor.userId, accepted_at: new Date(), acceptance_expires_on: input.expiresOn, acceptance_note: input.note ?? null, version: row.version + 1,
  });
  return recordVersion(tx, actor, id, 'risk.accepted', before);
}

/** Reopens every risk whose acceptance has expired; returns how many. */
export async function reopenExpired(tx: Executor, day: string): Promise<number> {
  const expired = await withAcronyms(tx, await store.expiredAcceptances(tx, day));
  for (const row of expired) {
    const before = present(row, day);
    await store.update(tx, row.id, { status: 'open', accepted_by: null, accepted_at: null, acceptance_expires_on: null, acceptance_note: null, version: row.version + 1 });
    await recordVersion(tx, null, row.id, 'risk.acceptance_expired', before);
  }
  return expired.length;
}
