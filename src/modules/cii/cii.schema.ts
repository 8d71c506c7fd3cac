/** Request schemas of the CII routes; the inferred types are what handlers receive. */
import { Type, type Static } from 'typebox';
import { criticalities, dependencyKinds, exerciseResults, strengths } from './cii.tables.ts';

const strict = { additionalProperties: false } as const;
/** One of a fixed list of words, typed as that list. */
const oneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Uuid = Type.String({ format: 'uuid' });
const Hours = Type.Number({ minimum: 0, maximum: 100_000 });
const Names = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 });

export const CiiIdParams = Type.Object({ id: Uuid }, strict);
export const Contact = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.String({ maxLength: 200 }),
  phone: Type.String({ maxLength: 60 }),
  email: Type.String({ maxLength: 254 }),
}, strict);

const objectFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  sector: Type.String({ minLength: 1, maxLength: 60 }),
  services: Type.Optional(Names),
  criticality: oneOf(criticalities),
  location: Type.Optional(Type.String({ maxLength: 500 })),
  systems: Type.Optional(Names),
  contacts: Type.Optional(Type.Array(Contact, { maxItems: 30 })),
  toleranceHours: Type.Optional(Hours),
};
export const ObjectBody = Type.Object({ organisationId: Uuid, ...objectFields }, strict);
export const ObjectPatchBody = Type.Partial(Type.Object(objectFields, strict), { ...strict, minProperties: 1 });
export const ObjectListQuery = Type.Object({ organisationId: Type.Optional(Uuid), sector: Type.Optional(Type.String({ maxLength: 60 })) }, strict);

export const DependencyBody = Type.Object({
  dependentId: Uuid,
  supplierId: Uuid,
  kind: oneOf(dependencyKinds),
  strength: oneOf(strengths),
}, strict);

export const CascadeBody = Type.Object({
  failedIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000, uniqueItems: true }),
  outageHours: Type.Optional(Hours),
  horizonHours: Type.Optional(Hours),
}, strict);
export const ReachQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }, strict);

export const PlanBody = Type.Object({
  rtoHours: Hours,
  rpoHours: Hours,
  steps: Type.Array(Type.Object({
    title: Type.String({ minLength: 1, maxLength: 500 }),
    owner: Type.String({ maxLength: 200 }),
    durationHours: Type.Union([Hours, Type.Null()]),
  }, strict), { maxItems: 200 }),
  contacts: Type.Optional(Type.Array(Contact, { maxItems: 30 })),
  dependsOn: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  reviewDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
}, strict);
export const ExerciseBody = Type.Object({
  heldOn: Type.String({ format: 'date' }),
  result: oneOf(exerciseResults),
  findings: Type.Optional(Type.String({ maxLength: 10_000 })),
}, strict);
export const DocumentQuery = Type.Object({ organisationId: Type.Optional(Uuid), lang: Type.Optional(oneOf(['az', 'en'] as const)) }, strict);

export type ObjectBody = Static<typeof ObjectBody>;
export type ObjectPatchBody = Static<typeof ObjectPatchBody>;
export type DependencyBody = Static<typeof DependencyBody>;
export type CascadeBody = Static<typeof CascadeBody>;
export type PlanBody = Static<typeof PlanBody>;
export type ExerciseBody = Static<typeof ExerciseBody>;
