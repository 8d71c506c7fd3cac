import { describe, expect, it } from 'vitest';
import { extractIndicators, patternFor, type PlainIndicator } from '../src/index.ts';

describe('extracting plain indicators for the detection pipeline', () => {
  const simple: [string, PlainIndicator[]][] = [
    ["[ipv4-addr:value = '198.51.100.1']", [{ type: 'ip', value: '198.51.100.1' }]],
    ["[ipv4-addr:value = '198.51.100.0/24']", [{ type: 'cidr', value: '198.51.100.0/24' }]],
    ["[ipv4-addr:value = '198.51.100.1/32']", [{ type: 'ip', value: '198.51.100.1' }]],
    ["[ipv6-addr:value = '2001:db8::1']", [{ type: 'ip', value: '2001:db8::1' }]],
    ["[domain-name:value = 'Evil.Example']", [{ type: 'domain', value: 'evil.example' }]],
    ["[url:value = 'http://evil.example/a?b=1']", [{ type: 'url', value: 'http://evil.example/a?b=1' }]],
    ["[email-addr:value = 'x@evil.example']", [{ type: 'email', value: 'x@evil.example' }]],
    ["[file:hashes.'SHA-256' = '" + 'AB'.repeat(32) + "']", [{ type: 'sha256', value: 'ab'.repeat(32) }]],
    ["[file:hashes.MD5 = '" + 'a'.repeat(32) + "' OR file:hashes.'SHA-1' = '" + 'b'.repeat(40) + "']", [{ type: 'md5', value: 'a'.repeat(32) }, { type: 'sha1', value: 'b'.repeat(40) }]],
    ["[domain-name:value IN ('a.example', 'b.example', 'a.example')]", [{ type: 'domain', value: 'a.example' }, { type: 'domain', value: 'b.example' }]],
  ];
  it.each(simple)('%s', (pattern, indicators) => {
    expect(extractIndicators(pattern)).toEqual({ ok: true, indicators });
  });

  const rich: [string, RegExp][] = [
    ["[ipv4-addr:value ISSUBSET '10.0.0.0/8']", /operator ISSUBSET/],
    ["[ipv4-addr:value != '1.2.3.4']", /operator !=/],
    ["[file:name = 'x.exe']", /no plain indicator kind/],
    ["[file:hashes.'SHA-256' = 'abc']", /not a SHA256 hash/],
    ["[ipv4-addr:value = 'not-an-ip']", /not an IP address/],
    ["[domain-name:value = 'a' AND domain-name:resolves_to_refs[*].value = 'b']", /AND of comparisons/],
    ["[domain-name:value = 'a'] REPEATS 2 TIMES", /single observation expression/],
  ];
  it.each(rich)('does not reduce %s', (pattern, reason) => {
    const result = extractIndicators(pattern);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(reason);
  });

  it('writes patterns that extract back to the same indicator', () => {
    const indicators: PlainIndicator[] = [
      { type: 'ip', value: '192.0.2.1' }, { type: 'cidr', value: '192.0.2.0/24' }, { type: 'domain', value: "o'neil.example" },
      { type: 'url', value: 'https://x.example/' }, { type: 'email', value: 'a@b.example' }, { type: 'md5', value: 'c'.repeat(32) },
      { type: 'sha1', value: 'd'.repeat(40) }, { type: 'sha256', value: 'e'.repeat(64) },
    ];
    for (const indicator of indicators) expect(extractIndicators(patternFor(indicator))).toEqual({ ok: true, indicators: [indicator] });
  });
});
