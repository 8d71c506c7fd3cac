/**
 * The strategy's action plan (seed section 8) as reference data: data/action-plan.yaml, read from
 * the seed by hand and checked against it by plan.data.test.ts. This module loads and validates
 * the file so that a malformed edit fails at start-up with the id of the offending item, rather
 * than surfacing later as a missing measure or an agency that does not exist.
 */
import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';

/** Text in Azerbaijani (as in the seed) and English (our translation). */
export interface Bilingual {
  az: string;
  en: string;
}

/** Priority (8.x), goal with measures under it (8.x.y), or measure (8.x.y.z, or a goal without sub-items). */
export type PlanItemKind = 'priority' | 'goal' | 'measure';

/** A year range ("2023 – 2024"; one year is from = to), or ongoing work ("mütəmadi", "müntəzəm"). */
export type PlanPeriod = { from: number; to: number } | { ongoing: true };

/** Another executing agency; `recommended` is the seed's "(tövsiyə olunur)" (asked, not ordered). */
export interface CoExecutor {
  acronym: string;
  recommended: boolean;
}

/** The three result indicators: "ilkin", "aralıq" and "yekun nəticələr". */
export interface Indicators {
  initial: Bilingual;
  intermediate: Bilingual;
  final: Bilingual;
}

interface ItemBase {
  /** The seed's numbering, e.g. "8.2.1.3"; the parent is the id without its last part. */
  id: string;
  title: Bilingual;
}

/** One of the nine priorities (8.1 … 8.9). */
export interface PriorityItem extends ItemBase {
  kind: 'priority';
}

/** A goal that groups measures (8.x.y with 8.x.y.z under it). */
export interface GoalItem extends ItemBase {
  kind: 'goal';
}

/** Work an agency reports on: who leads, who helps, when, and what counts as done. */
export interface MeasureItem extends ItemBase {
  kind: 'measure';
  /** "Əsas icraçı orqan": acronyms of the organisations seeded from the acronym list. */
  lead: string[];
  /** "Digər icraçılar" named by acronym, in the seed's order. */
  coExecutors: CoExecutor[];
  /** Executors the seed names in words, not by acronym (e.g. CII owners in 8.4.2). */
  otherExecutors?: Bilingual[];
  period: PlanPeriod;
  /** The period as the seed writes it, e.g. "2023 – 2024" or "mütəmadi". */
  periodText: string;
  indicators: Indicators;
}

/** Any row of the plan table. */
export type PlanItem = PriorityItem | GoalItem | MeasureItem;

/** The whole plan; `version` lets a later data file upgrade a database without losing progress. */
export interface ActionPlan {
  version: number;
  items: PlanItem[];
}

const text = { type: 'string', minLength: 1 } as const;
const bilingual = { type: 'object', additionalProperties: false, required: ['az', 'en'], properties: { az: text, en: text } };
const year = { type: 'integer', minimum: 2023, maximum: 2027 };
const acronym = { type: 'string', pattern: '^\\S+$' };
const base = { id: { type: 'string' }, title: bilingual };
const heading = (kind: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'title'],
  properties: { ...base, kind: { const: kind } },
});

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'items'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['priority', 'goal', 'measure'] } },
        discriminator: { propertyName: 'kind' },
        oneOf: [
          heading('priority'),
          heading('goal'),
          {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'kind', 'title', 'lead', 'coExecutors', 'period', 'periodText', 'indicators'],
            properties: {
              ...base,
              kind: { const: 'measure' },
              lead: { type: 'array', minItems: 1, uniqueItems: true, items: acronym },
              coExecutors: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['acronym', 'recommended'],
                  properties: { acronym, recommended: { type: 'boolean' } },
                },
              },
              otherExecutors: { type: 'array', minItems: 1, items: bilingual },
              period: {
                oneOf: [
                  { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: year, to: year } },
                  { type: 'object', additionalProperties: false, required: ['ongoing'], properties: { ongoing: { const: true } } },
                ],
              },
              periodText: text,
              indicators: {
                type: 'object',
                additionalProperties: false,
                required: ['initial', 'intermediate', 'final'],
                properties: { initial: bilingual, intermediate: bilingual, final: bilingual },
              },
            },
          },
        ],
      },
    },
  },
};

const validate = new Ajv.default({ allErrors: false, strict: true, discriminator: true }).compile(schema);

/** Where the reference data lives. */
export const ACTION_PLAN_FILE = new URL('./data/action-plan.yaml', import.meta.url);

/** The parent's id ("8.2.1.3" → "8.2.1"), or null for a priority. */
export function parentId(id: string): string | null {
  const parts = id.split('.');
  return parts.length > 2 ? parts.slice(0, -1).join('.') : null;
}

/** Parses and validates plan YAML; throws an Error naming the offending item id. */
export function parseActionPlan(source: string): ActionPlan {
  const doc: unknown = YAML.parse(source);
  if (!validate(doc)) {
    const err = validate.errors![0];
    const index = /^\/items\/(\d+)/u.exec(err.instancePath)?.[1];
    const items = (doc as { items?: { id?: unknown }[] }).items;
    const where = index === undefined ? 'plan' : `item ${String(items?.[Number(index)]?.id ?? `#${index}`)}`;
    const rest = err.instancePath.replace(/^\/items\/\d+/u, '') || '/';
    throw new Error(`action plan: ${where}: ${rest} ${err.message ?? 'is invalid'}`);
  }
  const plan = doc as unknown as ActionPlan;
  checkStructure(plan.items);
  return plan;
}

/** Loads data/action-plan.yaml (or another file, for upgrades and tests). */
export function loadActionPlan(file: URL | string = ACTION_PLAN_FILE): ActionPlan {
  return parseActionPlan(fs.readFileSync(file, 'utf8'));
}

/** Ids, kinds and nesting agree: each item follows its parent, goals have measures, periods run forward. */
function checkStructure(items: PlanItem[]): void {
  const seen = new Map<string, PlanItem>();
  for (const item of items) {
    const bad = (why: string) => new Error(`action plan: item ${item.id}: ${why}`);
    if (!/^8(\.\d+){1,3}$/u.test(item.id)) throw bad('id must look like 8.x, 8.x.y or 8.x.y.z');
    if (seen.has(item.id)) throw bad('duplicate id');
    const depth = item.id.split('.').length;
    const expected = { priority: [2], goal: [3], measure: [3, 4] }[item.kind];
    if (!expected.includes(depth)) throw bad(`a ${item.kind} cannot have an id of ${depth} parts`);
    const parent = parentId(item.id);
    if (parent !== null) {
      const p = seen.get(parent);
      if (!p) throw bad(`parent ${parent} is missing or comes later`);
      if (p.kind === 'measure') throw bad(`parent ${parent} is a measure`);
    }
    if (item.kind === 'measure' && 'from' in item.period && item.period.from > item.period.to) {
      throw bad('period ends before it starts');
    }
    seen.set(item.id, item);
  }
  for (const item of items) {
    if (item.kind !== 'measure' && !items.some((c) => parentId(c.id) === item.id)) {
      throw new Error(`action plan: item ${item.id}: a ${item.kind} without items under it`);
    }
  }
}
