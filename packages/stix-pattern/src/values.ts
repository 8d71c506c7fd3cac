/**
 * How one property value compares with a literal: equality and order across the literal
 * kinds (timestamps by instant, binaries by bytes), LIKE, MATCHES, and ISSUBSET/ISSUPERSET on
 * IPv4/IPv6 addresses and CIDR blocks.
 */
import type { ComparisonOperator, Literal } from './ast.ts';

type Comparable = string | number | boolean;

function bytesOf(value: unknown, encoding: 'base64' | 'hex'): string | undefined {
  if (typeof value !== 'string') return undefined;
  return Buffer.from(value, encoding).toString('hex');
}

/** The property value and literal as two comparable values of one kind, or undefined. */
function pair(value: unknown, literal: Literal): [Comparable, Comparable] | undefined {
  switch (literal.kind) {
    case 'string': return typeof value === 'string' ? [value, literal.value] : undefined;
    case 'int':
    case 'float': return typeof value === 'number' ? [value, literal.value] : undefined;
    case 'bool': return typeof value === 'boolean' ? [value, literal.value] : undefined;
    case 'timestamp': {
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isNaN(ms) ? undefined : [ms, literal.ms];
    }
    case 'binary':
    case 'hex': {
      const property = bytesOf(value, literal.kind === 'hex' ? 'hex' : 'base64');
      return property === undefined ? undefined : [property, Buffer.from(literal.value).toString('hex')];
    }
  }
}

const likeCache = new Map<string, RegExp>();
const regexCache = new Map<string, RegExp>();

function likeRegex(pattern: string): RegExp {
  let regex = likeCache.get(pattern);
  if (!regex) {
    const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*').replace(/_/g, '[\\s\\S]');
    regex = new RegExp(`^${body}$`, 'u');
    likeCache.set(pattern, regex);
  }
  return regex;
}

function matchesRegex(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'u');
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** An address or CIDR block as a bit string of 32 or 128 bits and a prefix length. */
interface Block { bits: string; prefix: number }

function ipv4Bits(address: string): string | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map((p) => Number(p).toString(2).padStart(8, '0')).join('');
}

function ipv6Bits(address: string): string | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.split('::').length > 2) return undefined;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

/** Parses "10.0.0.0/8", "10.1.2.3" or an IPv6 form; undefined when it is neither. */
export function parseBlock(text: string): Block | undefined {
  const [address, prefixText] = text.split('/');
  const bits = address.includes(':') ? ipv6Bits(address) : ipv4Bits(address);
  if (!bits) return undefined;
  const prefix = prefixText === undefined ? bits.length : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits.length || !/^\d*$/.test(prefixText ?? '')) return undefined;
  return { bits, prefix };
}

function within(inner: Block, outer: Block): boolean {
  return inner.bits.length === outer.bits.length && inner.prefix >= outer.prefix && inner.bits.slice(0, outer.prefix) === outer.bits.slice(0, outer.prefix);
}

function subset(value: unknown, literal: Literal, reversed: boolean): boolean {
  if (typeof value !== 'string' || literal.kind !== 'string') return false;
  const property = parseBlock(value);
  const given = parseBlock(literal.value);
  if (!property || !given) return false;
  return reversed ? within(given, property) : within(property, given);
}

/** Whether `value` satisfies `operator literal` (before NOT is applied). */
export function compare(value: unknown, operator: ComparisonOperator, literal: Literal | Literal[]): boolean {
  if (Array.isArray(literal)) return literal.some((item) => compare(value, '=', item));
  switch (operator) {
    case 'LIKE': return typeof value === 'string' && literal.kind === 'string' && likeRegex(literal.value).test(value);
    case 'MATCHES': return typeof value === 'string' && literal.kind === 'string' && matchesRegex(literal.value).test(value);
    case 'ISSUBSET': return subset(value, literal, false);
    case 'ISSUPERSET': return subset(value, literal, true);
    default: break;
  }
  const both = pair(value, literal);
  if (!both) return false;
  const [a, b] = both;
  switch (operator) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '>': return a > b;
    case '<': return a < b;
    case '>=': return a >= b;
    case '<=': return a <= b;
    default: return false;
  }
}
