/** The only code that reads or writes audit_log. */
import { sql, type Selectable } from 'kysely';
import type { AuditLogTable } from './audit.tables.ts';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';

export type AuditRow = Selectable<AuditLogTable>;

export type NewAuditRow = Omit<AuditRow, 'seq'>;

export interface AuditFilter {
  action?: string;
  actor?: string;
  organisationId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

// Appends are serialised by a transaction-scoped lock so that two writers cannot both chain
// onto the same previous entry.
const auditLockKey = 5_151_001;

export async function lockChain(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(db);
}

export async function lastHash(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.hash;
}

export async function insert(db: Executor, row: NewAuditRow): Promise<void> {
  await db.insertInto('audit_log').values({ ...row, details: JSON.stringify(row.details) }).execute();
}

export async function list(db: Executor, scope: OrgScope, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().where(scopeCondition(scope, 'organisation_id'));
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.actor) query = query.where('actor_label', 'ilike', `%${filter.actor}%`);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.before) query = query.where('seq', '<', filter.before);
  return query.orderBy('seq', 'desc').limit(filter.limit).execute();
}

/** Reads the chain in order, a page at a time, so verification needs bounded memory. */
export async function* walk(db: Executor, pageSize = 2000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].seq;
  }
}
