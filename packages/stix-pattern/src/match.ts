/**
 * Evaluates patterns against observations. A comparison expression is true for an observation
 * when one of its objects satisfies it (`_ref`/`_refs` followed through the observation's other
 * objects); tests on another object type in the same brackets look for any object of that type.
 * Observation expressions combine distinct observations: AND and OR, FOLLOWEDBY in time order,
 * REPEATS n distinct matches, WITHIN a time span, START…STOP a time window.
 */
import type { Comparison, ObjectPath, Observation, Pattern } from './ast.ts';
import { parsePattern } from './parser.ts';
import { compare } from './values.ts';

/** A STIX Cyber-observable Object, as found in observed-data or an event's mapping. */
export type ScoObject = { type: string; id?: string } & Record<string, unknown>;

/** One observation: its objects (a STIX 2.0-style map by key, or a list) and when it was seen. */
export interface Observed {
  objects: Record<string, ScoObject> | ScoObject[];
  first_observed?: string;
  last_observed?: string;
}

interface Prepared {
  objects: ScoObject[];
  byRef: Map<string, ScoObject>;
  first: number;
  last: number;
}

/** Bounds the enumeration of combinations, so a hostile pattern cannot exhaust memory. */
const maxMatches = 2000;

function prepare(observed: Observed, now: number): Prepared {
  const entries = Array.isArray(observed.objects) ? observed.objects.map((o, i) => [String(i), o] as const) : Object.entries(observed.objects);
  const byRef = new Map<string, ScoObject>();
  for (const [key, object] of entries) {
    byRef.set(key, object);
    if (typeof object.id === 'string') byRef.set(object.id, object);
  }
  const first = observed.first_observed ? Date.parse(observed.first_observed) : now;
  const last = observed.last_observed ? Date.parse(observed.last_observed) : first;
  return { objects: entries.map(([, o]) => o), byRef, first, last };
}

/** Every value the path reaches from `object` (several when it crosses a list with [*]). */
function resolve(object: ScoObject, path: ObjectPath, observation: Prepared): unknown[] {
  let current: unknown[] = [object];
  path.steps.forEach((step, index) => {
    const isLast = index === path.steps.length - 1;
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === 'property') {
        if (value && typeof value === 'object' && !Array.isArray(value) && step.name in value) {
          const found = (value as Record<string, unknown>)[step.name];
          // A reference is followed when the path continues past it.
          if (!isLast && step.name.endsWith('_ref') && typeof found === 'string') {
            const target = observation.byRef.get(found);
            if (target) next.push(target);
          } else if (!isLast && step.name.endsWith('_refs') && Array.isArray(found)) {
            next.push(found.map((ref) => (typeof ref === 'string' ? observation.byRef.get(ref) : undefined)).filter(Boolean));
          } else {
            next.push(found);
          }
        }
      } else if (Array.isArray(value)) {
        if (step.kind === 'any') next.push(...value);
        else if (step.index >= 0 && step.index < value.length) next.push(value[step.index]);
        else if (step.index < 0 && -step.index <= value.length) next.push(value[value.length + step.index]);
      }
    }
    current = next;
  });
  return current.filter((v) => v !== undefined);
}

function testObject(comparison: Comparison, object: ScoObject, observation: Prepared): boolean {
  switch (comparison.kind) {
    case 'and': return comparison.operands.every((c) => testWithin(c, object, observation));
    case 'or': return comparison.operands.some((c) => testWithin(c, object, observation));
    case 'exists': return resolve(object, comparison.path, observation).length > 0;
    case 'test': {
      const values = resolve(object, comparison.path, observation);
      if (values.length === 0) return false;
      const hit = values.some((v) => compare(v, comparison.operator, comparison.value));
      return comparison.negated ? !hit : hit;
    }
  }
}

function pathType(comparison: Comparison): string | undefined {
  return comparison.kind === 'test' || comparison.kind === 'exists' ? comparison.path.objectType : undefined;
}

/** Tests on the bound object's type use it; tests on other types look through the observation. */
function testWithin(comparison: Comparison, object: ScoObject, observation: Prepared): boolean {
  const type = pathType(comparison);
  if (type === undefined || type === object.type) return testObject(comparison, object, observation);
  return observation.objects.some((other) => other.type === type && testObject(comparison, other, observation));
}

function observationMatches(comparison: Comparison, observation: Prepared): boolean {
  return observation.objects.some((object) => testWithin(comparison, object, observation));
}

type Match = number[];

function disjoint(a: Match, b: Match): boolean {
  return a.every((i) => !b.includes(i));
}

function combinations(matches: Match[], n: number, start = 0, chosen: Match = [], out: Match[] = []): Match[] {
  if (out.length >= maxMatches) return out;
  if (n === 0) {
    out.push(chosen);
    return out;
  }
  for (let i = start; i < matches.length && out.length < maxMatches; i += 1) {
    if (disjoint(chosen, matches[i])) combinations(matches, n - 1, i + 1, [...chosen, ...matches[i]], out);
  }
  return out;
}

function evaluate(expression: Observation, observations: Prepared[]): Match[] {
  switch (expression.kind) {
    case 'observation':
      return observations.flatMap((o, i) => (observationMatches(expression.comparison, o) ? [[i]] : [])).slice(0, maxMatches);
    case 'or':
      return expression.operands.flatMap((e) => evaluate(e, observations)).slice(0, maxMatches);
    case 'and':
    case 'followedBy': {
      let results = evaluate(expression.operands[0], observations);
      for (const operand of expression.operands.slice(1)) {
        const right = evaluate(operand, observations);
        const joined: Match[] = [];
        for (const a of results) {
          for (const b of right) {
            if (joined.length >= maxMatches) break;
            if (!disjoint(a, b)) continue;
            if (expression.kind === 'followedBy' && Math.max(...a.map((i) => observations[i].last)) > Math.min(...b.map((i) => observations[i].first))) continue;
            joined.push([...a, ...b]);
          }
        }
        results = joined;
      }
      return results;
    }
    case 'qualified': {
      const inner = evaluate(expression.expression, observations);
      const q = expression.qualifier;
      if (q.kind === 'repeats') return combinations(inner, q.times);
      if (q.kind === 'within') {
        return inner.filter((m) => Math.max(...m.map((i) => observations[i].last)) - Math.min(...m.map((i) => observations[i].first)) <= q.seconds * 1000);
      }
      return inner.filter((m) => m.every((i) => observations[i].first >= q.start && observations[i].last < q.stop));
    }
  }
}

function asPattern(pattern: Pattern | string): Pattern {
  return typeof pattern === 'string' ? parsePattern(pattern) : pattern;
}

/**
 * Whether the observations satisfy the pattern; the indices of one satisfying set, or null.
 * Observations without timestamps count as seen `now`.
 */
export function matchObservations(pattern: Pattern | string, observations: readonly Observed[], now = Date.now()): number[] | null {
  const prepared = observations.map((o) => prepare(o, now));
  const found = evaluate(asPattern(pattern).root, prepared)[0];
  return found ? [...found].sort((a, b) => a - b) : null;
}

/**
 * The single-event subset: whether one event's objects satisfy the pattern (qualifiers that
 * need several observations, such as REPEATS 2 TIMES, cannot be satisfied by one event).
 */
export function matchEvent(pattern: Pattern | string, objects: Observed['objects'], at = Date.now()): boolean {
  const when = new Date(at).toISOString();
  return matchObservations(pattern, [{ objects, first_observed: when, last_observed: when }], at) !== null;
}
