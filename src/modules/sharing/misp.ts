/**
 * MISP event JSON (as many CERTs publish in feeds) to STIX 2.1: each network or file attribute
 * becomes an observable (SCO) and, when flagged for IDS, an indicator with its STIX pattern;
 * the event becomes a report referring to them. Tags: `tlp:*` become TLP 2.0 markings (event
 * level as the default, attribute level overriding), `rsit:*` become labels in our taxonomy's
 * terms, and sector galaxy tags `sector:*` labels. Attributes of other types are listed as
 * unmapped.
 */
import { patternFor, type IndicatorKind } from '@qalxan/stix-pattern';
import { fail } from '../../lib/errors.ts';
import { tlpMarkingIds, type Tlp } from './tlp.ts';
import { uuidV5 } from './versions.ts';

type Tagged = { Tag?: { name?: string }[] };
type Attribute = Tagged & { uuid?: string; type?: string; value?: string; to_ids?: boolean; timestamp?: string | number; comment?: string; category?: string };
type MispEvent = Tagged & { uuid?: string; info?: string; date?: string; timestamp?: string | number; Attribute?: Attribute[]; Object?: { Attribute?: Attribute[] }[] };

const tlpTags: Record<string, Tlp> = { 'tlp:clear': 'CLEAR', 'tlp:white': 'CLEAR', 'tlp:green': 'GREEN', 'tlp:amber': 'AMBER', 'tlp:amber+strict': 'AMBER+STRICT', 'tlp:red': 'RED' };
const ranks: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const mispNamespace = '3f5d9a49-2b7c-4a8e-9d10-6c0e7f1b2a33';
const uuidForm = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const kinds: Record<string, IndicatorKind> = {
  'ip-src': 'ip', 'ip-dst': 'ip', 'domain': 'domain', 'hostname': 'domain', 'url': 'url', 'link': 'url', 'uri': 'url',
  'md5': 'md5', 'sha1': 'sha1', 'sha256': 'sha256', 'email': 'email', 'email-src': 'email', 'email-dst': 'email',
};

function tagsOf(item: Tagged): string[] {
  return (item.Tag ?? []).map((t) => String(t.name ?? '').trim()).filter(Boolean);
}

function tlpOf(item: Tagged): Tlp | undefined {
  const found = tagsOf(item).map((t) => tlpTags[t.toLowerCase()]).filter((t): t is Tlp => t !== undefined);
  return found.length ? found.reduce((a, b) => (ranks.indexOf(b) > ranks.indexOf(a) ? b : a)) : undefined;
}

/**
 * `rsit:malicious-code="ransomware"` → `rsit:malicious-code:ransomware`; the sector galaxy's
 * `misp-galaxy:sector="Energy"` → `sector:energy`, which early-warning profiles match on.
 */
function labelsOf(item: Tagged): string[] {
  const tags = tagsOf(item).map((t) => t.toLowerCase());
  const rsit = tags.filter((t) => t.startsWith('rsit:')).map((t) => t.replace(/="?([^"]*)"?$/, ':$1'));
  const sectors = tags.filter((t) => t.startsWith('misp-galaxy:sector=')).map((t) => `sector:${t.slice(19).replace(/"/g, '').trim()}`);
  return [...rsit, ...sectors];
}

function when(value: string | number | undefined, fallback: string): string {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : fallback;
}

/** Splits composite types such as `filename|sha256` or `ip-dst|port` into the parts we map. */
function parts(attribute: Attribute): { kind: IndicatorKind; value: string }[] {
  const type = String(attribute.type ?? '');
  const value = String(attribute.value ?? '');
  if (kinds[type]) return [{ kind: kinds[type], value }];
  const [left, right] = type.split('|');
  const [lv, rv] = value.split('|');
  return [[left, lv], [right, rv]].flatMap(([t, v]) => (t && v && kinds[t] ? [{ kind: kinds[t], value: v }] : []));
}

const scoOf: Record<IndicatorKind, (v: string) => Record<string, unknown>> = {
  ip: (v) => ({ type: v.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value: v }), cidr: (v) => ({ type: 'ipv4-addr', value: v }),
  domain: (v) => ({ type: 'domain-name', value: v }), url: (v) => ({ type: 'url', value: v }), email: (v) => ({ type: 'email-addr', value: v }),
  md5: (v) => ({ type: 'file', hashes: { MD5: v } }), sha1: (v) => ({ type: 'file', hashes: { 'SHA-1': v } }), sha256: (v) => ({ type: 'file', hashes: { 'SHA-256': v } }),
};

export interface MispConversion {
  objects: Record<string, unknown>[];
  defaultTlp: Tlp;
  unmapped: { type: string; value: string }[];
}

/** Converts one MISP event (with or without the `{ "Event": … }` wrapper). */
export function mispObjects(input: Record<string, unknown>): MispConversion {
  const event = ((input.Event ?? input) as MispEvent);
  if (!event || typeof event !== 'object' || (!Array.isArray(event.Attribute) && !Array.isArray(event.Object))) throw fail.validation('Not a MISP event: no Attribute or Object list');
  const defaultTlp = tlpOf(event) ?? 'AMBER';
  const eventTime = when(event.timestamp, event.date ? new Date(`${event.date}T00:00:00Z`).toISOString() : new Date().toISOString());
  const objects: Record<string, unknown>[] = [];
  const unmapped: MispConversion['unmapped'] = [];
  const attributes = [...(event.Attribute ?? []), ...(event.Object ?? []).flatMap((o) => o.Attribute ?? [])];
  for (const attribute of attributes) {
    const mapped = parts(attribute);
    if (mapped.length === 0) {
      unmapped.push({ type: String(attribute.type ?? ''), value: String(attribute.value ?? '').slice(0, 200) });
      continue;
    }
    const marking = tlpMarkingIds[ranks.indexOf(tlpOf(attribute) ?? defaultTlp)];
    const at = when(attribute.timestamp, eventTime);
    const labels = [...new Set([...labelsOf(event), ...labelsOf(attribute)])];
    for (const [i, part] of mapped.entries()) {
      const base = scoOf[part.kind](part.value);
      const contributing = base.type === 'file' ? { hashes: base.hashes } : { value: base.value };
      objects.push({ ...base, spec_version: '2.1', id: `${base.type}--${uuidV5(JSON.stringify(contributing))}`, object_marking_refs: [marking] });
      if (attribute.to_ids === false) continue;
      const key = attribute.uuid && uuidForm.test(attribute.uuid) && i === 0 ? attribute.uuid : uuidV5(`${attribute.uuid ?? ''}|${part.kind}|${part.value}`, mispNamespace);
      objects.push({
        type: 'indicator', spec_version: '2.1', id: `indicator--${key}`, created: at, modified: at, name: `${attribute.type} ${part.value}`.slice(0, 250),
        description: attribute.comment || undefined, indicator_types: ['malicious-activity'], pattern: patternFor({ type: part.kind, value: part.value }), pattern_type: 'stix',
        valid_from: at, labels: labels.length ? labels : undefined, object_marking_refs: [marking],
      });
    }
  }
  if (objects.length) {
    const id = event.uuid && uuidForm.test(event.uuid) ? event.uuid : uuidV5(`${event.info ?? ''}|${eventTime}`, mispNamespace);
    const labels = labelsOf(event);
    objects.push({
      type: 'report', spec_version: '2.1', id: `report--${id}`, created: eventTime, modified: eventTime, name: event.info || 'MISP event', published: eventTime,
      report_types: ['threat-report'], labels: labels.length ? labels : undefined, object_refs: [...new Set(objects.map((o) => o.id as string))], object_marking_refs: [tlpMarkingIds[ranks.indexOf(defaultTlp)]],
    });
  }
  return { objects: JSON.parse(JSON.stringify(objects)) as Record<string, unknown>[], defaultTlp, unmapped };
}
