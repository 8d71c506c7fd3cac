/**
 * STIX timestamps as version keys, and deterministic STIX ids. `modified` may carry any number
 * of fraction digits ("…48Z", "…48.5Z", "…48.123456Z"); padding the fraction to nine digits
 * makes text order equal time order, so versions compare and index as plain text.
 */
import crypto from 'node:crypto';

const form = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/** The normalised version key of a STIX timestamp, or undefined when it is not one. */
export function versionKey(timestamp: string): string | undefined {
  const m = form.exec(timestamp);
  if (!m || Number.isNaN(Date.parse(`${m[1]}Z`))) return undefined;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

/** The STIX timestamp to show for a version key: milliseconds unless more precision was given. */
export function versionText(key: string): string {
  const m = form.exec(key);
  if (!m) return key;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return `${m[1]}.${fraction.length <= 3 ? fraction.padEnd(3, '0') : fraction}Z`;
}

/** A STIX timestamp for now, with milliseconds. */
export function stixNow(at = new Date()): string {
  return at.toISOString();
}

// The STIX 2.1 namespace for deterministic SCO ids (§2.9).
const scoNamespace = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** A UUIDv5 of `name` in `namespace`, as STIX uses for ids derived from content. */
export function uuidV5(name: string, namespace = scoNamespace): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = crypto.createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
