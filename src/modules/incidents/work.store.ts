/**
 * The only code that reads or writes what hangs off an incident: observables (and their
 * correlation), tasks, the timeline, attachments and linked alerts. Callers have already
 * checked that the reader may see the incident; observables are filtered by their own marking.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Reader } from './incidents.policy.ts';
import { referencing, visibleAt } from './incidents.store.ts';
import type { IncidentAttachmentTable, IncidentObservableTable, IncidentTaskTable, IncidentTimelineTable } from './incidents.tables.ts';

export type ObservableRow = Selectable<IncidentObservableTable>;
export type TaskRow = Selectable<IncidentTaskTable>;
export type TimelineRow = Selectable<IncidentTimelineTable>;
export type AttachmentInfo = Omit<Selectable<IncidentAttachmentTable>, 'content'>;

const effective = sql<number>`greatest(i.tlp, o.tlp)`;

export async function observables(db: Executor, reader: Reader, incidentId: string): Promise<ObservableRow[]> {
  return db.selectFrom('incident_observables as o').innerJoin('incidents as i', 'i.id', 'o.incident_id').selectAll('o')
    .where('o.incident_id', '=', incidentId).where(visibleAt(reader, effective)).orderBy('o.created_at').orderBy('o.value').execute();
}

/** Adds observables; ones already on the incident are left as they are. Returns those added. */
export async function addObservables(tx: Executor, rows: Insertable<IncidentObservableTable>[]): Promise<ObservableRow[]> {
  if (rows.length === 0) return [];
  return tx.insertInto('incident_observables').values(rows).onConflict((oc) => oc.columns(['incident_id', 'type', 'value']).doNothing()).returningAll().execute();
}

export async function removeObservable(tx: Executor, incidentId: string, id: string): Promise<ObservableRow | undefined> {
  return tx.deleteFrom('incident_observables').where('incident_id', '=', incidentId).where('id', '=', id).returningAll().executeTakeFirst();
}

/** A stored observable with the same value in another incident the reader may see. */
export interface CorrelationRow {
  type: string;
  value: string;
  incident_id: string;
  title: string;
  status: string;
  severity: string;
}

/**
 * Other incidents holding any of these values, as far as the reader may see them (at the
 * stricter of incident and observable marking). One index lookup per value; at most `limit` rows.
 */
export async function correlate(db: Executor, reader: Reader, excludeIncidentId: string, values: readonly string[], limit: number): Promise<CorrelationRow[]> {
  if (values.length === 0) return [];
  return db.selectFrom('incident_observables as o').innerJoin('incidents as i', 'i.id', 'o.incident_id')
    .select(['o.type', 'o.value', 'o.incident_id', 'i.title', 'i.status', 'i.severity'])
    .where('o.value', 'in', [...values]).where('o.incident_id', '<>', excludeIncidentId).where(visibleAt(reader, effective))
    .limit(limit).execute();
}

export async function tasks(db: Executor, incidentId: string): Promise<TaskRow[]> {
  return db.selectFrom('incident_tasks').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute();
}

export async function insertTask(tx: Executor, row: Insertable<IncidentTaskTable>): Promise<void> {
  await referencing(tx.insertInto('incident_tasks').values(row).execute());
}

export async function updateTask(tx: Executor, incidentId: string, id: string, change: Partial<Pick<TaskRow, 'title' | 'owner_user_id' | 'due_at' | 'done_at'>>): Promise<TaskRow | undefined> {
  return referencing(tx.updateTable('incident_tasks').set(change).where('incident_id', '=', incidentId).where('id', '=', id).returningAll().executeTakeFirst());
}

export async function timeline(db: Executor, incidentId: string): Promise<TimelineRow[]> {
  return db.selectFrom('incident_timeline').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
}

export async function addTimeline(tx: Executor, row: Insertable<IncidentTimelineTable>): Promise<void> {
  await tx.insertInto('incident_timeline').values(row).execute();
}

export async function attachments(db: Executor, incidentId: string): Promise<AttachmentInfo[]> {
  return db.selectFrom('incident_attachments').select(['id', 'incident_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('incident_id', '=', incidentId).orderBy('created_at').execute();
}

export async function attachment(db: Executor, incidentId: string, id: string): Promise<Selectable<IncidentAttachmentTable> | undefined> {
  return db.selectFrom('incident_attachments').selectAll().where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

export async function insertAttachment(tx: Executor, row: Insertable<IncidentAttachmentTable>): Promise<void> {
  await tx.insertInto('incident_attachments').values(row).execute();
}

export async function linkedAlerts(db: Executor, incidentId: string): Promise<string[]> {
  return (await db.selectFrom('incident_alerts').select('alert_id').where('incident_id', '=', incidentId).orderBy('added_at').execute()).map((r) => r.alert_id);
}

/** Links alerts to an incident; an alert already in some incident is not linked again. Returns those linked. */
export async function linkAlerts(tx: Executor, incidentId: string, alertIds: readonly string[]): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const rows = await tx.insertInto('incident_alerts').values(alertIds.map((alert_id) => ({ alert_id, incident_id: incidentId })))
    .onConflict((oc) => oc.column('alert_id').doNothing()).returning('alert_id').execute();
  return rows.map((r) => r.alert_id);
}
