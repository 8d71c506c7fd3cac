import { ByteTable } from './byte-table.ts';
import { maskBytes, parseCidr, parseIP } from './ip.ts';
import { KIND, hashKind, inferType, normalizeDomain, normalizeUrl, type IndicatorType } from './normalize.ts';

/** Traffic Light Protocol labels, in increasing restriction. */
export const TLP = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
/** A TLP label. */
export type Tlp = (typeof TLP)[number];

/** An indicator as fed in. Times are ISO strings or epoch milliseconds. */
export interface IndicatorInput {
  type?: IndicatorType;
  value: string;
  validFrom?: string | number;
  validUntil?: string | number;
  /** 0–100. */
  confidence?: number;
  tlp?: Tlp;
  source?: string;
}

/** A stored indicator that an observed value matched. */
export interface IndicatorHit {
  type: IndicatorType;
  /** The indicator as stored (normalised). */
  indicator: string;
  /** The observed value that matched it. */
  observed: string;
  confidence: number;
  tlp: Tlp;
  source: string;
  validFrom?: string;
  validUntil?: string;
}

const TYPE_OF: Record<number, IndicatorType> = { 1: 'ip', 2: 'ip', 3: 'cidr', 4: 'cidr', 5: 'domain', 6: 'url', 7: 'md5', 8: 'sha1', 9: 'sha256', 10: 'email' };
const NO_END = 0xffffffff;
const enc = new TextEncoder();
const dec = new TextDecoder();

function nibble(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

function toSeconds(t: string | number | undefined, dflt: number): number {
  if (t === undefined || t === '') return dflt;
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`invalid time ${String(t)}`);
  return Math.max(0, Math.min(NO_END - 1, Math.floor(ms / 1000)));
}

/**
 * The indicator store. Every indicator is one key (kind byte + normalised bytes) in a ByteTable;
 * its metadata sits in parallel typed arrays indexed by entry number (times as epoch seconds,
 * confidence and TLP as bytes, source as an interned 16-bit id). A lookup is one hash probe per
 * candidate key: exact IP plus one per CIDR prefix length in use, a domain and each parent domain,
 * a URL plus its host — all bounded, so the cost per value does not grow with the store.
 */
export class IndicatorStore {
  private table = new ByteTable();
  private from = new Uint32Array(1024);
  private until = new Uint32Array(1024);
  private conf = new Uint8Array(1024);
  private tlp = new Uint8Array(1024);
  private src = new Uint16Array(1024);
  private sources: string[] = [];
  private sourceIds = new Map<string, number>();
  private prefixes4 = new Set<number>();
  private prefixes6 = new Set<number>();
  private buf = new Uint8Array(4096);

  /** Number of distinct indicators. */
  get size(): number {
    return this.table.size;
  }

  /** Approximate bytes held by the store's arrays. */
  get memoryBytes(): number {
    return this.table.memoryBytes + this.from.byteLength * 2 + this.conf.byteLength * 2 + this.src.byteLength;
  }

  /** Adds (or replaces the metadata of) an indicator; throws on a value of no known type. */
  add(ind: IndicatorInput): void {
    const type = ind.type ?? inferType(ind.value);
    if (!type) throw new Error(`cannot tell the type of indicator '${ind.value}'`);
    const len = this.encodeIndicator(type, ind.value);
    if (len < 0) throw new Error(`invalid ${type} indicator '${ind.value}'`);
    const id = this.table.insert(this.buf, len);
    if (id >= this.from.length) this.growMeta();
    this.from[id] = toSeconds(ind.validFrom, 0);
    this.until[id] = toSeconds(ind.validUntil, NO_END);
    this.conf[id] = Math.max(0, Math.min(100, ind.confidence ?? 50));
    const t = TLP.indexOf(ind.tlp ?? 'clear');
    if (t < 0) throw new Error(`unknown TLP '${ind.tlp}'`);
    this.tlp[id] = t;
    const s = ind.source ?? '';
    let sid = this.sourceIds.get(s);
    if (sid === undefined) {
      sid = this.sources.length;
      if (sid > 0xffff) throw new Error('too many indicator sources');
      this.sources.push(s);
      this.sourceIds.set(s, sid);
    }
    this.src[id] = sid;
  }

  private growMeta(): void {
    const n = this.from.length * 2;
    const g = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.from = g(this.from);
    this.until = g(this.until);
    this.conf = g(this.conf);
    this.tlp = g(this.tlp);
    this.src = g(this.src);
  }

  /** Writes the key of an indicator into the scratch buffer; returns its length or -1. */
  private encodeIndicator(type: IndicatorType, value: string): number {
    const v = value.trim();
    switch (type) {
      case 'ip': {
        const ip = parseIP(v);
        return ip ? this.put(ip.length === 4 ? KIND.ipv4 : KIND.ipv6, ip) : -1;
      }
      case 'cidr': {
        const c = parseCidr(v);
        if (!c) return -1;
        (c.net.length === 4 ? this.prefixes4 : this.prefixes6).add(c.bits);
        return this.putCidr(c.net, c.bits);
      }
      case 'md5':
      case 'sha1':
      case 'sha256':
        return hashKind(v) === type ? this.putHex(KIND[type], v) : -1;
      case 'domain': {
        const d = normalizeDomain(v);
        return d ? this.putText(KIND.domain, d) : -1;
      }
      case 'url': {
        const u = normalizeUrl(v);
        return u ? this.putText(KIND.url, u) : -1;
      }
      case 'email':
        return /^[^@\s]+@[^@\s]+$/.test(v) ? this.putText(KIND.email, v.toLowerCase()) : -1;
    }
  }

  private put(kind: number, bytes: Uint8Array): number {
    this.buf[0] = kind;
    this.buf.set(bytes, 1);
    return bytes.length + 1;
  }

  private putCidr(net: Uint8Array, bits: number): number {
    this.buf[0] = net.length === 4 ? KIND.cidr4 : KIND.cidr6;
    this.buf[1] = bits;
    this.buf.set(net, 2);
    return net.length + 2;
  }

  /** Hex → bytes by character codes (the caller checked the digits): no substring per byte. */
  private putHex(kind: number, hex: string): number {
    const b = this.buf;
    b[0] = kind;
    for (let i = 0, o = 1; i < hex.length; i += 2, o++) b[o] = (nibble(hex.charCodeAt(i)) << 4) | nibble(hex.charCodeAt(i + 1));
    return hex.length / 2 + 1;
  }

  private putText(kind: number, s: string): number {
    this.buf[0] = kind;
    if (s.length * 3 + 1 > this.buf.length) this.buf = new Uint8Array(s.length * 3 + 1);
    return enc.encodeInto(s, this.buf.subarray(1)).written! + 1;
  }

  private hit(len: number, observed: string, atSec: number, out: IndicatorHit[]): void {
    const id = this.table.find(this.buf, len);
    if (id < 0 || this.from[id] > atSec || this.until[id] < atSec) return;
    out.push({
      type: TYPE_OF[this.buf[0]],
      indicator: this.describe(id),
      observed,
      confidence: this.conf[id],
      tlp: TLP[this.tlp[id]],
      source: this.sources[this.src[id]],
      validFrom: this.from[id] ? new Date(this.from[id] * 1000).toISOString() : undefined,
      validUntil: this.until[id] !== NO_END ? new Date(this.until[id] * 1000).toISOString() : undefined,
    });
  }

  /** The stored indicator of an entry, as text. */
  private describe(id: number): string {
    const k = this.table.key(id);
    const kind = k[0];
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    if (kind === KIND.ipv4) return [...k.subarray(1)].join('.');
    if (kind === KIND.ipv6) return hex(k.subarray(1)).replace(/(.{4})(?!$)/g, '$1:');
    if (kind === KIND.cidr4) return `${[...k.subarray(2)].join('.')}/${k[1]}`;
    if (kind === KIND.cidr6) return `${hex(k.subarray(2)).replace(/(.{4})(?!$)/g, '$1:')}/${k[1]}`;
    if (kind >= KIND.md5 && kind <= KIND.sha256) return hex(k.subarray(1));
    return dec.decode(k.subarray(1));
  }

  /**
   * Matches one observed value (any field) against every indicator kind its shape allows, valid
   * at `atMs` (default now). Returns the hits; most values return none after one or two probes.
   */
  lookup(value: string, atMs: number = Date.now()): IndicatorHit[] {
    const out: IndicatorHit[] = [];
    const at = Math.floor(atMs / 1000);
    const v = value.trim();
    if (v.length === 0 || v.length > 2048) return out;
    const ip = parseIP(v);
    if (ip) {
      this.hit(this.put(ip.length === 4 ? KIND.ipv4 : KIND.ipv6, ip), v, at, out);
      for (const bits of ip.length === 4 ? this.prefixes4 : this.prefixes6) this.hit(this.putCidr(maskBytes(ip, bits), bits), v, at, out);
      return out;
    }
    const h = hashKind(v);
    if (h) {
      this.hit(this.putHex(KIND[h], v), v, at, out);
      return out;
    }
    if (v.includes('@') && !v.includes('/')) {
      this.hit(this.putText(KIND.email, v.toLowerCase()), v, at, out);
      this.lookupDomain(v.slice(v.lastIndexOf('@') + 1), v, at, out);
      return out;
    }
    if (v.includes('://')) {
      const u = normalizeUrl(v);
      if (!u) return out;
      this.hit(this.putText(KIND.url, u), v, at, out);
      const host = new URL(u).hostname;
      const hip = parseIP(host);
      if (hip) this.hit(this.put(hip.length === 4 ? KIND.ipv4 : KIND.ipv6, hip), v, at, out);
      else this.lookupDomain(host, v, at, out);
      return out;
    }
    if (v.includes('.') && !/[\s\\/]/.test(v)) this.lookupDomain(v, v, at, out);
    return out;
  }

  /** A domain matches itself and every parent domain that is an indicator. */
  private lookupDomain(host: string, observed: string, at: number, out: IndicatorHit[]): void {
    let d = normalizeDomain(host);
    while (d) {
      this.hit(this.putText(KIND.domain, d), observed, at, out);
      const dot = d.indexOf('.');
      if (dot < 0) break;
      d = d.slice(dot + 1);
    }
  }

  /**
   * Matches every string field of an event. Sysmon's `Hashes` (`SHA1=…,MD5=…`) is split into its
   * parts; each hit names the field it came from.
   */
  lookupEvent(event: Record<string, unknown>, atMs?: number): (IndicatorHit & { field: string })[] {
    const out: (IndicatorHit & { field: string })[] = [];
    const visit = (field: string, v: unknown): void => {
      if (typeof v === 'string') {
        const parts = /^([A-Z0-9]+=[0-9A-Fa-f]+,?)+$/.test(v) ? v.split(',').map((p) => p.slice(p.indexOf('=') + 1)) : [v];
        for (const p of parts) for (const h of this.lookup(p, atMs)) out.push({ ...h, field });
      } else if (Array.isArray(v)) for (const x of v) visit(field, x);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(`${field}.${k}`, x);
    };
    for (const [k, v] of Object.entries(event)) visit(k, v);
    return out;
  }
}
