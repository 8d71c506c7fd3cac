import { namesFor, parseCondition, type CondNode } from './condition.ts';
import { RuleError } from './errors.ts';
import { allOf, anyOf, compileFieldCondition, type CompileEnv, type Compiled, type Pred } from './field-condition.ts';

/**
 * Compiles a rule's `detection` block (selections plus condition) into one predicate, and works
 * out the slot clauses that must all be met for the rule to fire — the key the engine uses to
 * skip rules without running them.
 */
export function compileDetection(detection: unknown, env: CompileEnv): Compiled {
  if (!detection || typeof detection !== 'object' || Array.isArray(detection)) throw new RuleError('detection must be a map');
  const det = detection as Record<string, unknown>;
  const rawCond = det.condition;
  if (rawCond === undefined) throw new RuleError('detection has no condition');
  const names = Object.keys(det).filter((k) => k !== 'condition' && k !== 'timeframe');
  const cache = new Map<string, Compiled>();
  const selection = (name: string): Compiled => {
    let c = cache.get(name);
    if (!c) {
      if (!(name in det) || name === 'condition') throw new RuleError(`condition names unknown selection '${name}'`);
      c = compileSelection(name, det[name], env);
      cache.set(name, c);
    }
    return c;
  };
  // Compile every selection, even unused ones, so a broken selection is reported at load.
  for (const n of names) selection(n);
  const conds = Array.isArray(rawCond) ? rawCond : [rawCond];
  if (conds.some((c) => typeof c !== 'string')) throw new RuleError('condition must be a string');
  const trees = conds.map((c) => parseCondition(c as string));
  return orOf(trees.map((t) => compileCond(t, names, selection)));
}

function compileCond(n: CondNode, names: string[], sel: (name: string) => Compiled): Compiled {
  switch (n.t) {
    case 'ref':
      return sel(n.name);
    case 'not': {
      const a = compileCond(n.a, names, sel).pred;
      return { pred: (v) => !a(v), need: null };
    }
    case 'and':
      return andOf(n.items.map((x) => compileCond(x, names, sel)));
    case 'or':
      return orOf(n.items.map((x) => compileCond(x, names, sel)));
    case 'of': {
      const covered = namesFor(n.pattern, names);
      if (covered.length === 0) throw new RuleError(`'${n.quant} of ${n.pattern}' matches no selection`);
      const parts = covered.map(sel);
      if (n.quant === 'all') return andOf(parts);
      if (n.quant === 1) return orOf(parts);
      const k = n.quant;
      const preds = parts.map((p) => p.pred);
      return {
        pred: (v) => {
          let hit = 0;
          for (const p of preds) if (p(v) && ++hit >= k) return true;
          return false;
        },
        need: null,
      };
    }
  }
}

/** AND: every child's clauses must hold. */
export function andOf(items: Compiled[]): Compiled {
  const need = items.flatMap((i) => i.need ?? []);
  return { pred: allOf(items.map((i) => i.pred)), need: need.length > 0 ? need : null };
}

/** OR: one clause, the union of each branch's smallest clause (only if every branch has one). */
export function orOf(items: Compiled[]): Compiled {
  const pred = anyOf(items.map((i) => i.pred));
  if (items.length === 1) return items[0];
  if (items.some((i) => i.need === null)) return { pred, need: null };
  const union = new Set<number>();
  for (const it of items) for (const s of it.need!.reduce((a, b) => (b.length < a.length ? b : a))) union.add(s);
  return { pred, need: [[...union]] };
}

/**
 * A selection is a map (fields ANDed), a list of maps (ORed), or a list/scalar of plain values
 * (keywords searched in every field). A map key starting with `|` is a keyword with modifiers.
 */
function compileSelection(name: string, body: unknown, env: CompileEnv): Compiled {
  try {
    if (Array.isArray(body)) {
      if (body.length === 0) throw new RuleError('empty selection');
      if (body.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return orOf(body.map((m) => compileMap(m as Record<string, unknown>, env)));
      if (body.some((x) => x && typeof x === 'object')) throw new RuleError('selection mixes maps and plain values');
      return compileFieldCondition(null, [], body, env);
    }
    if (body && typeof body === 'object') return compileMap(body as Record<string, unknown>, env);
    if (body === null || body === undefined) throw new RuleError('empty selection');
    return compileFieldCondition(null, [], [body], env);
  } catch (e) {
    if (e instanceof RuleError) throw new RuleError(`selection '${name}': ${e.message}`);
    throw e;
  }
}

function compileMap(map: Record<string, unknown>, env: CompileEnv): Compiled {
  const keys = Object.keys(map);
  if (keys.length === 0) throw new RuleError('empty map in selection');
  const items: Compiled[] = [];
  for (const key of keys) {
    const [field, ...mods] = key.split('|');
    items.push(compileFieldCondition(field === '' ? null : field, mods, map[key], env));
  }
  return andOf(items);
}

export type { Pred };
