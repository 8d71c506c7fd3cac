/**
 * Syslog message parsing (RFC 5424 and RFC 3164, with or without the <PRI> part, as files of
 * /var/log hold them) and the CEF and LEEF payloads that security devices send over syslog.
 * A line that fits none of the grammars is an error with the reason, for the dead-letter table.
 */

/** A parsed line: the fields, or why it could not be parsed. */
export type ParseResult = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC5424 = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+) ?(.*)$/s;
const RFC3164 = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d:\d\d:\d\d) (\S+) (.*)$/s;
const TAG = /^([^\s:[\]]{1,48})(?:\[(\d+)\])?: ?(.*)$/s;

function nil(v: string): string | undefined {
  return v === '-' ? undefined : v;
}

/** RFC 5424 structured data: `[id k="v" …][…]`, returned with the rest of the line. */
function structuredData(text: string): { sd: Record<string, Record<string, string>>; rest: string } | null {
  const sd: Record<string, Record<string, string>> = {};
  if (text.startsWith('-')) return { sd, rest: text.slice(1).replace(/^ /, '') };
  let i = 0;
  while (text[i] === '[') {
    const idEnd = text.slice(i + 1).search(/[ \]]/);
    if (idEnd < 0) return null;
    const id = text.slice(i + 1, i + 1 + idEnd);
    i = i + 1 + idEnd;
    const params: Record<string, string> = {};
    while (text[i] === ' ') {
      const m = /^ ([^= \]"]+)="((?:[^"\\]|\\.)*)"/.exec(text.slice(i));
      if (!m) return null;
      params[m[1]] = m[2].replace(/\\(["\\\]])/g, '$1');
      i += m[0].length;
    }
    if (text[i] !== ']') return null;
    i += 1;
    sd[id] = params;
  }
  return { sd, rest: text.slice(i).replace(/^ /, '') };
}

function priority(pri: string | undefined): Record<string, number> {
  if (pri === undefined) return {};
  const p = Number(pri);
  return { priority: p, facility: p >> 3, severity: p & 7 };
}

/** Parses one syslog line; CEF and LEEF payloads are expanded into their fields. */
export function parseSyslog(line: string, now = new Date()): ParseResult {
  const text = line.replace(/\r?\n$/, '').replace(/^\uFEFF/, '');
  let m = RFC5424.exec(text);
  if (m) {
    if (Number(m[1]) > 191) return { ok: false, reason: `invalid syslog: priority ${m[1]} above 191` };
    const ts = nil(m[3]);
    if (ts !== undefined && Number.isNaN(Date.parse(ts))) return { ok: false, reason: `invalid syslog: bad RFC 5424 timestamp "${ts.slice(0, 40)}"` };
    const sd = structuredData(m[8]);
    if (!sd) return { ok: false, reason: 'invalid syslog: malformed structured data' };
    const record: Record<string, unknown> = {
      ...priority(m[1]), syslog_version: Number(m[2]), timestamp: ts, hostname: nil(m[4]), appname: nil(m[5]), procid: nil(m[6]), msgid: nil(m[7]),
      ...(Object.keys(sd.sd).length ? { structured_data: sd.sd } : {}), message: sd.rest.replace(/^\uFEFF/, ''),
    };
    return withPayload(record);
  }
  m = RFC3164.exec(text);
  if (m) {
    if (m[1] !== undefined && Number(m[1]) > 191) return { ok: false, reason: `invalid syslog: priority ${m[1]} above 191` };
    const month = MONTHS.indexOf(m[2]);
    if (month < 0) return { ok: false, reason: `invalid syslog: unknown month "${m[2]}"` };
    // RFC 3164 has no year: take the one that puts the time closest to now.
    let year = now.getUTCFullYear();
    const at = (y: number) => Date.parse(`${y}-${String(month + 1).padStart(2, '0')}-${m![3].padStart(2, '0')}T${m![4]}Z`);
    if (at(year) - now.getTime() > 180 * 86_400_000) year -= 1;
    const t = at(year);
    if (Number.isNaN(t)) return { ok: false, reason: 'invalid syslog: bad RFC 3164 timestamp' };
    const tag = /^(CEF|LEEF):\d/.test(m[6]) ? null : TAG.exec(m[6]);
    const record: Record<string, unknown> = {
      ...priority(m[1]), timestamp: new Date(t).toISOString(), hostname: m[5],
      ...(tag ? { appname: tag[1], procid: tag[2], message: tag[3] } : { message: m[6] }),
    };
    return withPayload(record);
  }
  if (/^(CEF|LEEF):/.test(text)) return withPayload({ message: text });
  return { ok: false, reason: 'invalid syslog: neither RFC 5424 nor RFC 3164' };
}

function withPayload(record: Record<string, unknown>): ParseResult {
  const message = String(record.message ?? '');
  const at = message.search(/(CEF|LEEF):\d/);
  if (at < 0) return { ok: true, record };
  const payload = message.slice(at);
  const parsed = payload.startsWith('CEF') ? parseCef(payload) : parseLeef(payload);
  if (!parsed.ok) return parsed;
  return { ok: true, record: { ...record, ...parsed.record } };
}

/** Splits on unescaped `|`, unescaping `\|` and `\\`; stops after `count` fields. */
function headerFields(text: string, count: number): { fields: string[]; rest: string } | null {
  const fields: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < text.length && fields.length < count; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) cur += text[++i];
    else if (c === '|') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  return fields.length === count ? { fields, rest: text.slice(i) } : null;
}

/** CEF (versions 0 and 1): seven header fields, then `key=value` extensions. */
export function parseCef(text: string): ParseResult {
  const h = headerFields(text, 7);
  if (!h) return { ok: false, reason: 'invalid CEF: fewer than 7 header fields' };
  const version = h.fields[0].slice(4);
  if (version !== '0' && version !== '1') return { ok: false, reason: `unknown CEF version "${version.slice(0, 20)}"` };
  const [, deviceVendor, deviceProduct, deviceVersion, signatureId, name, severity] = h.fields;
  const ext: Record<string, string> = {};
  const re = /(?:^|\s)([\w.[\]-]+)=/g;
  const keys: { key: string; start: number; valueStart: number }[] = [];
  let km: RegExpExecArray | null;
  const rest = h.rest;
  while ((km = re.exec(rest))) {
    if (km.index > 0 && rest[km.index - 1] === '\\') continue;
    keys.push({ key: km[1], start: km.index, valueStart: km.index + km[0].length });
  }
  keys.forEach((k, i) => {
    const end = i + 1 < keys.length ? keys[i + 1].start : rest.length;
    ext[k.key] = rest.slice(k.valueStart, end).trim().replace(/\\([=\\|])/g, '$1').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  });
  return { ok: true, record: { cef_version: Number(version), deviceVendor, deviceProduct, deviceVersion, signatureId, name, cef_severity: severity, ...ext } };
}

/** LEEF 1.0 (tab-separated attributes) and 2.0 (with its own delimiter). */
export function parseLeef(text: string): ParseResult {
  const version = /^LEEF:([\d.]+)\|/.exec(text)?.[1];
  if (version !== '1.0' && version !== '2.0') return { ok: false, reason: `unknown LEEF version "${(version ?? text.slice(5, 15)).slice(0, 20)}"` };
  const h = headerFields(text, version === '2.0' ? 6 : 5);
  if (!h) return { ok: false, reason: 'invalid LEEF: missing header fields' };
  const [, vendor, product, productVersion, eventId, delimSpec] = h.fields;
  let delim = '\t';
  if (version === '2.0' && delimSpec) delim = /^(0x|x)[0-9a-f]+$/i.test(delimSpec) ? String.fromCharCode(parseInt(delimSpec.replace(/^0?x/i, ''), 16)) : delimSpec;
  const attrs: Record<string, string> = {};
  for (const part of h.rest.split(delim)) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs[part.slice(0, eq).trim()] = part.slice(eq + 1);
  }
  return { ok: true, record: { leef_version: version, vendor, product, productVersion, eventId, ...attrs } };
}
