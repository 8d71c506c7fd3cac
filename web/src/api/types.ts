/** Shapes of the server's JSON answers, as in the API contract. */

export type Role = 'admin' | 'coordinator' | 'cert_analyst' | 'operator' | 'investigator' | 'auditor';
export const roles: readonly Role[] = ['admin', 'coordinator', 'cert_analyst', 'operator', 'investigator', 'auditor'];

export type OrganisationKind =
  | 'coordinating_agency'
  | 'cert'
  | 'soc'
  | 'cii_operator'
  | 'ict_provider'
  | 'law_enforcement'
  | 'state_body'
  | 'other';
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

export type Pending = null | 'password_change' | 'mfa' | 'mfa_enrolment';

export interface Session {
  user: { id: string; username: string; displayName: string; email: string | null; mustChangePassword: boolean; mfaEnabled: boolean };
  memberships: { organisationId: string; acronym: string; organisationName: Bilingual; role: Role }[];
  isPlatformAdmin: boolean;
  csrfToken: string;
  pending: Pending;
}

export interface Organisation {
  id: string;
  acronym: string;
  name: Bilingual;
  kind: OrganisationKind;
  sector: string | null;
  parentId: string | null;
  isNationalCert: boolean;
}

export interface Membership {
  organisationId: string;
  role: Role;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  mfaEnabled: boolean;
  memberships: Membership[];
}

export interface ApiToken {
  id: string;
  name: string;
  organisationId: string;
  role: Role;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

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

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

export interface Items<T> {
  items: T[];
}
