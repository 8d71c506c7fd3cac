/**
 * The whole database as Kysely sees it: each module declares its own tables in
 * `<module>.tables.ts` and this interface joins them.
 */
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { AuditTables } from '../modules/audit/audit.tables.ts';
import type { PlanTables } from '../modules/plan/plan.tables.ts';
import type { RiskTables } from '../modules/risk/risk.tables.ts';
import type { CiiTables } from '../modules/cii/cii.tables.ts';
import type { DetectTables } from '../modules/detect/detect.tables.ts';
import type { IncidentsTables } from '../modules/incidents/incidents.tables.ts';
import type { SharingTables } from '../modules/sharing/sharing.tables.ts';
import type { AdvisoryTables } from '../modules/sharing/advisories.tables.ts';

export interface Database extends IdentityTables, AuditTables, PlanTables, RiskTables, CiiTables, DetectTables, IncidentsTables, SharingTables, AdvisoryTables {}
