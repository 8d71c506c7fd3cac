/**
 * Rules and indicators as stored (national when organisation_id is null), their versions, and
 * the content version that workers poll to hot-reload. The only Kysely access to those tables.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DetectIndicatorTable, DetectRuleTable } from './detect.tables.ts';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';

/** Rows visible to a scope: national ones and those of organisations in it. */
function visible(scope: OrgScope, column: string) {
  return sql<boolean>`(${sql.ref(column)} is null or ${scopeCondition(scope, column)})`;
}

export async function bumpContentVersion(tx: Executor): Promise<void> {
  await tx.updateTable('detect_content_version').set({ version: sql`version + 1` }).execute();
}

export async function contentVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('detect_content_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

// ---- rules ----

const ruleColumns = ['id', 'organisation_id', 'sigma_id', 'title', 'level', 'yaml', 'version', 'enabled', 'updated_at', 'updated_by'] as const;

export async function listRules(db: Executor, scope: OrgScope) {
  return db.selectFrom('detect_rules').select([...ruleColumns]).where(visible(scope, 'detect_rules.organisation_id')).orderBy('title').execute();
}

export async function getRule(db: Executor, scope: OrgScope, id: string) {
  return db.selectFrom('detect_rules').select([...ruleColumns]).where('id', '=', id).where(visible(scope, 'detect_rules.organisation_id')).executeTakeFirst();
}

/** Every enabled rule, for the workers. */
export async function enabledRules(db: Executor) {
  return db.selectFrom('detect_rules').select(['id', 'organisation_id', 'yaml']).where('enabled', '=', true).execute();
}

/** A rule as written: the table's columns less the time the database stamps. */
export type RuleRow = Omit<Insertable<DetectRuleTable>, 'updated_at'>;

export async function insertRule(tx: Executor, row: RuleRow): Promise<void> {
  await tx.insertInto('detect_rules').values({ ...row, updated_at: new Date() }).execute();
  await tx.insertInto('detect_rule_versions').values({ rule_id: row.id, version: row.version, yaml: row.yaml, enabled: row.enabled, changed_by: row.updated_by }).execute();
}

export async function updateRule(tx: Executor, row: RuleRow): Promise<void> {
  await tx.updateTable('detect_rules').set({ ...row, updated_at: new Date() }).where('id', '=', row.id).execute();
  await tx.insertInto('detect_rule_versions').values({ rule_id: row.id, version: row.version, yaml: row.yaml, enabled: row.enabled, changed_by: row.updated_by }).execute();
}

export async function ruleExists(db: Executor, organisationId: string | null, sigmaId: string): Promise<boolean> {
  const row = await db.selectFrom('detect_rules').select('id').where('sigma_id', '=', sigmaId)
    .where((eb) => (organisationId === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', organisationId))).executeTakeFirst();
  return row !== undefined;
}

export async function ruleVersions(db: Executor, id: string) {
  return db.selectFrom('detect_rule_versions').selectAll().where('rule_id', '=', id).orderBy('version', 'desc').execute();
}

// ---- indicators ----

const indicatorColumns = ['id', 'organisation_id', 'type', 'value', 'confidence', 'tlp', 'source', 'valid_from', 'valid_until', 'enabled', 'version', 'updated_at'] as const;

export async function listIndicators(db: Executor, scope: OrgScope, limit: number) {
  return db.selectFrom('detect_indicators').select([...indicatorColumns]).where(visible(scope, 'detect_indicators.organisation_id')).orderBy('updated_at', 'desc').limit(limit).execute();
}

export async function getIndicator(db: Executor, scope: OrgScope, id: string) {
  return db.selectFrom('detect_indicators').select([...indicatorColumns]).where('id', '=', id).where(visible(scope, 'detect_indicators.organisation_id')).executeTakeFirst();
}

export async function enabledIndicators(db: Executor) {
  return db.selectFrom('detect_indicators').select([...indicatorColumns]).where('enabled', '=', true).execute();
}

/** An indicator as written: the table's columns less the time the database stamps. */
export type IndicatorRow = Omit<Selectable<DetectIndicatorTable>, 'updated_at'>;

export async function insertIndicator(tx: Executor, row: IndicatorRow): Promise<void> {
  await tx.insertInto('detect_indicators').values({ ...row, updated_at: new Date() }).execute();
}

export async function updateIndicator(tx: Executor, row: IndicatorRow): Promise<void> {
  await tx.updateTable('detect_indicators').set({ ...row, updated_at: new Date() }).where('id', '=', row.id).execute();
}
