/**
 * The only code that reads or writes incident rows and their affected organisations. Every read
 * takes a Reader and applies the TLP visibility rule of incidents.policy.ts in SQL, so a list, a
 * search, an export and a metrics query cannot show what the reader may not see.
 */
import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { scopeCondition } from '../../lib/scope.ts';
import type { Reader } from './incidents.policy.ts';
import type { IncidentTable } from './incidents.tables.ts';
import { amber, amberStrict } from './markings.ts';

export type IncidentRow = Selectable<IncidentTable> & { affected: string[] };

function affectedIn(orgs: readonly string[]): Expression<SqlBool> {
  if (orgs.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from incident_affected a where a.incident_id = i.id and a.organisation_id in (${sql.join(orgs)}))`;
}

/** The reading rule over `incidents as i`, for a record marked `tlp` (the incident's, or the stricter of it and an observable's). */
export function visibleAt(reader: Reader, tlp: Expression<number>): Expression<SqlBool> {
  if (reader.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${scopeCondition(reader.owners, 'i.organisation_id')}
    or ${reader.national ? sql`i.reported_at is not null` : sql`false`}
    or ${tlp} < ${amber}
    or (${tlp} = ${amber} and ${affectedIn(reader.reach)})
    or (${tlp} = ${amberStrict} and ${affectedIn(reader.members)}))`;
}

const incidentTlp = sql<number>`i.tlp`;
const affectedList = sql<string[]>`coalesce((select json_agg(a.organisation_id) from incident_affected a where a.incident_id = i.id), '[]'::json)`;

/** Filters of the list, the search, the export and the metrics drill-down. */
export interface IncidentFilter {
  status?: string;
  severity?: string;
  classKey?: string;
  organisationId?: string;
  sector?: string;
  from?: string;
  to?: string;
  /** Words of the title or description, or an observable's exact value. */
  q?: string;
  limit?: number;
}

function base(db: Executor, reader: Reader) {
  return db.selectFrom('incidents as i').selectAll('i').select(affectedList.as('affected')).where(visibleAt(reader, incidentTlp));
}

export async function list(db: Executor, reader: Reader, f: IncidentFilter): Promise<IncidentRow[]> {
  let query = base(db, reader);
  if (f.status) query = query.where('i.status', '=', f.status as IncidentRow['status']);
  if (f.severity) query = query.where('i.severity', '=', f.severity as IncidentRow['severity']);
  if (f.classKey) query = query.where('i.class_key', '=', f.classKey);
  if (f.organisationId) query = query.where('i.organisation_id', '=', f.organisationId);
  if (f.sector) query = query.where('i.sector', '=', f.sector);
  if (f.from) query = query.where('i.created_at', '>=', new Date(f.from));
  if (f.to) query = query.where('i.created_at', '<', new Date(f.to));
  if (f.q) {
    const words = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<SqlBool>`(i.title ilike ${words} or i.description ilike ${words} or exists (
      select 1 from incident_observables o where o.incident_id = i.id and o.value = ${f.q} and ${visibleAt(reader, sql`greatest(i.tlp, o.tlp)`)}))`);
  }
  return query.orderBy('i.created_at', 'desc').limit(f.limit ?? 200).execute() as Promise<IncidentRow[]>;
}

export async function get(db: Executor, reader: Reader, id: string): Promise<IncidentRow | undefined> {
  return base(db, reader).where('i.id', '=', id).executeTakeFirst() as Promise<IncidentRow | undefined>;
}

/** For a writer: the row with a lock, whatever its marking (the caller checks the rule). */
export async function lockForUpdate(tx: Executor, id: string): Promise<IncidentRow | undefined> {
  return tx.selectFrom('incidents as i').selectAll('i').select(affectedList.as('affected')).where('i.id', '=', id).forUpdate('i').executeTakeFirst() as Promise<IncidentRow | undefined>;
}

/** Runs a write whose references (organisations, users) come from the caller: a missing one answers 400, not 500. */
export async function referencing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23503') throw fail.validation('A referenced organisation or user does not exist');
    throw error;
  }
}

export async function insert(tx: Executor, row: Insertable<IncidentTable>): Promise<void> {
  await tx.insertInto('incidents').values(row).execute();
}

/** Writes a change only if the version is still the one read; returns false when it is stale. */
export async function update(tx: Executor, id: string, version: number, change: Updateable<IncidentTable>): Promise<boolean> {
  const result = await referencing(tx.updateTable('incidents').set({ ...change, version: version + 1, updated_at: new Date() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst());
  return Number(result.numUpdatedRows) === 1;
}

export async function setAffected(tx: Executor, id: string, organisations: readonly string[]): Promise<void> {
  await tx.deleteFrom('incident_affected').where('incident_id', '=', id).execute();
  if (organisations.length) await referencing(tx.insertInto('incident_affected').values([...new Set(organisations)].map((o) => ({ incident_id: id, organisation_id: o }))).execute());
}

/** Public reports from an address since a time, for the intake's rate limit. */
export async function countPublicSince(db: Executor, address: string, since: Date): Promise<number> {
  const row = await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'public').where('reporter_address', '=', address).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Unscoped rows for the sweeper (SLA breaches): incidents not yet closed. */
export async function openIncidents(db: Executor): Promise<Selectable<IncidentTable>[]> {
  return db.selectFrom('incidents').selectAll().where('status', 'not in', ['resolved', 'closed']).execute();
}

/** The few columns the metrics need, for incidents the reader may see created in [from, to). */
export async function metricRows(db: Executor, reader: Reader, from: Date, to: Date) {
  return db.selectFrom('incidents as i')
    .select(['i.id', 'i.organisation_id', 'i.sector', 'i.class_key', 'i.severity', 'i.status', 'i.occurred_at', 'i.detected_at', 'i.created_at', 'i.acknowledged_at', 'i.resolved_at'])
    .where(visibleAt(reader, incidentTlp)).where('i.created_at', '>=', from).where('i.created_at', '<', to).limit(200_000).execute();
}
