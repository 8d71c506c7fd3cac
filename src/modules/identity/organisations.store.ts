/** The only code that reads or writes organisations. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationTable } from './identity.tables.ts';

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationChange = Pick<Updateable<OrganisationTable>, 'name_az' | 'name_en' | 'kind' | 'sector' | 'parent_id'>;

export async function list(db: Executor, scope: OrgScope): Promise<OrganisationRow[]> {
  return (await db.selectFrom('organisations').selectAll().where(scopeCondition(scope, 'id')).orderBy('acronym').execute());
}

export async function get(db: Executor, scope: OrgScope, id: string): Promise<OrganisationRow | undefined> {
  return (await db.selectFrom('organisations').selectAll().where('id', '=', id).where(scopeCondition(scope, 'id'))
    .executeTakeFirst());
}

export async function byIds(db: Executor, ids: readonly string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function findByAcronym(db: Executor, acronym: string): Promise<OrganisationRow | undefined> {
  return (await db.selectFrom('organisations').selectAll().where('acronym', '=', acronym).executeTakeFirst());
}

export async function count(db: Executor): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insert(db: Executor, row: NewOrganisation): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function update(db: Executor, id: string, change: OrganisationChange): Promise<void> {
  await db.updateTable('organisations').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Each given organisation with all organisations below it (cycle-safe), and whether it is the National CERT. */
export async function withDescendants(db: Executor, ids: readonly string[]): Promise<Map<string, { reach: string[]; national: boolean }>> {
  const result = new Map<string, { reach: string[]; national: boolean }>();
  if (ids.length === 0) return result;
  const rows = await sql<{ root: string; id: string; national: boolean }>`
    with recursive tree(root, id, national) as (
      select o.id, o.id, o.is_national_cert from organisations o where o.id in (${sql.join(ids)})
      union
      select t.root, c.id, t.national from organisations c join tree t on c.parent_id = t.id
    )
    select root, id, national from tree`.execute(db);
  for (const { root, id, national } of rows.rows) {
    const entry = result.get(root) ?? { reach: [], national };
    entry.reach.push(id);
    result.set(root, entry);
  }
  return result;
}

export async function nationalCertIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('organisations').select('id').where('is_national_cert', '=', true).execute()).map((r) => r.id);
}
