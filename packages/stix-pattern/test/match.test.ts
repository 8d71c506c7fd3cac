import { describe, expect, it } from 'vitest';
import { matchEvent, matchObservations, type Observed } from '../src/index.ts';

const traffic = {
  0: { type: 'ipv4-addr', value: '198.51.100.7' },
  1: { type: 'ipv4-addr', value: '203.0.113.9' },
  2: { type: 'network-traffic', src_ref: '0', dst_ref: '1', dst_port: 443, protocols: ['ipv4', 'tcp', 'tls'] },
  3: { type: 'file', name: 'Invoice.PDF.exe', size: 2048, hashes: { 'SHA-256': 'aa'.repeat(32) }, created: '2024-05-01T10:00:00Z', contents: 'SGVsbG8=' },
  4: { type: 'email-message', to_refs: ['5', '6'] },
  5: { type: 'email-addr', value: 'ops@example.az' },
  6: { type: 'email-addr', value: 'ciso@example.az' },
  7: { type: 'x-flag', active: true },
};

describe('matching one event (the single-event subset)', () => {
  const cases: [string, boolean][] = [
    ["[ipv4-addr:value = '198.51.100.7']", true],
    ["[ipv4-addr:value = '198.51.100.8']", false],
    ["[ipv4-addr:value != '198.51.100.7']", true],
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true],
    ["[ipv4-addr:value ISSUBSET '10.0.0.0/8']", false],
    ["[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']", true],
    ["[network-traffic:src_ref.value = '198.51.100.7' AND network-traffic:dst_port = 443]", true],
    ["[network-traffic:dst_ref.value ISSUBSET '203.0.113.0/24' AND network-traffic:protocols[*] = 'tls']", true],
    ["[network-traffic:protocols[0] = 'tcp']", false],
    ["[network-traffic:dst_port IN (80, 8080)]", false],
    ["[network-traffic:dst_port NOT IN (80, 8080)]", true],
    ["[network-traffic:dst_port >= 443 AND network-traffic:dst_port < 444]", true],
    ["[file:name LIKE '%.exe']", true],
    ["[file:name LIKE 'Invoice._DF%']", true],
    ["[file:name MATCHES '\\\\.(pdf|PDF)\\\\.exe$']", true],
    ["[file:hashes.'SHA-256' = '" + 'aa'.repeat(32) + "']", true],
    ["[file:created > t'2024-01-01T00:00:00Z']", true],
    ["[file:contents = b'SGVsbG8=']", true],
    ["[EXISTS file:hashes.MD5]", false],
    ["[EXISTS file:hashes]", true],
    ["[email-message:to_refs[*].value = 'ciso@example.az']", true],
    ["[x-flag:active = true]", true],
    ["[file:missing != 'x']", false],
    ["[ipv4-addr:value = '198.51.100.7' AND file:size > 1000]", true],
    ["[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES", false],
    ["[ipv4-addr:value = '198.51.100.7'] WITHIN 5 SECONDS", true],
  ];
  it.each(cases)('%s → %s', (pattern, expected) => {
    expect(matchEvent(pattern, traffic)).toBe(expected);
  });

  it('compares IPv6 addresses with CIDR blocks', () => {
    expect(matchEvent("[ipv6-addr:value ISSUBSET '2001:db8::/32']", [{ type: 'ipv6-addr', value: '2001:db8::1' }])).toBe(true);
    expect(matchEvent("[ipv6-addr:value ISSUBSET '2001:db9::/32']", [{ type: 'ipv6-addr', value: '2001:db8::1' }])).toBe(false);
  });
});

describe('matching a sequence of observations with qualifiers', () => {
  const seen = (at: string, value: string): Observed => ({ first_observed: at, last_observed: at, objects: [{ type: 'domain-name', value }] });
  const sequence = [
    seen('2024-01-01T00:00:00Z', 'login.example'),
    seen('2024-01-01T00:00:30Z', 'drop.example'),
    seen('2024-01-01T00:10:00Z', 'login.example'),
    seen('2024-03-01T00:00:00Z', 'login.example'),
  ];

  it('FOLLOWEDBY respects time order', () => {
    expect(matchObservations("[domain-name:value = 'login.example'] FOLLOWEDBY [domain-name:value = 'drop.example']", sequence)).toEqual([0, 1]);
    expect(matchObservations("([domain-name:value = 'drop.example'] FOLLOWEDBY [domain-name:value = 'login.example']) WITHIN 600 SECONDS", sequence)).toEqual([1, 2]);
    expect(matchObservations("([domain-name:value = 'drop.example'] FOLLOWEDBY [domain-name:value = 'login.example']) WITHIN 60 SECONDS", sequence)).toBeNull();
  });

  it('REPEATS counts distinct observations and WITHIN bounds their span', () => {
    expect(matchObservations("[domain-name:value = 'login.example'] REPEATS 3 TIMES", sequence)).toEqual([0, 2, 3]);
    expect(matchObservations("[domain-name:value = 'login.example'] REPEATS 2 TIMES WITHIN 900 SECONDS", sequence)).toEqual([0, 2]);
    expect(matchObservations("[domain-name:value = 'login.example'] REPEATS 3 TIMES WITHIN 900 SECONDS", sequence)).toBeNull();
  });

  it('START…STOP keeps observations inside the window', () => {
    expect(matchObservations("[domain-name:value = 'login.example'] START t'2024-02-01T00:00:00Z' STOP t'2024-04-01T00:00:00Z'", sequence)).toEqual([3]);
    expect(matchObservations("[domain-name:value = 'drop.example'] START t'2024-02-01T00:00:00Z' STOP t'2024-04-01T00:00:00Z'", sequence)).toBeNull();
  });

  it('AND needs two distinct observations, OR either', () => {
    expect(matchObservations("[domain-name:value = 'drop.example'] AND [domain-name:value = 'drop.example']", sequence)).toBeNull();
    expect(matchObservations("[domain-name:value = 'nope'] OR [domain-name:value = 'drop.example']", sequence)).toEqual([1]);
  });
});
