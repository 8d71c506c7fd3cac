/**
 * Shapes of the server's JSON answers, as in the API contract. Where the server exports the exact
 * type of an answer it is imported (type-only, so no server code reaches the bundle); dates in
 * those types arrive as ISO strings, which Json<T> spells out.
 */
import type { ChainReport } from '../../../src/modules/audit/audit.service.ts';
import type { Pending, SessionInfo as ServerSessionInfo } from '../../../src/modules/identity/auth.service.ts';
import type { OrganisationKind, RoleName } from '../../../src/modules/identity/identity.tables.ts';
import type { Organisation } from '../../../src/modules/identity/organisations.service.ts';
import type { ApiToken as ServerApiToken } from '../../../src/modules/identity/tokens.service.ts';
import type { MembershipInput, User } from '../../../src/modules/identity/users.service.ts';

/** A server type as its JSON arrives: every Date (however deep) becomes an ISO string. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type Role = RoleName;
export const roles: readonly Role[] = ['admin', 'coordinator', 'cert_analyst', 'operator', 'investigator', 'auditor'];

export type { OrganisationKind };
export const organisationKinds: readonly OrganisationKind[] = [
  'coordinating_agency',
  'cert',
  'soc',
  'cii_operator',
  'ict_provider',
  'law_enforcement',
  'state_body',
  'other',
];

export interface Bilingual {
  az: string;
  en: string;
}

export type { Pending };

export interface Session {
  user: { id: string; username: string; displayName: string; email: string | null; mustChangePassword: boolean; mfaEnabled: boolean };
  memberships: { organisationId: string; acronym: string; organisationName: Bilingual; role: Role }[];
  isPlatformAdmin: boolean;
  csrfToken: string;
  pending: Pending;
}

export type { Organisation, User };
export type Membership = MembershipInput;
export type ApiToken = Json<ServerApiToken>;
export type SessionInfo = Json<ServerSessionInfo>;

export interface AuditEntry {
  seq: number;
  at: string;
  actorLabel: string;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  details: unknown;
}

export type AuditVerification = ChainReport;

export interface Items<T> {
  items: T[];
}
