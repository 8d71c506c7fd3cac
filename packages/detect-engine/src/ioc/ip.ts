/**
 * IP address parsing shared by the Sigma `cidr` modifier and the indicator store. Addresses are
 * kept as bytes (4 or 16) so one prefix comparison serves both families without BigInt.
 */

/** Parses a dotted-quad IPv4 address into 4 bytes, or null if it is not one. */
export function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/**
 * Parses an IPv6 address (with `::` compression, an embedded IPv4 tail, or a `%zone`) into
 * 16 bytes, or null. Zones are dropped because indicators never carry them.
 */
export function parseIPv6(input: string): Uint8Array | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!s.includes(':')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words: number[][] = [];
  for (const half of halves) {
    const ws: number[] = [];
    if (half !== '') {
      const groups = half.split(':');
      for (let g = 0; g < groups.length; g++) {
        const grp = groups[g];
        if (g === groups.length - 1 && grp.includes('.')) {
          const v4 = parseIPv4(grp);
          if (!v4) return null;
          ws.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
        } else {
          if (!/^[0-9a-fA-F]{1,4}$/.test(grp)) return null;
          ws.push(parseInt(grp, 16));
        }
      }
    }
    words.push(ws);
  }
  let all: number[];
  if (halves.length === 2) {
    const fill = 8 - words[0].length - words[1].length;
    if (fill < 1) return null;
    all = [...words[0], ...new Array<number>(fill).fill(0), ...words[1]];
  } else all = words[0];
  if (all.length !== 8) return null;
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    out[2 * i] = all[i] >> 8;
    out[2 * i + 1] = all[i] & 0xff;
  }
  return out;
}

/** Parses either family; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is returned as IPv4 so both forms match. */
export function parseIP(s: string): Uint8Array | null {
  const v4 = parseIPv4(s);
  if (v4) return v4;
  const v6 = parseIPv6(s);
  if (!v6) return null;
  let mapped = v6[10] === 0xff && v6[11] === 0xff;
  for (let i = 0; i < 10 && mapped; i++) if (v6[i] !== 0) mapped = false;
  return mapped ? v6.slice(12) : v6;
}

/** A network: address bytes with host bits cleared, and the prefix length in bits. */
export interface Cidr {
  net: Uint8Array;
  bits: number;
}

/** Parses `addr/len` (or a bare address as a host route); null when malformed. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  const addr = parseIP(slash < 0 ? s.trim() : s.slice(0, slash).trim());
  if (!addr) return null;
  const max = addr.length * 8;
  const bits = slash < 0 ? max : Number(s.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return null;
  return { net: maskBytes(addr, bits), bits };
}

/** Clears host bits; used both to normalise networks and to build per-prefix lookup keys. */
export function maskBytes(addr: Uint8Array, bits: number): Uint8Array {
  const out = addr.slice();
  for (let i = 0; i < out.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] &= keep === 8 ? 0xff : (0xff << (8 - keep)) & 0xff;
  }
  return out;
}

/** True when `addr` lies inside `cidr` (same family only). */
export function inCidr(addr: Uint8Array, cidr: Cidr): boolean {
  if (addr.length !== cidr.net.length) return false;
  const full = cidr.bits >> 3;
  for (let i = 0; i < full; i++) if (addr[i] !== cidr.net[i]) return false;
  const rem = cidr.bits & 7;
  if (rem === 0) return true;
  const mask = (0xff << (8 - rem)) & 0xff;
  return (addr[full] & mask) === cidr.net[full];
}
