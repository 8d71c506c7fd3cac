/** Request schemas of the identity routes; the inferred types are what handlers receive. */
import { Type, type Static } from 'typebox';
import { organisationKinds, roles } from './identity.tables.ts';

const strict = { additionalProperties: false } as const;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, strict);
export const Bilingual = Type.Object({ az: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) }, strict);
export const OrganisationKind = Type.Union(organisationKinds.map((k) => Type.Literal(k)));
export const Role = Type.Union(roles.map((r) => Type.Literal(r)));

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, strict);
export const MfaBody = Type.Object({
  code: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  recoveryCode: Type.Optional(Type.String({ minLength: 6, maxLength: 40 })),
}, { ...strict, minProperties: 1, maxProperties: 1 });
export const PasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, strict);
export const EnrolmentVerifyBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, strict);
export const SessionParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }, strict);

export const OrganisationBody = Type.Object({
  acronym: Type.String({ minLength: 1, maxLength: 40 }),
  name: Bilingual,
  kind: OrganisationKind,
  sector: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
}, strict);
export const OrganisationPatchBody = Type.Object({
  name: Type.Optional(Bilingual),
  kind: Type.Optional(OrganisationKind),
  sector: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
}, { ...strict, minProperties: 1 });

export const SectorList = Type.Object({
  items: Type.Array(Type.Object({ slug: Type.String(), name: Type.Object({ az: Type.String(), en: Type.String() }) })),
});

const MembershipBody = Type.Object({ organisationId: Type.String({ format: 'uuid' }), role: Role }, strict);
export const UserBody = Type.Object({
  username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,64}$' }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  memberships: Type.Array(MembershipBody, { minItems: 1, maxItems: 50 }),
}, strict);
export const UserPatchBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  disabled: Type.Optional(Type.Boolean()),
  memberships: Type.Optional(Type.Array(MembershipBody, { minItems: 1, maxItems: 50 })),
}, { ...strict, minProperties: 1 });
export const UserListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}, strict);

export const TokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  organisationId: Type.String({ format: 'uuid' }),
  role: Role,
  expiresInDays: Type.Integer({ minimum: 1, maximum: 730 }),
}, strict);

export type LoginBody = Static<typeof LoginBody>;
export type OrganisationBody = Static<typeof OrganisationBody>;
export type UserBody = Static<typeof UserBody>;
export type TokenBody = Static<typeof TokenBody>;
