/**
 * The whole database as Kysely sees it: each module declares its own tables in
 * `<module>.tables.ts` and this interface joins them.
 */
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { AuditTables } from '../modules/audit/audit.tables.ts';

export interface Database extends IdentityTables, AuditTables {}
