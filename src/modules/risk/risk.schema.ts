/** Request schemas of the risk routes; the inferred types are what handlers receive. */
import { Type, type Static } from 'typebox';
import { Bilingual } from '../identity/identity.schema.ts';
import { procedureStatuses, riskLevels, riskStatuses, treatments } from './risk.tables.ts';

const strict = { additionalProperties: false } as const;
/** One of a fixed list of words, typed as that list (mapping in place loses the literal types). */
const oneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Level = Type.Integer({ minimum: 1, maximum: 10 });
const IsoDate = Type.String({ format: 'date' });
const Text = (maxLength: number) => Type.String({ maxLength });

export const RiskIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, strict);
export const ClassKeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }, strict);

export const ThreatClassBody = Type.Object({
  key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,80}$' }),
  categoryKey: Type.String({ minLength: 1, maxLength: 120 }),
  name: Bilingual,
  description: Type.Optional(Text(2000)),
  attack: Type.Optional(Type.Array(Type.String({ pattern: '^T[0-9]{4}(\\.[0-9]{3})?$' }), { maxItems: 30 })),
}, strict);
export const ThreatClassPatchBody = Type.Object({
  name: Type.Optional(Bilingual),
  description: Type.Optional(Text(2000)),
  attack: Type.Optional(Type.Array(Type.String({ pattern: '^T[0-9]{4}(\\.[0-9]{3})?$' }), { maxItems: 30 })),
}, { ...strict, minProperties: 1 });

export const ActionBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  dueDate: Type.Union([IsoDate, Type.Null()]),
  cost: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  done: Type.Boolean(),
}, strict);

const riskFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Text(5000)),
  asset: Type.Optional(Type.Union([Text(300), Type.Null()])),
  ciiObjectId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  sector: Type.Optional(Type.Union([Text(60), Type.Null()])),
  threatClass: Type.String({ minLength: 1, maxLength: 200 }),
  vulnerability: Type.Optional(Text(3000)),
  controls: Type.Optional(Text(3000)),
  likelihood: Level,
  impact: Type.Object({ people: Level, economy: Level, stateFunctions: Level, otherSectors: Level }, strict),
  residualLikelihood: Type.Optional(Type.Union([Level, Type.Null()])),
  residualImpact: Type.Optional(Type.Union([Level, Type.Null()])),
  owner: Type.Optional(Text(200)),
  treatment: oneOf(treatments),
  actions: Type.Optional(Type.Array(ActionBody, { maxItems: 100 })),
  reviewDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  incidentIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
};

export const RiskBody = Type.Object({
  ...riskFields,
  /** The owning organisation for an organisation risk; a national risk takes the coordinator's. */
  organisationId: Type.String({ format: 'uuid' }),
  level: Type.Optional(oneOf(riskLevels)),
}, strict);
/** One imported row: a risk without its owner organisation and level, which the file takes from the request. */
export const ImportedRisk = Type.Object(riskFields, strict);
export const RiskPatchBody = Type.Partial(Type.Object(riskFields, strict), { ...strict, minProperties: 1 });

export const RiskListQuery = Type.Object({
  level: Type.Optional(oneOf(riskLevels)),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(oneOf(riskStatuses)),
  procedure: Type.Optional(oneOf(procedureStatuses)),
  threatClass: Type.Optional(Type.String({ maxLength: 200 })),
  sector: Type.Optional(Type.String({ maxLength: 60 })),
  cii: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
  likelihood: Type.Optional(Level),
  impact: Type.Optional(Level),
  sort: Type.Optional(oneOf(['score', 'review', 'updated'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
}, strict);
export const HeatmapQuery = Type.Object({
  level: oneOf(riskLevels),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  basis: Type.Optional(oneOf(['inherent', 'residual'] as const)),
}, strict);

export const RegisterQuery = Type.Object({ organisationId: Type.Optional(Type.String({ format: 'uuid' })) }, strict);
export const RegisterBody = Type.Object({
  organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  likelihoodLevels: Type.Integer({ minimum: 3, maximum: 10 }),
  impactLevels: Type.Integer({ minimum: 3, maximum: 10 }),
}, strict);

export const CoExecutorsBody = Type.Object({ acronyms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30, uniqueItems: true }) }, strict);
export const AcceptBody = Type.Object({ expiresOn: IsoDate, note: Type.Optional(Text(2000)) }, strict);
export const ImportBody = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  /** An XLSX file's content is its bytes in base64. */
  format: oneOf(['csv', 'json', 'xlsx'] as const),
  content: Type.String({ minLength: 1, maxLength: 7_000_000 }),
}, strict);
export const ExportQuery = Type.Object({
  level: oneOf(riskLevels),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  format: oneOf(['csv', 'json', 'xlsx'] as const),
}, strict);

export type ThreatClassBody = Static<typeof ThreatClassBody>;
export type ThreatClassPatchBody = Static<typeof ThreatClassPatchBody>;
export type RiskBody = Static<typeof RiskBody>;
export type RiskPatchBody = Static<typeof RiskPatchBody>;
export type ImportedRisk = Static<typeof ImportedRisk>;
export type RiskListQuery = Static<typeof RiskListQuery>;
export type RegisterBody = Static<typeof RegisterBody>;
