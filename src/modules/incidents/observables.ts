/**
 * Observable types, their validation and canonical form (so the same indicator written two ways
 * correlates), and finding observables in free text (e-mails, alerts).
 */
import net from 'node:net';

export const observableTypes = ['ip', 'domain', 'url', 'md5', 'sha1', 'sha256', 'sha512', 'email', 'file-name', 'registry-key', 'cve'] as const;
export type ObservableType = (typeof observableTypes)[number];

export type Checked = { ok: true; value: string } | { ok: false; reason: string };

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const hexOf = (length: number) => new RegExp(`^[0-9a-f]{${length}}$`);
const hives = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG', 'HKLM', 'HKCU', 'HKCR', 'HKU', 'HKCC'];

function domain(raw: string): Checked {
  const value = raw.toLowerCase().replace(/\.$/, '');
  if (value.length > 253) return { ok: false, reason: 'a domain name is at most 253 characters' };
  const labels = value.split('.');
  if (labels.length < 2) return { ok: false, reason: 'a domain name needs at least two labels' };
  if (!labels.every((l) => label.test(l))) return { ok: false, reason: 'each label has letters, digits or inner hyphens, 1–63 characters' };
  if (!/^(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(labels[labels.length - 1])) return { ok: false, reason: 'the top-level domain must be letters' };
  return { ok: true, value };
}

function ip(raw: string): Checked {
  const version = net.isIP(raw);
  if (version === 0) return { ok: false, reason: 'not an IPv4 or IPv6 address' };
  if (version === 4) return { ok: true, value: raw };
  return { ok: true, value: new URL(`http://[${raw}]/`).hostname.slice(1, -1) };
}

function url(raw: string): Checked {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (!['http:', 'https:', 'ftp:'].includes(parsed.protocol)) return { ok: false, reason: 'only http, https and ftp URLs' };
  if (!parsed.hostname) return { ok: false, reason: 'the URL has no host' };
  return { ok: true, value: parsed.href };
}

function hash(length: number) {
  return (raw: string): Checked => (hexOf(length).test(raw.toLowerCase()) ? { ok: true, value: raw.toLowerCase() } : { ok: false, reason: `${length} hexadecimal digits` });
}

function email(raw: string): Checked {
  const at = raw.lastIndexOf('@');
  const local = raw.slice(0, at);
  if (at < 1 || local.length > 64 || !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local)) return { ok: false, reason: 'not an e-mail address' };
  const host = domain(raw.slice(at + 1));
  return host.ok ? { ok: true, value: `${local}@${host.value}` } : { ok: false, reason: `e-mail domain: ${host.reason}` };
}

function fileName(raw: string): Checked {
  if (raw.length > 255) return { ok: false, reason: 'a file name is at most 255 characters' };
  if (/[\\/\u0000-\u001f]/.test(raw) || raw === '.' || raw === '..') return { ok: false, reason: 'a file name has no path separators or control characters' };
  return { ok: true, value: raw };
}

function registryKey(raw: string): Checked {
  const [hive, ...rest] = raw.split('\\');
  if (!hives.includes(hive.toUpperCase()) || rest.length === 0 || rest.some((p) => p === '')) return { ok: false, reason: `a registry key starts with a hive (${hives.join(', ')}) followed by \\path` };
  return { ok: true, value: [hive.toUpperCase(), ...rest].join('\\') };
}

function cve(raw: string): Checked {
  return /^CVE-\d{4}-\d{4,}$/i.test(raw) ? { ok: true, value: raw.toUpperCase() } : { ok: false, reason: 'CVE-YYYY-NNNN' };
}

const checkers: Record<ObservableType, (raw: string) => Checked> = {
  ip, domain, url, md5: hash(32), sha1: hash(40), sha256: hash(64), sha512: hash(128), email, 'file-name': fileName, 'registry-key': registryKey, cve,
};

/** Validates a value of a type and returns its canonical form, or why it is not one. */
export function checkObservable(type: ObservableType, raw: string): Checked {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty value' };
  return checkers[type](trimmed);
}

const patterns: [ObservableType, RegExp][] = [
  ['url', /\b(?:https?|ftp):\/\/[^\s<>"')\]]+/gi],
  ['email', /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g],
  ['cve', /\bCVE-\d{4}-\d{4,}\b/gi],
  ['sha512', /\b[0-9a-f]{128}\b/gi],
  ['sha256', /\b[0-9a-f]{64}\b/gi],
  ['sha1', /\b[0-9a-f]{40}\b/gi],
  ['md5', /\b[0-9a-f]{32}\b/gi],
  ['ip', /\b(?:\d{1,3}\.){3}\d{1,3}\b/g],
  ['registry-key', /\b(?:HKEY_[A-Z_]+|HKLM|HKCU)\\[^\s"']+/g],
  ['domain', /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b/gi],
];

/** The valid observables found in free text, deduplicated; a domain inside a URL or e-mail is not repeated. */
export function findObservables(text: string): { type: ObservableType; value: string }[] {
  const found = new Map<string, { type: ObservableType; value: string }>();
  let rest = text;
  for (const [type, pattern] of patterns) {
    for (const match of rest.match(pattern) ?? []) {
      const checked = checkObservable(type, match);
      if (checked.ok) found.set(`${type}:${checked.value}`, { type, value: checked.value });
    }
    rest = rest.replace(pattern, ' ');
  }
  return [...found.values()];
}
