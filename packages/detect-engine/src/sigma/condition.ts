import { RuleError } from './errors.ts';

/**
 * The Sigma condition language: `and`, `or`, `not`, parentheses, and `1 of`/`all of` over
 * selection names with wildcards or `them`. Precedence follows the specification: `not` binds
 * tightest, then `and`, then `or`; `x of` applies to the single name pattern after it.
 */
export type CondNode =
  | { t: 'ref'; name: string }
  | { t: 'not'; a: CondNode }
  | { t: 'and' | 'or'; items: CondNode[] }
  | { t: 'of'; quant: 'all' | number; pattern: string };

type Tok = { k: 'lp' | 'rp' | 'and' | 'or' | 'not' | 'of' | 'word'; v: string };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const re = /\s*(\(|\)|[^\s()]+)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    m = re.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(pos))) break;
      throw new RuleError(`cannot read condition at '${src.slice(pos)}'`);
    }
    pos = re.lastIndex;
    const w = m[1];
    const lw = w.toLowerCase();
    if (w === '(') toks.push({ k: 'lp', v: w });
    else if (w === ')') toks.push({ k: 'rp', v: w });
    else if (lw === 'and' || lw === 'or' || lw === 'not' || lw === 'of') toks.push({ k: lw, v: w });
    else if (w.includes('|')) throw new RuleError(`aggregation expressions in conditions are not supported (use correlation rules): ${src}`);
    else toks.push({ k: 'word', v: w });
  }
  return toks;
}

/** Parses a condition string into a tree; throws RuleError with the position of a syntax error. */
export function parseCondition(src: string): CondNode {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const fail = (what: string): never => {
    throw new RuleError(`broken condition '${src}': ${what}`);
  };
  const parseOr = (): CondNode => {
    const items = [parseAnd()];
    while (peek()?.k === 'or') {
      i++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { t: 'or', items };
  };
  const parseAnd = (): CondNode => {
    const items = [parseNot()];
    while (peek()?.k === 'and') {
      i++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0] : { t: 'and', items };
  };
  const parseNot = (): CondNode => {
    if (peek()?.k === 'not') {
      i++;
      return { t: 'not', a: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): CondNode => {
    const tok = peek();
    if (!tok) return fail('unexpected end');
    if (tok.k === 'lp') {
      i++;
      const inner = parseOr();
      if (peek()?.k !== 'rp') fail('missing )');
      i++;
      return inner;
    }
    if (tok.k !== 'word') return fail(`unexpected '${tok.v}'`);
    i++;
    if (peek()?.k === 'of') {
      i++;
      const target = peek();
      if (!target || target.k !== 'word') return fail(`'${tok.v} of' needs a name pattern`);
      i++;
      const q = tok.v.toLowerCase();
      if (q === 'all') return { t: 'of', quant: 'all', pattern: target.v };
      if (!/^[1-9]\d*$/.test(q)) return fail(`unknown quantifier '${tok.v}'`);
      return { t: 'of', quant: Number(q), pattern: target.v };
    }
    return { t: 'ref', name: tok.v };
  };
  const tree = parseOr();
  if (i < toks.length) fail(`unexpected '${toks[i].v}'`);
  return tree;
}

/** Selection names a `x of` pattern covers: `them` is every name not starting with `_`. */
export function namesFor(pattern: string, names: string[]): string[] {
  if (pattern === 'them') return names.filter((n) => !n.startsWith('_'));
  const rx = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return names.filter((n) => rx.test(n));
}
