/**
 * What organisations' records a caller may see. Every store that reads organisation-owned rows
 * takes a scope, so no query can forget it.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

export type OrgScope = { readonly all: true } | { readonly all: false; readonly organisationIds: readonly string[] };

export const everything: OrgScope = Object.freeze({ all: true });

export function onlyOrganisations(ids: Iterable<string>): OrgScope {
  return Object.freeze({ all: false, organisationIds: Object.freeze([...new Set(ids)]) });
}

export function scopeIncludes(scope: OrgScope, organisationId: string | null | undefined): boolean {
  if (scope.all) return true;
  return organisationId != null && scope.organisationIds.includes(organisationId);
}

/** A SQL condition restricting `column` to the scope (false when the scope is empty). */
export function scopeCondition(scope: OrgScope, column: Expression<unknown> | string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.organisationIds.length === 0) return sql<SqlBool>`false`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} in (${sql.join(scope.organisationIds)})`;
}
