/** Tables owned by the identity module. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const organisationKinds = [
  'coordinating_agency', 'cert', 'soc', 'cii_operator', 'ict_provider', 'law_enforcement', 'state_body', 'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const roles = ['admin', 'coordinator', 'cert_analyst', 'operator', 'investigator', 'auditor'] as const;
export type RoleName = (typeof roles)[number];

export interface OrganisationTable {
  id: string;
  acronym: string;
  name_az: string;
  name_en: string;
  kind: OrganisationKind;
  sector: string | null;
  parent_id: string | null;
  is_national_cert: boolean;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  mfa_secret: string | null;
  mfa_enabled: boolean;
  mfa_last_step: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: RoleName;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  mfa_passed: boolean;
  address: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  organisation_id: string;
  role: RoleName;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  address: string;
  succeeded: boolean;
  at: DefaultTimestamp;
}

export interface IdentityTables {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
}
