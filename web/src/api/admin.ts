/** Organisation, user, API token and audit endpoints. */
import { api, query } from './client.ts';
import type {
  ApiToken,
  AuditEntry,
  AuditVerification,
  Bilingual,
  Items,
  Membership,
  Organisation,
  OrganisationKind,
  Role,
  User,
} from './types.ts';

export interface OrganisationInput {
  name: Bilingual;
  kind: OrganisationKind;
  sector: string | null;
  parentId: string | null;
}

export interface UserInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  memberships: Membership[];
}

export interface TokenInput {
  name: string;
  organisationId: string;
  role: Role;
  expiresInDays: number;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const organisationsApi = {
  list: () => api<Items<Organisation>>('GET', '/organisations'),
  create: (input: OrganisationInput & { acronym: string }) => api<Organisation>('POST', '/organisations', input),
  update: (orgId: string, input: OrganisationInput) => api<Organisation>('PATCH', `/organisations/${id(orgId)}`, input),
};

export const usersApi = {
  list: () => api<Items<User>>('GET', '/users'),
  create: (input: UserInput) => api<User>('POST', '/users', input),
  setDisabled: (userId: string, disabled: boolean) => api<User>('PATCH', `/users/${id(userId)}`, { disabled }),
  resetMfa: (userId: string) => api<void>('POST', `/users/${id(userId)}/mfa-reset`),
};

export const tokensApi = {
  list: () => api<Items<ApiToken>>('GET', '/tokens'),
  create: (input: TokenInput) => api<ApiToken & { token: string }>('POST', '/tokens', input),
  revoke: (tokenId: string) => api<void>('DELETE', `/tokens/${id(tokenId)}`),
};

export const auditApi = {
  list: (filter: AuditFilter, before: number | null, limit = 50) =>
    api<Items<AuditEntry> & { nextBefore: number | null }>('GET', `/audit${query({ ...filter, before, limit })}`),
  verify: () => api<AuditVerification>('GET', '/audit/verify'),
};
