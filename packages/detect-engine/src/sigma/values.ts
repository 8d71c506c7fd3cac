import { STAR, isPlain, parseSigmaString, partsToText, type Part } from './sigma-string.ts';
import { RuleError } from './errors.ts';

/**
 * Value transformations of the Sigma modifiers that rewrite the searched-for value before
 * matching (expand, wide/utf16*, base64, base64offset, windash). Each turns one value into one
 * or more alternatives; the match-type modifiers (contains…) are applied afterwards.
 */

/** One value on its way through the modifier chain. `bytes` marks text that holds raw bytes (latin1). */
export interface Val {
  parts: Part[];
  bytes: boolean;
}

const WINDASH = ['-', '/', '\u2013', '\u2014', '\u2015'];

/** The transformation modifiers, in the order they may appear in a rule. */
export const TRANSFORMS = new Set(['expand', 'wide', 'utf16le', 'utf16be', 'utf16', 'base64', 'base64offset', 'windash']);

/**
 * Turns a raw rule value into parsed alternatives. Wildcards are parsed up front unless a base64
 * modifier follows, because base64 encodes the literal text (a `*` in it is not a wildcard).
 */
export function initialValues(raw: string, mods: string[], placeholders: ReadonlyMap<string, string[]>): Val[] {
  let raws = [raw];
  if (mods.includes('expand')) raws = expandPlaceholders(raw, placeholders);
  const literal = mods.includes('base64') || mods.includes('base64offset');
  return raws.map((r) => ({ parts: literal ? (r ? [r] : []) : parseSigmaString(r), bytes: false }));
}

/** Resolves `%name%` placeholders; an unknown placeholder yields no values (the item matches nothing). */
export function expandPlaceholders(raw: string, placeholders: ReadonlyMap<string, string[]>): string[] {
  let out = [''];
  const re = /%([A-Za-z0-9_.-]+)%/g;
  let last = 0;
  for (const m of raw.matchAll(re)) {
    const vals = placeholders.get(m[1]);
    if (!vals) return [];
    const lit = raw.slice(last, m.index);
    out = out.flatMap((o) => vals.map((v) => o + lit + v));
    last = m.index! + m[0].length;
  }
  return out.map((o) => o + raw.slice(last));
}

function mapLiterals(v: Val, f: (s: string) => string): Val {
  return { parts: v.parts.map((p) => (typeof p === 'string' ? f(p) : p)), bytes: true };
}

function toBytes(v: Val, mod: string): Buffer {
  if (!isPlain(v.parts)) throw new RuleError(`${mod} cannot encode a value with wildcards: ${partsToText(v.parts)}`);
  const text = v.parts.join('');
  return Buffer.from(text, v.bytes ? 'latin1' : 'utf8');
}

/** Applies one transformation modifier to every alternative. */
export function applyTransform(mod: string, vals: Val[]): Val[] {
  switch (mod) {
    case 'expand':
      return vals; // done in initialValues, before wildcard parsing
    case 'wide':
    case 'utf16le':
      return vals.map((v) => mapLiterals(v, (s) => Buffer.from(s, 'utf16le').toString('latin1')));
    case 'utf16be':
      return vals.map((v) => mapLiterals(v, (s) => Buffer.from(s, 'utf16le').swap16().toString('latin1')));
    case 'utf16':
      // With a byte-order mark, as Windows' "Unicode" encoding writes it.
      return vals.map((v) => {
        const w = mapLiterals(v, (s) => Buffer.from(s, 'utf16le').toString('latin1'));
        if (typeof w.parts[0] === 'string') w.parts[0] = '\xff\xfe' + w.parts[0];
        else w.parts.unshift('\xff\xfe');
        return w;
      });
    case 'base64':
      return vals.map((v) => ({ parts: [toBytes(v, mod).toString('base64')], bytes: false }));
    case 'base64offset':
      return vals.flatMap((v) => base64Offsets(toBytes(v, mod)).map((s) => ({ parts: [s], bytes: false })));
    case 'windash':
      return vals.flatMap(windashVariants);
    default:
      throw new RuleError(`unknown modifier ${mod}`);
  }
}

/**
 * The three base64 forms of `bytes` when it sits at offset 0, 1 or 2 of a larger encoded
 * buffer: encode with 0–2 padding bytes in front, then cut the characters that depend on the
 * unknown neighbouring bytes (the same slicing pySigma uses).
 */
export function base64Offsets(bytes: Buffer): string[] {
  const start = [0, 2, 3];
  const endCut = [0, 3, 2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
    const cut = endCut[(bytes.length + i) % 3];
    out.push(enc.slice(start[i], cut ? enc.length - cut : enc.length));
  }
  return out;
}

/**
 * Windows tools accept `-x`, `/x` and Unicode dashes alike; every `-` or `/` that starts a word
 * is expanded into each of the five forms (all combinations), as the specification says.
 */
export function windashVariants(v: Val): Val[] {
  let outs: Part[][] = [[]];
  for (const p of v.parts) {
    if (typeof p !== 'string') {
      for (const o of outs) o.push(p);
      continue;
    }
    const pieces = p.split(/(?<![\w])([-/])(?=\w)/);
    // split with a capture group: even indexes are text, odd ones the dash characters
    let texts: string[] = [''];
    for (let i = 0; i < pieces.length; i++) {
      if (i % 2 === 0) texts = texts.map((t) => t + pieces[i]);
      else texts = texts.flatMap((t) => WINDASH.map((d) => t + d));
    }
    outs = outs.flatMap((o) => texts.map((t) => [...o, t]));
  }
  return outs.map((parts) => ({ parts, bytes: v.bytes }));
}

/** Wraps a value for contains/startswith/endswith by adding the implied wildcards. */
export function applyMatchType(v: Val, type: 'contains' | 'startswith' | 'endswith' | null): Part[] {
  const ps = v.parts.slice();
  if (type === 'contains' || type === 'endswith') ps.unshift(STAR);
  if (type === 'contains' || type === 'startswith') ps.push(STAR);
  return ps;
}

