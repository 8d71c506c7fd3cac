/** Request schemas of the detect routes (TypeBox, strict). */
import { Type, type Static } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const AlertIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$' }) }, { additionalProperties: false });

export const IngestQuery = Type.Object({
  format: Type.Optional(Type.Union(['auto', 'json', 'ndjson', 'syslog', 'csv'].map((f) => Type.Literal(f)))),
}, { additionalProperties: false });

/** Other headers pass; Idempotency-Key is visible printable ASCII, as the IETF draft has it. */
export const IngestHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' })),
});

const Severity = Type.Union(['informational', 'low', 'medium', 'high', 'critical'].map((s) => Type.Literal(s)));

export const AlertQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged')])),
  severity: Type.Optional(Type.Array(Severity, { maxItems: 5 })),
  ruleId: Type.Optional(Type.String({ maxLength: 300 })),
  host: Type.Optional(Type.String({ maxLength: 300 })),
  organisationId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  before: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });
export type AlertQuery = Static<typeof AlertQuery>;

export const AcknowledgeBody = Type.Object({ ids: Type.Array(Type.String({ pattern: '^[0-9a-f]{32}$' }), { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });

export const EventQuery = Type.Object({
  host: Type.Optional(Type.String({ maxLength: 300 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

export const PageQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

export const RuleInput = Type.Object({
  organisationId: Type.Union([Uuid, Type.Null()]),
  yaml: Type.String({ minLength: 10, maxLength: 200_000 }),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type RuleInput = Static<typeof RuleInput>;

export const RulePatch = Type.Object({
  yaml: Type.Optional(Type.String({ minLength: 10, maxLength: 200_000 })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type RulePatch = Static<typeof RulePatch>;

const Tlp = Type.Union(['clear', 'green', 'amber', 'amber+strict', 'red'].map((t) => Type.Literal(t)));
const IndicatorType = Type.Union(['ip', 'cidr', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'].map((t) => Type.Literal(t)));

export const IndicatorInput = Type.Object({
  organisationId: Type.Union([Uuid, Type.Null()]),
  type: Type.Optional(IndicatorType),
  value: Type.String({ minLength: 1, maxLength: 2048 }),
  confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 50 })),
  tlp: Type.Optional(Tlp),
  source: Type.Optional(Type.String({ maxLength: 200 })),
  validFrom: Type.Optional(Type.String({ format: 'date-time' })),
  validUntil: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });
export type IndicatorInput = Static<typeof IndicatorInput>;

export const IndicatorPatch = Type.Object({
  enabled: Type.Optional(Type.Boolean()),
  confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  validUntil: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
}, { additionalProperties: false });
export type IndicatorPatch = Static<typeof IndicatorPatch>;
