/** Request schemas of the advisory API (TypeBox, strict): advisories, subscription profiles, warnings. */
import { Type, type Static } from 'typebox';
import { severities } from './advisories.tables.ts';
import { Tlp } from './sharing.schema.ts';

const strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Words = (max: number) => Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: max });
const Bilingual = (min: number, max: number) => Type.Object({ az: Type.String({ minLength: min, maxLength: max }), en: Type.String({ minLength: min, maxLength: max }) }, strict);

/** CVE ids as MITRE assigns them: a year and at least four digits. */
export const cvePattern = '^CVE-\\d{4}-\\d{4,19}$';

const fields = {
  tlp: Tlp,
  severity: Type.Union(severities.map((s) => Type.Literal(s))),
  title: Bilingual(1, 300),
  summary: Bilingual(0, 5000),
  body: Bilingual(0, 50_000),
  actions: Bilingual(0, 20_000),
  sectors: Words(30),
  products: Words(100),
  cves: Type.Array(Type.String({ pattern: cvePattern }), { maxItems: 200 }),
};

export const AdvisoryBody = Type.Object({ organisationId: Uuid, ...fields }, strict);
export type AdvisoryBody = Static<typeof AdvisoryBody>;
export const AdvisoryPatch = Type.Partial(Type.Object(fields, strict), { ...strict, minProperties: 1 });
export type AdvisoryPatch = Static<typeof AdvisoryPatch>;

export const OrganisationParams = Type.Object({ organisationId: Uuid }, strict);
export const AdvisorySubscriptionBody = Type.Object({ sectors: Words(30), keywords: Words(500), useCiiSectors: Type.Optional(Type.Boolean()) }, strict);
export type AdvisorySubscriptionBody = Static<typeof AdvisorySubscriptionBody>;
