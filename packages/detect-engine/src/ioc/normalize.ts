import { parseIP } from './ip.ts';

/**
 * Indicator values normalised to the bytes the store keys on. One encoder serves both loading
 * and lookup, so an indicator and an observed value meet only if they mean the same thing
 * (`EVIL.com.` = `evil.com`, `http://A.com:80/x/../y#f` = `http://a.com/y`).
 */

/** Indicator kinds; the number is the first byte of the stored key. */
export const KIND = { ipv4: 1, ipv6: 2, cidr4: 3, cidr6: 4, domain: 5, url: 6, md5: 7, sha1: 8, sha256: 9, email: 10 } as const;
/** The name of an indicator kind. */
export type IndicatorType = 'ip' | 'cidr' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';

const HEX = /^[0-9a-fA-F]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** Lower-cases a domain, drops a trailing dot; null when it is not a plausible host name. */
export function normalizeDomain(s: string): string | null {
  let d = s.trim().toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1);
  return DOMAIN.test(d) ? d : null;
}

/**
 * Normalises a URL with the WHATWG parser (lower-case scheme and host, default port removed,
 * dot segments resolved, percent-encoding made canonical) and drops the fragment, which never
 * reaches the server. URLs without a scheme are read as http.
 */
export function normalizeUrl(s: string): string | null {
  const t = s.trim();
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`);
    if (!u.hostname) return null;
    u.hash = '';
    if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
    return u.href;
  } catch {
    return null;
  }
}

/** The hash kind a hex string of this length is (MD5, SHA-1, SHA-256), or null. */
export function hashKind(s: string): 'md5' | 'sha1' | 'sha256' | null {
  if (!HEX.test(s)) return null;
  return s.length === 32 ? 'md5' : s.length === 40 ? 'sha1' : s.length === 64 ? 'sha256' : null;
}

/** Guesses an indicator's type from its text, for feeds that give bare values. */
export function inferType(v: string): IndicatorType | null {
  const s = v.trim();
  if (parseIP(s)) return 'ip';
  if (s.includes('/') && parseIP(s.slice(0, s.indexOf('/'))) && /\/\d{1,3}$/.test(s)) return 'cidr';
  const h = hashKind(s);
  if (h) return h;
  if (/^[^@\s]+@[^@\s]+$/.test(s)) return 'email';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return 'url';
  if (normalizeDomain(s)) return 'domain';
  return null;
}

export { parseIP };
