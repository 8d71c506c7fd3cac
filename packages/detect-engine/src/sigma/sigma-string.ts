/**
 * A Sigma string value split into literal text and wildcards, per the Sigma v2 escaping rules:
 * `*` and `?` are wildcards, `\*`, `\?` and `\\` are their literal forms, and any other backslash
 * is literal (so Windows paths like `\cmd.exe` need no escaping).
 */
export type Part = string | typeof STAR | typeof ONE;
/** Marks a `*` wildcard inside a parsed Sigma string. */
export const STAR = Symbol('*');
/** Marks a `?` wildcard inside a parsed Sigma string. */
export const ONE = Symbol('?');

/** Parses a raw rule value into parts; adjacent literal text is merged so matchers see few parts. */
export function parseSigmaString(raw: string): Part[] {
  const out: Part[] = [];
  let lit = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        lit += n;
        i++;
      } else lit += c;
    } else if (c === '*' || c === '?') {
      if (lit) out.push(lit);
      lit = '';
      out.push(c === '*' ? STAR : ONE);
    } else lit += c;
  }
  if (lit) out.push(lit);
  return out;
}

/** Literal parts (no wildcard), for values that the spec treats as plain text (base64, fieldref). */
export function literalParts(raw: string): Part[] {
  return raw ? [raw] : [];
}

/** True when the parts contain no wildcard; such values can use plain string comparisons. */
export function isPlain(parts: Part[]): boolean {
  return parts.every((p) => typeof p === 'string');
}

/** Joins literal parts back to text; wildcards become their unescaped characters (for display and keys). */
export function partsToText(parts: Part[]): string {
  return parts.map((p) => (p === STAR ? '*' : p === ONE ? '?' : p)).join('');
}
