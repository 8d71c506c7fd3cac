/** Request schemas of the sharing API routes (TypeBox, strict); TAXII routes parse their own queries (taxii.query.ts). */
import { Type, type Static } from 'typebox';
import { tlpLabels } from './tlp.ts';

const strict = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const Tlp = literals(tlpLabels);
export const IdParams = Type.Object({ id: Uuid }, strict);
export const IndicatorParams = Type.Object({ stixId: Type.String({ pattern: '^indicator--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' }) }, strict);
export const GrantParams = Type.Object({ id: Uuid, organisationId: Uuid }, strict);

export const CollectionBody = Type.Object({ organisationId: Uuid, title: Text(200), description: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);
export const GrantBody = Type.Object({ canRead: Type.Boolean(), canWrite: Type.Boolean(), maxTlp: Tlp }, strict);

export const ImportBody = Type.Object({
  bundle: Type.Object({}, { additionalProperties: true }),
  defaultTlp: Type.Optional(Tlp),
  detection: Type.Optional(Type.Boolean()),
}, strict);
export const MispBody = Type.Object({ event: Type.Object({}, { additionalProperties: true }), detection: Type.Optional(Type.Boolean()) }, strict);
export const PublishIncidentBody = Type.Object({ incidentId: Uuid }, strict);

export const ExportQuery = Type.Object({
  collectionId: Type.Optional(Uuid),
  type: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,250}$' })),
  id: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
}, strict);
export type ExportQuery = Static<typeof ExportQuery>;

export const SubscriptionBody = Type.Object({
  organisationId: Uuid,
  name: Text(200),
  apiRoot: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }),
  remoteCollection: Text(200),
  token: Text(500),
  collectionId: Uuid,
  intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400 })),
  toDetection: Type.Optional(Type.Boolean()),
}, strict);
export type SubscriptionBody = Static<typeof SubscriptionBody>;
export const SubscriptionPatch = Type.Object({ enabled: Type.Optional(Type.Boolean()), intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400 })) }, strict);
