/** Request schemas of the action-plan routes; the inferred types are what handlers receive. */
import { Type, type Static } from 'typebox';
import { evidenceMediaTypes, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './plan.evidence.ts';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from './plan.schedule.ts';
import { indicatorStatuses, reportStatuses, stages } from './plan.tables.ts';

const strict = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const MeasureId = Type.String({ pattern: '^8(\\.\\d{1,2}){2,3}$', description: 'The strategy numbering, e.g. 8.2.1.3' });
export const MeasureParams = Type.Object({ id: MeasureId }, strict);
export const ExecutorParams = Type.Object({ id: MeasureId, organisationId: Type.String({ format: 'uuid' }) }, strict);
export const ReportParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, strict);
export const EvidenceParams = Type.Object({ id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) }, strict);

const Period = Type.String({ pattern: '^\\d{4}(-H[12])?$', description: `A year ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR} or a half-year such as 2024-H2; omitted: the whole plan` });

export const PlanQuery = Type.Object({
  organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'Measures this agency executes (lead or co-executor)' })),
  year: Type.Optional(Type.Integer({ minimum: PLAN_FIRST_YEAR, maximum: PLAN_LAST_YEAR, description: 'Measures scheduled in this year (ongoing ones always)' })),
  status: Type.Optional(literals(indicatorStatuses)),
  overdue: Type.Optional(Type.Boolean()),
}, strict);
export type PlanQuery = Static<typeof PlanQuery>;

export const DashboardQuery = Type.Object({ period: Type.Optional(Period) }, strict);

export const ProgressReportQuery = Type.Object({
  format: literals(['pdf', 'xlsx']),
  organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'One agency; omitted: the national report' })),
  period: Type.Optional(Period),
}, strict);

export const ResponsibleBody = Type.Object({
  name: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
  contact: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
}, strict);

const ReportText = Type.Object({ az: Type.String({ minLength: 1, maxLength: 10_000 }), en: Type.String({ minLength: 1, maxLength: 10_000 }) }, strict);
const Day = Type.String({ format: 'date' });

export const EvidenceBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\\\x00-\\x1f]+$' }),
  mediaType: Type.String({ minLength: 3, maxLength: 120, description: `One of ${evidenceMediaTypes.join(', ')}` }),
  contentBase64: Type.String({ minLength: 4, pattern: '^[A-Za-z0-9+/]*={0,2}$', description: `The file, base64; at most ${MAX_EVIDENCE_BYTES} bytes decoded` }),
}, strict);

export const ReportBody = Type.Object({
  organisationId: Type.Optional(Type.String({ format: 'uuid', description: "The reporting agency; omitted: the caller's own executing agency" })),
  stage: literals(stages),
  stageStatus: literals(['in_progress', 'achieved']),
  text: ReportText,
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  date: Day,
  evidence: Type.Optional(Type.Array(EvidenceBody, { maxItems: MAX_EVIDENCE_FILES })),
}, strict);

export const ReportPatchBody = Type.Object({
  stage: Type.Optional(literals(stages)),
  stageStatus: Type.Optional(literals(['in_progress', 'achieved'])),
  text: Type.Optional(ReportText),
  percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  date: Type.Optional(Day),
}, { ...strict, minProperties: 1 });

export const DecisionBody = Type.Object({
  decision: literals(['accept', 'return']),
  comment: Type.Optional(Type.String({ maxLength: 4000, description: 'Required when returning' })),
}, strict);

export const ReportListQuery = Type.Object({
  measureId: Type.Optional(MeasureId),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(literals(reportStatuses)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
}, strict);
