/**
 * Turns simple indicator patterns into plain indicators for the detection pipeline, which
 * matches values rather than patterns: one observation expression of equality (or IN) tests on
 * addresses, domains, URLs, e-mail addresses and file hashes, joined by OR. Anything richer is
 * reported as not extractable, with the reason, and stays a STIX object only.
 */
import type { Comparison, Literal, Pattern } from './ast.ts';
import { parsePattern } from './parser.ts';
import { parseBlock } from './values.ts';

/** The detection pipeline's indicator kinds. */
export type IndicatorKind = 'ip' | 'cidr' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';

export interface PlainIndicator {
  type: IndicatorKind;
  value: string;
}

export type Extraction = { ok: true; indicators: PlainIndicator[] } | { ok: false; reason: string };

const hashKinds: Record<string, IndicatorKind> = { 'MD5': 'md5', 'SHA-1': 'sha1', 'SHA1': 'sha1', 'SHA-256': 'sha256', 'SHA256': 'sha256' };
const hashLengths: Partial<Record<IndicatorKind, number>> = { md5: 32, sha1: 40, sha256: 64 };

function kindOf(objectType: string, path: string[]): IndicatorKind | undefined {
  const property = path.join('.');
  if (objectType === 'ipv4-addr' || objectType === 'ipv6-addr') return property === 'value' ? 'ip' : undefined;
  if (objectType === 'domain-name') return property === 'value' ? 'domain' : undefined;
  if (objectType === 'url') return property === 'value' ? 'url' : undefined;
  if (objectType === 'email-addr') return property === 'value' ? 'email' : undefined;
  if (objectType === 'file' && path.length === 2 && path[0] === 'hashes') return hashKinds[path[1].toUpperCase()];
  return undefined;
}

function plain(kind: IndicatorKind, literal: Literal): PlainIndicator | string {
  if (literal.kind !== 'string') return `a ${literal.kind} value cannot be a ${kind} indicator`;
  const value = literal.value.trim();
  if (kind === 'ip') {
    const block = parseBlock(value);
    if (!block) return `"${value}" is not an IP address or CIDR block`;
    return { type: value.includes('/') && block.prefix < block.bits.length ? 'cidr' : 'ip', value: value.includes('/') && block.prefix === block.bits.length ? value.split('/')[0] : value };
  }
  const length = hashLengths[kind];
  if (length !== undefined) {
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(value)) return `"${value}" is not a ${kind.toUpperCase()} hash`;
    return { type: kind, value: value.toLowerCase() };
  }
  if (kind === 'domain' || kind === 'email') return { type: kind, value: value.toLowerCase() };
  return { type: kind, value };
}

function collect(comparison: Comparison, out: PlainIndicator[]): string | undefined {
  if (comparison.kind === 'or') {
    for (const operand of comparison.operands) {
      const reason = collect(operand, out);
      if (reason) return reason;
    }
    return undefined;
  }
  if (comparison.kind !== 'test') return `${comparison.kind === 'and' ? 'AND of comparisons' : 'EXISTS'} is not a plain indicator`;
  if (comparison.negated || (comparison.operator !== '=' && comparison.operator !== 'IN')) return `operator ${comparison.negated ? 'NOT ' : ''}${comparison.operator} is not a plain indicator`;
  const steps = comparison.path.steps.map((s) => (s.kind === 'property' ? s.name : '*'));
  const kind = kindOf(comparison.path.objectType, steps);
  if (!kind) return `${comparison.path.objectType}:${steps.join('.')} has no plain indicator kind`;
  for (const literal of Array.isArray(comparison.value) ? comparison.value : [comparison.value]) {
    const result = plain(kind, literal);
    if (typeof result === 'string') return result;
    out.push(result);
  }
  return undefined;
}

/** The plain indicators a pattern stands for, or why it cannot be reduced to them. */
export function extractIndicators(pattern: Pattern | string): Extraction {
  const parsed = typeof pattern === 'string' ? parsePattern(pattern) : pattern;
  if (parsed.root.kind !== 'observation') return { ok: false, reason: 'only a single observation expression without qualifiers can become plain indicators' };
  const indicators: PlainIndicator[] = [];
  const reason = collect(parsed.root.comparison, indicators);
  if (reason) return { ok: false, reason };
  const seen = new Set<string>();
  return { ok: true, indicators: indicators.filter((i) => !seen.has(`${i.type}|${i.value}`) && seen.add(`${i.type}|${i.value}`)) };
}

/** The simple pattern for one plain indicator (the reverse direction, for export). */
export function patternFor(indicator: PlainIndicator): string {
  const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  switch (indicator.type) {
    case 'ip':
    case 'cidr': return `[${indicator.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr'}:value = ${quote(indicator.value)}]`;
    case 'domain': return `[domain-name:value = ${quote(indicator.value)}]`;
    case 'url': return `[url:value = ${quote(indicator.value)}]`;
    case 'email': return `[email-addr:value = ${quote(indicator.value)}]`;
    case 'md5': return `[file:hashes.MD5 = ${quote(indicator.value)}]`;
    case 'sha1': return `[file:hashes.'SHA-1' = ${quote(indicator.value)}]`;
    case 'sha256': return `[file:hashes.'SHA-256' = ${quote(indicator.value)}]`;
  }
}
