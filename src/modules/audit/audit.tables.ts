/** The append-only, hash-chained audit trail. */
import type { ColumnType, Generated } from 'kysely';

export interface AuditLogTable {
  seq: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_label: string;
  organisation_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  address: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
