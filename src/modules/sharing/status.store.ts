/** The only code that touches TAXII status resources. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SharingStatusTable } from './sharing.tables.ts';

export type StatusRow = Selectable<SharingStatusTable>;

export async function insert(tx: Executor, row: Insertable<SharingStatusTable>): Promise<void> {
  await tx.insertInto('sharing_statuses').values(row).execute();
}

export async function get(db: Executor, id: string): Promise<StatusRow | undefined> {
  return db.selectFrom('sharing_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}
