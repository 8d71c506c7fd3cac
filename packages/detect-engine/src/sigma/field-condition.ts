import { RuleError } from './errors.ts';
import { EventView, FieldTable, allTexts, type FieldText } from './event-view.ts';
import { compileRuleRegex } from './regex.ts';
import { regexLiterals, regexPrecheck } from './regex-literal.ts';
import { compileStringTest, type StringTest } from './string-match.ts';
import { TRANSFORMS, applyMatchType, applyTransform, initialValues } from './values.ts';
import { inCidr, parseCidr, parseIP } from '../ioc/ip.ts';

/** A compiled predicate over one event. */
export type Pred = (v: EventView) => boolean;

/** Field id standing for "any value of the event" (keyword searches). */
export const KEYWORDS = -1;

/** One literal the engine's scanner resolves for a slot: on field `fid` (or KEYWORDS). */
export interface SlotEntry {
  fid: number;
  kind: 'eq' | 'prefix' | 'suffix' | 'contains';
  lit: string;
}

/**
 * A compiled condition with, where possible, `need`: clauses of slots, each of which must have
 * at least one slot set for the condition to hold (a conjunction of disjunctions). The engine
 * only runs a rule once every clause of its `need` is met; null means "always run".
 */
export interface Compiled {
  pred: Pred;
  need: number[][] | null;
}

/** What compilation needs from the outside: the field table, field mapping and placeholder lists. */
export interface CompileEnv {
  fields: FieldTable;
  /** Rule field name → event field names (one-to-many mappings are ORed). */
  mapField: (name: string) => string[];
  placeholders: ReadonlyMap<string, string[]>;
  /**
   * Registers literals resolved by the engine's per-event scan and returns their slot (set when
   * any of them holds). Without it every test runs as its own closure.
   */
  slot?: (entries: SlotEntry[]) => number;
}

function slotPred(s: number): Pred {
  return (v) => v.hits[s] === v.gen;
}

function scannable(t: StringTest): t is StringTest & { kind: SlotEntry['kind'] } {
  return !t.cased && (t.kind === 'eq' || ((t.kind === 'prefix' || t.kind === 'suffix' || t.kind === 'contains') && t.lit.length > 0));
}

const MATCH_TYPES = new Set(['contains', 'startswith', 'endswith']);
const NUMERIC = new Set(['gt', 'gte', 'lt', 'lte']);
const FLAGS = new Set(['all', 'cased', 'i', 'm', 's']);
const SPECIAL = new Set(['re', 'cidr', 'exists', 'fieldref', ...NUMERIC]);

const always: Pred = () => true;
const never: Pred = () => false;

function anyOf(ps: Pred[]): Pred {
  if (ps.length === 0) return never;
  if (ps.length === 1) return ps[0];
  if (ps.length === 2) {
    const [a, b] = ps;
    return (v) => a(v) || b(v);
  }
  return (v) => {
    for (let i = 0; i < ps.length; i++) if (ps[i](v)) return true;
    return false;
  };
}

function allOf(ps: Pred[]): Pred {
  if (ps.length === 0) return always;
  if (ps.length === 1) return ps[0];
  return (v) => {
    for (let i = 0; i < ps.length; i++) if (!ps[i](v)) return false;
    return true;
  };
}
export { anyOf, allOf, always, never };

/** Runs a text test against a field value that may be a list (any element may match). */
function onText(get: (v: EventView) => FieldText, t: (s: string) => boolean): Pred {
  return (v) => {
    const s = get(v);
    if (typeof s === 'string') return t(s);
    if (s === undefined) return false;
    for (const x of s) if (t(x)) return true;
    return false;
  };
}

/**
 * Compiles `field|mod1|mod2: values` (field null for keyword searches) into a predicate.
 * Values in a list are ORed, or ANDed with `all`; a value expanded by windash/base64offset/expand
 * is the OR of its expansions.
 */
export function compileFieldCondition(field: string | null, mods: string[], rawValues: unknown, env: CompileEnv): Compiled {
  for (const m of mods) {
    if (!MATCH_TYPES.has(m) && !NUMERIC.has(m) && !FLAGS.has(m) && !SPECIAL.has(m) && !TRANSFORMS.has(m)) {
      throw new RuleError(`unknown modifier '${m}'`);
    }
  }
  const values = Array.isArray(rawValues) ? rawValues : [rawValues];
  if (Array.isArray(rawValues) && rawValues.length === 0) throw new RuleError(`empty value list for ${field ?? 'keywords'}`);
  const targets = field === null ? null : env.mapField(field).map((f) => env.fields.id(f));
  const perField = (make: (fid: number) => Pred): Pred => anyOf(targets!.map(make));
  const cased = mods.includes('cased');
  const all = mods.includes('all');
  const special = mods.find((m) => SPECIAL.has(m));
  const matchTypes = mods.filter((m) => MATCH_TYPES.has(m));
  if (matchTypes.length > 1 && special !== 'fieldref') throw new RuleError(`conflicting modifiers ${mods.join('|')}`);
  // Keywords search the whole event text, so a bare keyword is a substring search.
  const matchType = (matchTypes[0] ?? (field === null ? 'contains' : null)) as 'contains' | 'startswith' | 'endswith' | null;

  if (special === 'exists') {
    if (targets === null) throw new RuleError('exists needs a field');
    const want = values[0] === true || values[0] === 'true';
    return { pred: perField((fid) => (v) => (v.raw(fid) != null) === want), need: null };
  }
  if (targets === null && values.some((x) => x === null)) throw new RuleError('null is not a keyword');

  const slot = env.slot;
  /**
   * A slot set when one of `lits` occurs in the field (case-insensitively): a necessary
   * condition of a test the scan cannot decide, so the test runs only behind it and the rule can
   * still be indexed. Null for keyword searches or when the test has no such literal.
   */
  const gateOf = (lits: string[] | null): number | null => {
    if (!slot || targets === null || lits === null || lits.length === 0) return null;
    return slot(lits.flatMap((lit) => targets.map((fid): SlotEntry => ({ fid, kind: 'contains', lit }))));
  };
  const guard = (g: number, p: Pred): Pred => (v) => v.hits[g] === v.gen && p(v);
  // Literals of a plain OR share one slot; with `all` each value has its own, ANDed.
  let shared: SlotEntry[] = [];
  let complete = true;
  const need: number[] = [];
  /** Under `all`: one clause per value that has one. */
  const allNeed: number[][] = [];
  const valuePreds: Pred[] = [];
  const flush = (entries: SlotEntry[]): void => {
    if (entries.length === 0 || !slot) return;
    const s = slot(entries);
    need.push(s);
    allNeed.push([s]);
    valuePreds.push(slotPred(s));
  };
  /** The tests the scan cannot decide, each behind its gate; `gates` null when one has none. */
  const gatedRest = (rest: StringTest[]): { pred: Pred; gates: number[] | null } => {
    const gs = rest.map((t) => gateOf(testLiteral(t)));
    if (gs.some((g) => g === null)) return { pred: restPred(rest, targets, cased), gates: null };
    const preds = rest.map((t, k) => guard(gs[k]!, restPred([t], targets, cased)));
    return { pred: anyOf(preds), gates: gs as number[] };
  };
  for (const raw of values) {
    if (raw === null) {
      // null matches a field that is absent or explicitly null
      complete = false;
      valuePreds.push(perField((fid) => (v) => v.raw(fid) == null));
      continue;
    }
    if (typeof raw === 'object') throw new RuleError(`unsupported value ${JSON.stringify(raw)} for ${field}`);
    const text = String(raw);
    if (special) {
      let p = compileSpecial(special, text, mods, targets, env, cased, matchTypes);
      const g = special === 're' ? gateOf(reLiterals(text, mods)) : null;
      if (g === null) complete = false;
      else {
        p = guard(g, p);
        need.push(g);
        allNeed.push([g]);
      }
      valuePreds.push(p);
      continue;
    }
    let vals = initialValues(text, mods, env.placeholders);
    for (const m of mods) if (TRANSFORMS.has(m)) vals = applyTransform(m, vals);
    const tests = vals.map((x) => compileStringTest(applyMatchType(x, matchType), cased));
    const entries: SlotEntry[] = [];
    const rest: StringTest[] = [];
    for (const t of tests) {
      const kw = targets === null;
      if (slot && scannable(t) && (!kw || (t.kind === 'contains' && !t.lit.includes('\n')))) {
        for (const fid of targets ?? [KEYWORDS]) entries.push({ fid, kind: t.kind, lit: t.lit });
      } else rest.push(t);
    }
    if (!all) {
      shared.push(...entries);
      if (rest.length > 0) {
        const r = gatedRest(rest);
        if (r.gates === null) complete = false;
        else need.push(...r.gates);
        valuePreds.push(r.pred);
      }
      continue;
    }
    // Under `all` each value must hold on its own: its slot, or its other alternatives.
    if (tests.length === 0) valuePreds.push(never);
    else if (rest.length === 0) flush(entries);
    else {
      const r = gatedRest(rest);
      if (entries.length === 0 || !slot) {
        valuePreds.push(r.pred);
        if (r.gates) allNeed.push(r.gates);
      } else {
        const s = slot(entries);
        valuePreds.push(eitherOf(slotPred(s), r.pred));
        if (r.gates) allNeed.push([s, ...r.gates]);
      }
    }
  }
  if (!all) {
    const before = valuePreds.length;
    flush(shared);
    shared = [];
    // keep the slot test first: it is the cheap one
    if (valuePreds.length > before) valuePreds.unshift(valuePreds.pop()!);
  }
  const pred = all ? allOf(valuePreds) : anyOf(valuePreds);
  if (all) return { pred, need: allNeed.length > 0 ? allNeed : null };
  return { pred, need: complete && need.length > 0 ? [need] : null };
}

/** A literal every string the test accepts contains, lower-cased; null when there is none. */
function testLiteral(t: StringTest): string[] | null {
  const lit = t.kind === 'glob' ? (t.need ?? '') : t.kind === 'any' ? '' : t.lit;
  if (lit === '') return null;
  if (!t.cased) return [lit];
  // A cased literal is searched lower-cased: exact for ASCII (see automaton.ts), so only ASCII.
  return /^[\x00-\x7f]+$/.test(lit) ? [lit.toLowerCase()] : null;
}

/** Required literals of a rule regex, as `compileSpecial` will compile it. */
function reLiterals(text: string, mods: string[]): string[] | null {
  const r = compileRuleRegex(text, ['i', 'm', 's'].filter((f) => mods.includes(f)).join(''));
  return r.ok ? regexLiterals(r.re) : null;
}

function eitherOf(a: Pred, b: Pred): Pred {
  return (v) => a(v) || b(v);
}

/** Tests that the scanner does not resolve (wildcards inside, `cased`, keyword prefixes…). */
function restPred(rest: StringTest[], targets: number[] | null, cased: boolean): Pred {
  if (targets === null) return keywordPred(rest);
  return anyOf(rest.flatMap((t) => targets.map((fid) => onText(cased ? (v) => v.text(fid) : (v) => v.lower(fid), t.test))));
}

function keywordPred(tests: StringTest[]): Pred {
  // Plain case-insensitive substrings without newlines can search the joined event text at once.
  if (tests.every((t) => t.kind === 'contains' && !t.cased && !t.lit.includes('\n'))) {
    const lits = tests.map((t) => t.lit);
    return (v) => {
      const all = v.allLower();
      for (const l of lits) if (all.includes(l)) return true;
      return false;
    };
  }
  return (v) => {
    for (const s of allTexts(v.event)) {
      const l = s.toLowerCase();
      for (const t of tests) if (t.test(t.cased ? s : l)) return true;
    }
    return false;
  };
}

function compileSpecial(
  special: string,
  text: string,
  mods: string[],
  targets: number[] | null,
  env: CompileEnv,
  cased: boolean,
  matchTypes: string[],
): Pred {
  if (special === 're') {
    const flags = ['i', 'm', 's'].filter((f) => mods.includes(f)).join('');
    const r = compileRuleRegex(text, flags);
    if (!r.ok) throw new RuleError(r.reason);
    const possible = regexPrecheck(r.re);
    const run = r.test;
    const t = (s: string) => possible(s) && run(s);
    if (targets === null) return (v) => allTexts(v.event).some(t);
    return anyOf(targets.map((fid) => onText((v) => v.text(fid), t)));
  }
  if (targets === null) throw new RuleError(`${special} needs a field`);
  if (special === 'cidr') {
    const net = parseCidr(text);
    if (!net) throw new RuleError(`invalid CIDR ${text}`);
    const t = (s: string) => {
      const ip = parseIP(s);
      return ip !== null && inCidr(ip, net);
    };
    return anyOf(targets.map((fid) => onText((v) => v.text(fid), t)));
  }
  if (special === 'fieldref') {
    const refs = env.mapField(text).map((f) => env.fields.id(f));
    const kind = matchTypes[0] ?? 'eq';
    const cmp = (a: string, b: string): boolean =>
      kind === 'contains' ? a.includes(b) : kind === 'startswith' ? a.startsWith(b) : kind === 'endswith' ? a.endsWith(b) : a === b;
    const preds: Pred[] = [];
    for (const fid of targets)
      for (const ref of refs)
        preds.push((v) => {
          const a = cased ? v.text(fid) : v.lower(fid);
          const b = cased ? v.text(ref) : v.lower(ref);
          return typeof a === 'string' && typeof b === 'string' && cmp(a, b);
        });
    return anyOf(preds);
  }
  // gt / gte / lt / lte
  const bound = Number(text);
  if (!Number.isFinite(bound)) throw new RuleError(`${special} needs a number, got ${text}`);
  const cmp =
    special === 'gt' ? (x: number) => x > bound : special === 'gte' ? (x: number) => x >= bound : special === 'lt' ? (x: number) => x < bound : (x: number) => x <= bound;
  return anyOf(
    targets.map((fid) => (v: EventView) => {
      const r = v.raw(fid);
      const n = typeof r === 'number' ? r : typeof r === 'string' && r.trim() !== '' ? Number(r) : NaN;
      return !Number.isNaN(n) && cmp(n);
    }),
  );
}
