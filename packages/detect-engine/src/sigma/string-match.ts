import { ONE, STAR, type Part } from './sigma-string.ts';

/**
 * How a compiled string test behaves, kept beside the test so the engine's prefilter index can
 * reason about it (an `eq` or `suffix` test can be looked up in a hash table instead of run).
 */
export interface StringTest {
  kind: 'eq' | 'prefix' | 'suffix' | 'contains' | 'glob' | 'any';
  /** The literal (lower-cased unless `cased`) for eq/prefix/suffix/contains. */
  lit: string;
  cased: boolean;
  test: (s: string) => boolean;
  /** For `glob`: its longest literal part, which every match contains (lets the scan gate it). */
  need?: string;
}

/**
 * Compiles wildcard parts into the cheapest test that is exact: plain equality, startsWith,
 * endsWith or includes cover almost all SigmaHQ values; the rest use a linear glob matcher
 * rather than a regular expression, so no rule value can cause backtracking blow-up.
 */
export function compileStringTest(parts: Part[], cased: boolean): StringTest {
  const norm = parts.map((p) => (typeof p === 'string' && !cased ? p.toLowerCase() : p));
  // Collapse runs of `*` — they mean the same as one.
  const ps: Part[] = [];
  for (const p of norm) if (!(p === STAR && ps[ps.length - 1] === STAR)) ps.push(p);
  const n = ps.length;
  const hasOne = ps.includes(ONE);
  if (n === 0) return { kind: 'eq', lit: '', cased, test: (s) => s === '' };
  if (!hasOne) {
    if (n === 1 && ps[0] === STAR) return { kind: 'any', lit: '', cased, test: () => true };
    if (n === 1) {
      const lit = ps[0] as string;
      return { kind: 'eq', lit, cased, test: (s) => s === lit };
    }
    if (n === 2 && ps[1] === STAR && typeof ps[0] === 'string') {
      const lit = ps[0];
      return { kind: 'prefix', lit, cased, test: (s) => s.startsWith(lit) };
    }
    if (n === 2 && ps[0] === STAR && typeof ps[1] === 'string') {
      const lit = ps[1];
      return { kind: 'suffix', lit, cased, test: (s) => s.endsWith(lit) };
    }
    if (n === 3 && ps[0] === STAR && ps[2] === STAR && typeof ps[1] === 'string') {
      const lit = ps[1];
      return { kind: 'contains', lit, cased, test: (s) => s.includes(lit) };
    }
  }
  let need = '';
  for (const p of ps) if (typeof p === 'string' && p.length > need.length) need = p;
  return { kind: 'glob', lit: '', cased, test: (s) => globMatch(ps, s), need };
}

/**
 * Wildcard match with single-point backtracking to the last `*`: O(n·m) worst case, never
 * exponential. Literal parts are compared as whole chunks, which keeps the common case fast.
 */
export function globMatch(ps: Part[], s: string): boolean {
  let pi = 0;
  let si = 0;
  let starPi = -1;
  let starSi = 0;
  while (si <= s.length) {
    if (pi < ps.length) {
      const p = ps[pi];
      if (p === STAR) {
        starPi = pi++;
        starSi = si;
        continue;
      }
      if (p === ONE) {
        if (si < s.length) {
          pi++;
          si++;
          continue;
        }
      } else if (s.startsWith(p as string, si)) {
        pi++;
        si += (p as string).length;
        continue;
      }
    } else if (si === s.length) return true;
    if (starPi < 0) return false;
    // Let the last `*` absorb one more character and retry from just after it.
    pi = starPi + 1;
    si = ++starSi;
  }
  return false;
}
