/**
 * A small RFC 5322 / MIME reader for incident e-mails: headers (unfolded, RFC 2047 encoded
 * words decoded), and the text body — the first text/plain part of a multipart message, else
 * text/html with tags removed — decoded from base64 or quoted-printable.
 */

/** What an incident draft needs from a message. */
export interface ParsedEmail {
  subject: string;
  from: string;
  date: string | null;
  messageId: string | null;
  text: string;
}

type Headers = Map<string, string>;

function split(raw: string): { headers: Headers; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const end = text.indexOf('\n\n');
  const head = end === -1 ? text : text.slice(0, end);
  const headers: Headers = new Map();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? '' : text.slice(end + 2) };
}

function charsetDecode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function quotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words ("=?utf-8?B?...?="). */
export function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(?:\s+(?==\?))?/g, (_m, charset: string, encoding: string, data: string) =>
    charsetDecode(encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' ')), charset));
}

function param(header: string | undefined, name: string): string {
  const m = new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(header ?? '');
  return m ? m[1] : '';
}

function decodeBody(headers: Headers, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = param(headers.get('content-type'), 'charset');
  if (encoding === 'base64') return charsetDecode(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return charsetDecode(quotedPrintable(body), charset);
  return body;
}

function textOf(headers: Headers, body: string): { plain?: string; html?: string } {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param(headers.get('content-type'), 'boundary');
    const found: { plain?: string; html?: string } = {};
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = split(part.replace(/^\n/, ''));
      const text = textOf(inner.headers, inner.body);
      found.plain ??= text.plain;
      found.html ??= text.html;
    }
    return found;
  }
  if (type.startsWith('text/html')) return { html: decodeBody(headers, body) };
  if (type.startsWith('text/')) return { plain: decodeBody(headers, body) };
  return {};
}

/** Reads a message; throws when it has no headers at all. */
export function parseEmail(raw: string): ParsedEmail {
  const { headers, body } = split(raw);
  if (headers.size === 0) throw new Error('not an RFC 5322 message: no header fields');
  const text = textOf(headers, body);
  const html = text.html?.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return {
    subject: decodeWords(headers.get('subject') ?? '').trim(),
    from: decodeWords(headers.get('from') ?? '').trim(),
    date: headers.get('date') ?? null,
    messageId: headers.get('message-id') ?? null,
    text: (text.plain ?? html ?? '').trim(),
  };
}
