/**
 * Regular expressions from rules: translated from the PCRE/Python dialect that Sigma authors
 * write into JavaScript, and checked for catastrophic backtracking before the engine runs them,
 * because V8's regex engine backtracks and one bad rule could stall the whole event stream.
 * A pattern that could is run by RE2JS instead, whose automaton takes linear time whatever the
 * input; V8 stays the default because it is several times faster on the safe ones. RE2 has no
 * lookaround or backreferences, so a hazardous pattern that needs them is refused.
 */
import { RE2JS } from 're2js';

/** A compiled rule regex: `re` for analysis (source, flags), `test` to run it. */
export interface RuleRegex {
  re: RegExp;
  test: (s: string) => boolean;
  engine: 'backtracking' | 'linear';
}

/** Result of preparing a rule regex, or the reason it was refused. */
export type RegexResult = ({ ok: true } & RuleRegex) | { ok: false; reason: string };

const RE2_FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

function linear(pattern: string, flags: string): RE2JS | string {
  try {
    return RE2JS.compile(pattern, [...flags].reduce((acc, f) => acc | (RE2_FLAGS[f] ?? 0), 0));
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Compiles a Sigma `re` value. `flags` holds the `i`/`m`/`s` sub-modifiers. Leading inline flag
 * groups such as `(?i)` are lifted into JS flags (JS rejects them), `(?P<n>` becomes `(?<n>`.
 */
export function compileRuleRegex(src: string, flags: string): RegexResult {
  let pattern = src;
  let f = flags;
  const inline = /^\(\?([imsx]+)\)/.exec(pattern);
  if (inline) {
    pattern = pattern.slice(inline[0].length);
    for (const c of inline[1]) if (c !== 'x' && !f.includes(c)) f += c;
  }
  pattern = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  let re: RegExp;
  try {
    re = new RegExp(pattern, f);
  } catch (e) {
    return { ok: false, reason: `invalid regex ${src}: ${(e as Error).message}` };
  }
  const danger = findBacktrackingHazard(pattern);
  if (!danger) return { ok: true, re, test: (s) => re.test(s), engine: 'backtracking' };
  const safe = linear(pattern, f);
  if (typeof safe === 'string') return { ok: false, reason: `regex may backtrack catastrophically (${danger}) and the linear-time engine cannot run it (${safe}): ${src}` };
  return { ok: true, re, test: (s) => safe.test(s), engine: 'linear' };
}

interface Frame {
  unbounded: boolean;
  alternation: boolean;
}

/**
 * Static check for the patterns that make backtracking exponential: a repeated group that itself
 * contains an unbounded repetition (`(a+)+`, `(\w*\s?)*`), or a repeated group of alternatives
 * (`(a|ab)*`) whose branches can overlap. It is conservative: such rules are rejected with a
 * reason rather than risking a hang. Returns a description of the hazard, or null.
 */
export function findBacktrackingHazard(p: string): string | null {
  const stack: Frame[] = [{ unbounded: false, alternation: false }];
  let i = 0;
  // Reads the quantifier at position j, if any: returns [length, unbounded].
  const quant = (j: number): [number, boolean] => {
    const c = p[j];
    let len = 0;
    let unb = false;
    if (c === '*' || c === '+') [len, unb] = [1, true];
    else if (c === '?') len = 1;
    else if (c === '{') {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(j));
      if (!m) return [0, false];
      len = m[0].length;
      unb = m[2] !== undefined && (m[3] === '' || Number(m[3]) > 16);
    }
    if (len && (p[j + len] === '?' || p[j + len] === '+')) len++; // lazy / possessive suffix
    return [len, unb];
  };
  while (i < p.length) {
    const c = p[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i += 2;
      const [len, unb] = quant(i);
      if (unb) top.unbounded = true;
      i += len;
    } else if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      i = j + 1;
      const [len, unb] = quant(i);
      if (unb) top.unbounded = true;
      i += len;
    } else if (c === '(') {
      stack.push({ unbounded: false, alternation: false });
      i++;
      if (p[i] === '?') {
        // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(<[A-Za-z_]\w*>|<=|<!|[:=!])/.exec(p.slice(i));
        if (m) i += m[0].length;
      }
    } else if (c === ')') {
      const frame = stack.length > 1 ? stack.pop()! : top;
      i++;
      const [len, unb] = quant(i);
      i += len;
      const parent = stack[stack.length - 1];
      if (unb && frame.unbounded) return 'nested unbounded repetition';
      if (unb && frame.alternation) return 'repeated alternation';
      if (frame.unbounded || unb) parent.unbounded = true;
    } else if (c === '|') {
      top.alternation = true;
      i++;
    } else {
      i++;
      const [len, unb] = quant(i);
      if (unb) top.unbounded = true;
      i += len;
    }
  }
  return null;
}
