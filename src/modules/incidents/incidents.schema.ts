/** Request schemas of the incident routes (TypeBox, strict); the inferred types are what handlers receive. */
import { Type, type Static } from 'typebox';
import { impacts, severities, stages, statuses } from './incidents.tables.ts';
import { papLabels, tlpLabels } from './markings.ts';
import { observableTypes } from './observables.ts';

const strict = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Version = Type.Integer({ minimum: 1 });

export const Tlp = literals(tlpLabels);
export const Pap = literals(papLabels);
export const IdParams = Type.Object({ id: Uuid }, strict);
export const ObservableParams = Type.Object({ id: Uuid, observableId: Uuid }, strict);
export const TaskParams = Type.Object({ id: Uuid, taskId: Uuid }, strict);
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, strict);
export const StageParams = Type.Object({ id: Uuid, stage: literals(stages) }, strict);

export const ObservableBody = Type.Object({ type: literals(observableTypes), value: Text(2048), tlp: Type.Optional(Tlp), pap: Type.Optional(Pap) }, strict);
export const ObservablesBody = Type.Object({ observables: Type.Array(ObservableBody, { minItems: 1, maxItems: 1000 }) }, strict);

export const IncidentBody = Type.Object({
  organisationId: Type.Optional(Uuid),
  title: Text(300),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  severity: Type.Optional(literals(severities)),
  impact: Type.Optional(literals(impacts)),
  ciiAffected: Type.Optional(Type.Boolean()),
  ciiObjects: Type.Optional(Type.Array(Text(200), { maxItems: 100 })),
  classKey: Type.Optional(Text(60)),
  typeKey: Type.Optional(Text(60)),
  tlp: Type.Optional(Tlp),
  pap: Type.Optional(Pap),
  affectedOrganisations: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
  occurredAt: Type.Optional(DateTime),
  detectedAt: Type.Optional(DateTime),
  observables: Type.Optional(Type.Array(ObservableBody, { maxItems: 1000 })),
}, strict);

export const IncidentPatchBody = Type.Object({
  version: Version,
  title: Type.Optional(Text(300)),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  severity: Type.Optional(literals(severities)),
  impact: Type.Optional(literals(impacts)),
  ciiAffected: Type.Optional(Type.Boolean()),
  ciiObjects: Type.Optional(Type.Array(Text(200), { maxItems: 100 })),
  tlp: Type.Optional(Tlp),
  pap: Type.Optional(Pap),
  assigneeUserId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  team: Type.Optional(Type.Union([Text(100), Type.Null()])),
  affectedOrganisations: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
  occurredAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
}, strict);

export const ClassificationBody = Type.Object({ version: Version, classKey: Text(60), typeKey: Text(60), severity: Type.Optional(literals(severities)) }, strict);
export const StatusBody = Type.Object({ version: Version, status: literals(statuses), note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);

export const IncidentQuery = Type.Object({
  status: Type.Optional(literals(statuses)),
  severity: Type.Optional(literals(severities)),
  classKey: Type.Optional(Text(60)),
  organisationId: Type.Optional(Uuid),
  sector: Type.Optional(Text(60)),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  q: Type.Optional(Text(2048)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
}, strict);
export type IncidentQuery = Static<typeof IncidentQuery>;

export const PeriodQuery = Type.Object({ from: Type.Optional(DateTime), to: Type.Optional(DateTime) }, strict);

export const TaskBody = Type.Object({ title: Text(300), ownerUserId: Type.Optional(Type.Union([Uuid, Type.Null()])), dueAt: Type.Optional(Type.Union([DateTime, Type.Null()])) }, strict);
export const TaskPatchBody = Type.Object({
  title: Type.Optional(Text(300)), ownerUserId: Type.Optional(Type.Union([Uuid, Type.Null()])), dueAt: Type.Optional(Type.Union([DateTime, Type.Null()])), done: Type.Optional(Type.Boolean()),
}, strict);
export const AttachmentBody = Type.Object({ name: Text(255), mediaType: Text(200), contentBase64: Type.String({ minLength: 1, maxLength: 14_000_000 }) }, strict);
export const StageBody = Type.Object({ form: Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 10_000 }), Type.Boolean(), Type.Number()])) }, strict);
export const DirectiveBody = Type.Object({ title: Text(300), action: Text(5000), dueAt: DateTime, organisations: Type.Array(Uuid, { minItems: 1, maxItems: 200 }) }, strict);
export const DirectiveAnswerBody = Type.Object({ organisationId: Uuid, kind: literals(['acknowledge', 'complete'] as const), note: Type.Optional(Type.String({ maxLength: 5000 })) }, strict);
export const AlertsBody = Type.Object({
  alertIds: Type.Array(Type.String({ pattern: '^[0-9a-f]{32}$' }), { minItems: 1, maxItems: 500 }),
  incidentId: Type.Optional(Uuid), title: Type.Optional(Text(300)), tlp: Type.Optional(Tlp),
}, strict);
export const EmailBody = Type.Object({ organisationId: Type.Optional(Uuid), message: Type.String({ minLength: 1, maxLength: 5_000_000 }), tlp: Type.Optional(Tlp) }, strict);
/** A subscription: an http(s) webhook URL or a mailto: address. */
export const WebhookBody = Type.Object({ organisationId: Uuid, url: Type.String({ format: 'uri', maxLength: 2000 }) }, strict);
export const PublicReportBody = Type.Object({
  challenge: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  nonce: Type.String({ minLength: 1, maxLength: 40 }),
  reporter: Type.Object({ name: Text(200), email: Type.String({ format: 'email', maxLength: 320 }), organisation: Type.Optional(Text(300)) }, strict),
  title: Text(300),
  description: Text(20_000),
  occurredAt: Type.Optional(DateTime),
}, strict);
