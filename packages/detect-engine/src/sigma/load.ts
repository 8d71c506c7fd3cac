import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RuleError } from './errors.ts';
import type { AnyRule, CorrelationType, Rejection, RuleMeta, Threshold } from './rule-types.ts';

/** Rules parsed from files, and those that could not be, each with a reason. */
export interface ParsedRules {
  rules: AnyRule[];
  rejected: Rejection[];
}

/** Lists rule files under a directory (recursively, sorted for stable order) or the file itself. */
export function listRuleFiles(dirOrFile: string): string[] {
  const st = statSync(dirOrFile);
  if (st.isFile()) return [dirOrFile];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  walk(dirOrFile);
  return out;
}

/** Reads every rule file under `dirOrFile`; bad files and documents are rejected, never thrown. */
export function parseRulePath(dirOrFile: string): ParsedRules {
  const result: ParsedRules = { rules: [], rejected: [] };
  for (const f of listRuleFiles(dirOrFile)) {
    const r = parseRuleText(readFileSync(f, 'utf8'), f);
    result.rules.push(...r.rules);
    result.rejected.push(...r.rejected);
  }
  return result;
}

function isMap(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** Deep merge used by rule collections: maps merge key by key, everything else is replaced. */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isMap(v) && isMap(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

/**
 * Parses a YAML text that may hold several documents. Sigma rule collections are honoured:
 * `action: global` sets defaults for following documents, `action: reset` clears them and
 * `action: repeat` re-emits the previous rule with changes.
 */
export function parseRuleText(text: string, file: string): ParsedRules {
  const result: ParsedRules = { rules: [], rejected: [] };
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    result.rejected.push({ file, reason: `invalid YAML: ${(e as Error).message}` });
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs];
  let global: Record<string, unknown> = {};
  let previous: Record<string, unknown> | null = null;
  docs.forEach((d, index) => {
    if (d.errors.length > 0) {
      result.rejected.push({ file, reason: `invalid YAML: ${d.errors[0].message.split('\n')[0]}` });
      return;
    }
    const body: unknown = d.toJS({ maxAliasCount: 100 });
    if (body === null || body === undefined) return;
    if (!isMap(body)) {
      result.rejected.push({ file, reason: 'a rule document must be a map' });
      return;
    }
    const { action, ...rest } = body;
    if (action === 'global') {
      global = merge(global, rest);
      return;
    }
    if (action === 'reset') {
      global = {};
      return;
    }
    let full: Record<string, unknown>;
    if (action === 'repeat') {
      if (!previous) {
        result.rejected.push({ file, reason: "'action: repeat' without a previous rule" });
        return;
      }
      full = merge(previous, rest);
    } else if (action !== undefined) {
      result.rejected.push({ file, reason: `unknown action '${String(action)}'` });
      return;
    } else full = merge(global, rest);
    previous = full;
    try {
      result.rules.push(toRule(full, file, index));
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      result.rejected.push({ file, id: strOr(full.id), title: strOr(full.title), reason: e.message });
    }
  });
  return result;
}

function strOr(x: unknown): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined;
}

function strList(x: unknown, what: string): string[] {
  if (x === undefined || x === null) return [];
  if (typeof x === 'string') return [x];
  if (!Array.isArray(x)) throw new RuleError(`${what} must be a list`);
  return x.map((v) => String(v));
}

const LEVELS = new Set(['informational', 'low', 'medium', 'high', 'critical']);

function meta(b: Record<string, unknown>, file: string, doc: number): RuleMeta {
  const title = strOr(b.title);
  if (!title) throw new RuleError('rule has no title');
  const level = strOr(b.level) ?? 'medium';
  if (!LEVELS.has(level)) throw new RuleError(`unknown level '${level}'`);
  const tags = strList(b.tags, 'tags');
  const techniques = tags.filter((t) => /^attack\.t\d{4}(\.\d{3})?$/i.test(t)).map((t) => t.slice(7).toUpperCase());
  return {
    id: strOr(b.id) ?? `${file}#${doc}`,
    name: strOr(b.name),
    title,
    status: strOr(b.status),
    level,
    description: strOr(b.description),
    tags,
    techniques,
    references: strList(b.references, 'references'),
    falsepositives: strList(b.falsepositives, 'falsepositives'),
    fields: strList(b.fields, 'fields'),
    file,
    doc,
  };
}

const TIMESPAN = /^(\d+)\s*(ms|s|m|h|d|w|M|y)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3, M: 30 * 86400e3, y: 365 * 86400e3 };

/** Parses a Sigma timespan such as `5m` or `1h` into milliseconds. */
export function parseTimespan(x: unknown): number {
  const m = TIMESPAN.exec(String(x ?? '').trim());
  if (!m) throw new RuleError(`invalid timespan '${String(x)}'`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

function threshold(x: unknown, type: CorrelationType, nRules: number): Threshold {
  if (x === undefined || x === null) {
    if (type === 'temporal' || type === 'temporal_ordered') return { gte: nRules };
    throw new RuleError(`${type} correlation needs a condition`);
  }
  if (!isMap(x)) throw new RuleError('correlation condition must be a map');
  const t: Threshold = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === 'field') continue;
    if (!['gt', 'gte', 'lt', 'lte', 'eq'].includes(k)) throw new RuleError(`unknown correlation operator '${k}'`);
    const n = Number(v);
    if (!Number.isFinite(n)) throw new RuleError(`correlation ${k} needs a number`);
    t[k as keyof Threshold] = n;
  }
  return t;
}

function toRule(b: Record<string, unknown>, file: string, doc: number): AnyRule {
  const m = meta(b, file, doc);
  if (b.correlation !== undefined) {
    const c = b.correlation;
    if (!isMap(c)) throw new RuleError('correlation must be a map');
    const type = c.type as CorrelationType;
    if (!['event_count', 'value_count', 'temporal', 'temporal_ordered'].includes(type)) throw new RuleError(`unknown correlation type '${String(c.type)}'`);
    const rules = strList(c.rules, 'correlation rules');
    if (rules.length === 0) throw new RuleError('correlation references no rules');
    const cond = c.condition;
    const field = isMap(cond) && typeof cond.field === 'string' ? cond.field : undefined;
    if (type === 'value_count' && !field) throw new RuleError('value_count needs condition.field');
    return {
      ...m,
      kind: 'correlation',
      type,
      rules,
      groupBy: strList(c['group-by'], 'group-by'),
      timespanMs: parseTimespan(c.timespan ?? c.timeframe),
      condition: threshold(cond, type, rules.length),
      field,
      generate: c.generate === true,
    };
  }
  const logsource = b.logsource;
  if (!isMap(logsource)) throw new RuleError('rule has no logsource');
  const ls = { product: strOr(logsource.product), category: strOr(logsource.category), service: strOr(logsource.service) };
  if (b.filter !== undefined) {
    const f = b.filter;
    if (!isMap(f)) throw new RuleError('filter must be a map');
    const { rules, ...detection } = f;
    return { ...m, kind: 'filter', logsource: ls, rules: strList(rules, 'filter rules'), detection };
  }
  if (!isMap(b.detection)) throw new RuleError('rule has no detection');
  return { ...m, kind: 'detection', logsource: ls, detection: b.detection };
}
