/** The only code that touches TAXII status resources and the jobs behind pending ones. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SharingStatusJobTable, SharingStatusTable } from './sharing.tables.ts';

export type StatusRow = Selectable<SharingStatusTable>;
export type JobRow = Selectable<SharingStatusJobTable>;

export async function insert(tx: Executor, row: Insertable<SharingStatusTable>): Promise<void> {
  await tx.insertInto('sharing_statuses').values(row).execute();
}

export async function get(db: Executor, id: string): Promise<StatusRow | undefined> {
  return db.selectFrom('sharing_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function update(tx: Executor, id: string, change: Updateable<SharingStatusTable>): Promise<void> {
  await tx.updateTable('sharing_statuses').set(change).where('id', '=', id).execute();
}

export async function insertJob(tx: Executor, row: Insertable<SharingStatusJobTable>): Promise<void> {
  await tx.insertInto('sharing_status_jobs').values(row).execute();
}

/** Takes the oldest job due by `now` for this worker; others skip it while its transaction lasts. */
export async function claimJob(tx: Executor, now: Date): Promise<JobRow | undefined> {
  return tx.selectFrom('sharing_status_jobs').selectAll().where('run_after', '<=', now).orderBy('created_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export async function removeJob(tx: Executor, statusId: string): Promise<void> {
  await tx.deleteFrom('sharing_status_jobs').where('status_id', '=', statusId).execute();
}

export async function getJob(db: Executor, statusId: string): Promise<JobRow | undefined> {
  return db.selectFrom('sharing_status_jobs').selectAll().where('status_id', '=', statusId).executeTakeFirst();
}

/** Counts a failed attempt and puts the job off by 30 s per attempt so far; returns how many attempts there were. */
export async function failedAttempt(db: Executor, statusId: string, error: string): Promise<number> {
  const row = await db.updateTable('sharing_status_jobs').set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, run_after: sql<Date>`now() + interval '30 seconds' * (attempts + 1)` }))
    .where('status_id', '=', statusId).returning('attempts').executeTakeFirst();
  return row?.attempts ?? 0;
}
