/**
 * Required literals of a regular expression: for each top-level alternative, a run of plain
 * characters that every match of that alternative contains. The engine's literal scan looks for
 * them (case-insensitively) so a rule's regex runs only on events where it can match, instead
 * of on every event of its log source (`CommandLine|re` rules were ~10 % of the match time).
 */

const PUNCT = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;
const PLAIN = /^[\x20-\x7e]$/;
const SPECIAL = new Set(['.', '^', '$', '(', ')', '[', ']', '{', '}', '|', '*', '+', '?', '\\']);

/** Index just past the group or class opening at `i` (nesting, escapes and classes respected). */
function skipGroup(p: string, i: number): number {
  let depth = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = skipClass(p, i);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return p.length;
}

/** Index just past the character class opening at `i` (JavaScript: ends at the first unescaped `]`). */
function skipClass(p: string, i: number): number {
  i++;
  if (p[i] === '^') i++;
  while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Escapes with an argument, matched exactly; anything else is skipped as two characters. */
const ESCAPES = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|k<[A-Za-z_$][\w$]*>|[0-9]+)/;

/** Index just past a non-literal escape at `i`, with its argument (`\x41`, `\cA`, `\k<n>`, `\12`). */
function skipEscape(p: string, i: number): number {
  const m = ESCAPES.exec(p.slice(i, i + 64));
  return i + (m ? m[0].length : 2);
}

/** Splits a pattern at its top-level `|`. */
function branches(p: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = skipClass(p, i);
    else if (c === '(') i = skipGroup(p, i);
    else {
      if (c === '|') {
        out.push(p.slice(start, i));
        start = i + 1;
      }
      i++;
    }
  }
  out.push(p.slice(start));
  return out;
}

/** The runs of unquantified plain characters at the top level of one alternative. */
function plainRuns(b: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      // A quantifier applies to the atom before it: drop that character from the run.
      run = run.slice(0, -1);
      end();
      i = skipQuantifier(b, i);
    } else if (c === '\\') {
      const e = b[i + 1] ?? '';
      if (PUNCT.test(e)) {
        run += e;
        i += 2;
      } else {
        end();
        i = skipEscape(b, i);
      }
    } else if (c === '(') {
      end();
      i = skipGroup(b, i);
    } else if (c === '[') {
      end();
      i = skipClass(b, i);
    } else if (SPECIAL.has(c) || !PLAIN.test(c)) {
      end();
      i++;
    } else {
      run += c;
      i++;
    }
  }
  end();
  return runs;
}

function skipQuantifier(b: string, i: number): number {
  if (b[i] !== '{') return i + 1;
  const m = /^\{\d+(,\d*)?\}/.exec(b.slice(i));
  return i + (m ? m[0].length : 1);
}

function longestRun(b: string): string {
  return plainRuns(b).reduce((best, r) => (r.length > best.length ? r : best), '');
}

/**
 * For each top-level alternative of `re`, a lower-cased literal (ASCII, ≥ `min` characters) that
 * every match of it contains; null when some alternative has none. Lower-casing keeps them
 * necessary for case-sensitive and `i` patterns alike: without the `u` flag, JavaScript's case
 * folding never maps between ASCII and non-ASCII, and the scan folds ASCII case.
 */
export function regexLiterals(re: RegExp, min = 3): string[] | null {
  if (re.unicode || re.flags.includes('v')) return null;
  const out: string[] = [];
  for (const b of branches(re.source)) {
    const lit = longestRun(b);
    if (lit.length < min) return null;
    out.push(lit.toLowerCase());
  }
  return out;
}

const LETTER = /[A-Za-z]/;

/**
 * A cheap necessary condition for `re` to match a string, tested before the regex itself: the
 * minimum length of a match, and for each top-level alternative a run of characters with no
 * letters (so it needs no case folding) that the alternative requires. Rules such as
 * `CommandLine|re: '.{1000,}'` or a backtick-obfuscation pattern run on every command line of
 * their log source; a length check or one native `includes` settles most of them.
 */
export function regexPrecheck(re: RegExp): (s: string) => boolean {
  const min = minLength(re.source);
  let runs: string[] | null = re.unicode || re.flags.includes('v') ? null : [];
  for (const b of branches(re.source)) {
    const free = plainRuns(b).flatMap((r) => r.split(LETTER)).filter((r) => r !== '');
    if (free.length === 0 || runs === null) {
      runs = null;
      break;
    }
    runs.push(free.reduce((best, r) => (r.length > best.length ? r : best)));
  }
  const need = runs;
  if (need === null) return (s) => s.length >= min;
  return (s) => {
    if (s.length < min) return false;
    for (let i = 0; i < need.length; i++) if (s.includes(need[i])) return true;
    return false;
  };
}

/** The length of the shortest string `p` can match (lookarounds, anchors and backreferences: 0). */
export function minLength(p: string): number {
  return Math.min(...branches(p).map(sequenceMin));
}

function sequenceMin(b: string): number {
  let total = 0;
  let i = 0;
  while (i < b.length) {
    const [atom, next] = atomMin(b, i);
    i = next;
    const q = b[i];
    let times = 1;
    if (q === '*' || q === '?') times = 0;
    else if (q === '{') times = Number(/^\{(\d+)/.exec(b.slice(i))?.[1] ?? 1);
    if (q === '*' || q === '+' || q === '?' || q === '{') {
      i = skipQuantifier(b, i);
      if (b[i] === '?' || b[i] === '+') i++;
    }
    total += atom * times;
  }
  return total;
}

/** Minimum length of the atom at `i` and the index after it. */
function atomMin(b: string, i: number): [number, number] {
  const c = b[i];
  if (c === '(') {
    const end = skipGroup(b, i);
    if (/^\(\?(=|!|<=|<!)/.test(b.slice(i, i + 4))) return [0, end];
    const inner = b.slice(i + 1, end - 1).replace(/^\?(<[A-Za-z_$][\w$]*>|:)/, '');
    return [minLength(inner), end];
  }
  if (c === '[') return [1, skipClass(b, i)];
  if (c === '^' || c === '$') return [0, i + 1];
  if (c === '\\') {
    const e = b[i + 1] ?? '';
    const zero = e === 'b' || e === 'B' || e === 'k' || /[1-9]/.test(e);
    return [zero ? 0 : 1, skipEscape(b, i)];
  }
  return [1, i + 1];
}
