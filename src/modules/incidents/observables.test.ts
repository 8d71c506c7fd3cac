import { describe, expect, it } from 'vitest';
import { parseEmail } from './email.ts';
import { checkObservable, findObservables } from './observables.ts';

describe('observable validation', () => {
  it.each([
    ['ip', '2001:DB8::0:1', '2001:db8::1'],
    ['domain', 'Mail.Example.AZ.', 'mail.example.az'],
    ['url', 'HTTPS://Evil.Example.com/a b', 'https://evil.example.com/a%20b'],
    ['sha256', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['email', 'Admin@Example.AZ', 'Admin@example.az'],
    ['registry-key', 'hklm\\Software\\Run', 'HKLM\\Software\\Run'],
    ['file-name', 'invoice.pdf.exe', 'invoice.pdf.exe'],
    ['cve', 'cve-2023-12345', 'CVE-2023-12345'],
  ] as const)('accepts %s %s as %s', (type, raw, canonical) => {
    expect(checkObservable(type, raw)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['ip', '10.0.0.256'],
    ['domain', 'localhost'],
    ['url', 'javascript:alert(1)'],
    ['md5', 'abc'],
    ['email', 'no-at-sign'],
    ['registry-key', 'HKXX\\x'],
    ['file-name', '../etc/passwd'],
    ['cve', 'CVE-99-1'],
  ] as const)('rejects %s %s with a reason', (type, raw) => {
    const result = checkObservable(type, raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).not.toBe('');
  });

  it('finds observables in text without repeating the domain of a URL or an address', () => {
    const found = findObservables('Beacon to https://c2.example.net/p from 10.1.2.3 by bob@corp.example.az exploiting CVE-2024-3400');
    expect(found.map((o) => `${o.type}:${o.value}`).sort()).toEqual(['cve:CVE-2024-3400', 'email:bob@corp.example.az', 'ip:10.1.2.3', 'url:https://c2.example.net/p']);
  });
});

describe('e-mail parsing', () => {
  it('reads a single-part base64 message and decodes its subject', () => {
    const mail = parseEmail('Subject: =?utf-8?B?xZ/JmWJryZk=?=\nFrom: a@b.az\nContent-Transfer-Encoding: base64\n\nxLBQOiAxMC4wLjAuMQ==\n');
    expect(mail).toMatchObject({ subject: 'şəbkə', from: 'a@b.az', text: 'İP: 10.0.0.1' });
  });

  it('falls back to the HTML part with tags removed', () => {
    expect(parseEmail('Subject: x\nContent-Type: text/html\n\n<p>Hello &amp; <b>bye</b></p>').text).toBe('Hello &  bye');
  });

  it('refuses text without header fields', () => {
    expect(() => parseEmail('just words')).toThrow(/no header fields/);
  });
});
