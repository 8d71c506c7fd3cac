/**
 * Splits a pattern into tokens. Keywords are upper case as in the specification's grammar
 * (`true`/`false` lower case); strings are single-quoted with `\'` and `\\` escapes; `b'…'`,
 * `h'…'` and `t'…'` are binary, hex and timestamp literals.
 */
import { PatternError } from './errors.ts';

export type TokenKind = 'punct' | 'keyword' | 'identifier' | 'string' | 'int' | 'float' | 'bool' | 'binary' | 'hex' | 'timestamp' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** The decoded value of a literal (string contents, number), or the keyword itself. */
  value: string | number | boolean;
  position: number;
}

const keywords = new Set(['AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'IN', 'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES']);
const punctuation = ['!=', '<>', '>=', '<=', '=', '<', '>', '[', ']', '(', ')', ',', ':', '.', '*'];
const timestampForm = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;

function quoted(source: string, start: number): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next !== "'" && next !== '\\') throw new PatternError(`Invalid escape "\\${next ?? ''}" in a string (only \\' and \\\\ are allowed)`, i);
      text += next;
      i += 1;
    } else if (c === "'") {
      return { text, end: i + 1 };
    } else {
      text += c;
    }
  }
  throw new PatternError('Unterminated string literal', start);
}

function prefixed(source: string, i: number): Token {
  const prefix = source[i];
  const { text, end } = quoted(source, i + 1);
  const raw = source.slice(i, end);
  if (prefix === 't') {
    if (!timestampForm.test(text) || Number.isNaN(Date.parse(text))) throw new PatternError(`Invalid timestamp ${raw}: use RFC 3339 in UTC, e.g. t'2016-01-01T00:00:00Z'`, i);
    return { kind: 'timestamp', text: raw, value: text, position: i };
  }
  if (prefix === 'h') {
    if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new PatternError(`Invalid hex literal ${raw}: an even number of hex digits`, i);
    return { kind: 'hex', text: raw, value: text, position: i };
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new PatternError(`Invalid binary literal ${raw}: base64 expected`, i);
  return { kind: 'binary', text: raw, value: text, position: i };
}

function number(source: string, i: number): Token | undefined {
  const m = /^[+-]?(\d*\.\d+|\d+)/.exec(source.slice(i));
  if (!m) return undefined;
  const isFloat = m[0].includes('.');
  return { kind: isFloat ? 'float' : 'int', text: m[0], value: Number(m[0]), position: i };
}

/** All tokens of `source`, ending with an `eof` token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === "'") {
      const { text, end } = quoted(source, i);
      tokens.push({ kind: 'string', text: source.slice(i, end), value: text, position: i });
      i = end;
      continue;
    }
    if ((c === 't' || c === 'h' || c === 'b') && source[i + 1] === "'") {
      const token = prefixed(source, i);
      tokens.push(token);
      i += token.text.length;
      continue;
    }
    if (/[0-9+-]/.test(c) || (c === '.' && /\d/.test(source[i + 1] ?? '') && tokens.at(-1)?.kind !== 'identifier' && tokens.at(-1)?.kind !== 'string')) {
      const token = number(source, i);
      if (token) { tokens.push(token); i += token.text.length; continue; }
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (word) {
      const text = word[0];
      if (keywords.has(text)) tokens.push({ kind: 'keyword', text, value: text, position: i });
      else if (text === 'true' || text === 'false') tokens.push({ kind: 'bool', text, value: text === 'true', position: i });
      else tokens.push({ kind: 'identifier', text, value: text, position: i });
      i += text.length;
      continue;
    }
    const punct = punctuation.find((p) => source.startsWith(p, i));
    if (!punct) throw new PatternError(`Unexpected character "${c}"`, i);
    tokens.push({ kind: 'punct', text: punct === '<>' ? '!=' : punct, value: punct, position: i });
    i += punct.length;
  }
  tokens.push({ kind: 'eof', text: '', value: '', position: source.length });
  return tokens;
}
