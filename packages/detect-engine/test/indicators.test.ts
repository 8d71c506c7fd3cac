import { describe, it, expect } from 'vitest';
import { IndicatorStore, normalizeUrl } from '../src/index.ts';

const store = (...inds: Parameters<IndicatorStore['add']>[0][]) => {
  const s = new IndicatorStore();
  for (const i of inds) s.add(i);
  return s;
};

describe('indicator store', () => {
  it('matches IPv4 and IPv6 addresses exactly, in any spelling', () => {
    const s = store({ value: '203.0.113.7' }, { value: '2001:db8::1' });
    expect(s.lookup('203.0.113.7')).toHaveLength(1);
    expect(s.lookup('203.0.113.8')).toHaveLength(0);
    expect(s.lookup('2001:0DB8:0:0:0:0:0:1')).toHaveLength(1);
    expect(s.lookup('::ffff:203.0.113.7')).toHaveLength(1);
  });
  it('matches addresses inside CIDR ranges of both families', () => {
    const s = store({ value: '198.51.100.0/24' }, { value: '2001:db8:abcd::/48', type: 'cidr' });
    expect(s.lookup('198.51.100.200')[0]).toMatchObject({ type: 'cidr', indicator: '198.51.100.0/24' });
    expect(s.lookup('198.51.101.1')).toHaveLength(0);
    expect(s.lookup('2001:db8:abcd:12::5')).toHaveLength(1);
    expect(s.lookup('2001:db8:abce::5')).toHaveLength(0);
  });
  it('matches a domain and its sub-domains but not look-alikes', () => {
    const s = store({ value: 'Evil.example.' });
    expect(s.lookup('evil.example')).toHaveLength(1);
    expect(s.lookup('a.b.EVIL.example')).toHaveLength(1);
    expect(s.lookup('notevil.example')).toHaveLength(0);
    expect(s.lookup('example')).toHaveLength(0);
  });
  it('normalises URLs before comparing, and matches their host against domains', () => {
    expect(normalizeUrl('HTTP://Evil.Example:80/a/../b?q=1#frag')).toBe('http://evil.example/b?q=1');
    const s = store({ value: 'http://evil.example/b?q=1' }, { value: 'bad.example' });
    expect(s.lookup('http://EVIL.example:80/a/../b?q=1#x')).toHaveLength(1);
    expect(s.lookup('http://evil.example/b?q=2')).toHaveLength(0);
    expect(s.lookup('https://cdn.bad.example/x')[0]).toMatchObject({ type: 'domain', indicator: 'bad.example' });
  });
  it('matches MD5, SHA-1 and SHA-256 case-insensitively', () => {
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const s = store({ value: md5 }, { value: sha1 }, { value: sha256 });
    expect(s.lookup(md5.toUpperCase())[0].type).toBe('md5');
    expect(s.lookup(sha1)[0].type).toBe('sha1');
    expect(s.lookup(sha256)[0].type).toBe('sha256');
    expect(s.lookup(sha256.replace('e3', 'e4'))).toHaveLength(0);
  });
  it('matches e-mail addresses and their domain', () => {
    const s = store({ value: 'Phish@Evil.example' });
    expect(s.lookup('phish@evil.example')).toHaveLength(1);
    expect(s.lookup('other@evil.example')).toHaveLength(0);
  });
  it('honours the validity period and keeps confidence, TLP and source', () => {
    const s = store({ value: '192.0.2.1', validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z', confidence: 90, tlp: 'amber', source: 'cert-az' });
    expect(s.lookup('192.0.2.1', Date.parse('2025-12-31T00:00:00Z'))).toHaveLength(0);
    expect(s.lookup('192.0.2.1', Date.parse('2026-03-01T00:00:00Z'))).toHaveLength(0);
    expect(s.lookup('192.0.2.1', Date.parse('2026-01-15T00:00:00Z'))[0]).toMatchObject({ confidence: 90, tlp: 'amber', source: 'cert-az' });
  });
  it('finds indicators in any event field, splitting Sysmon Hashes', () => {
    const s = store({ value: '4b8207877186faffb90e3a4d9358cba6' }, { value: 'evil.example' });
    const hits = s.lookupEvent({ Hashes: 'SHA1=AA,MD5=4B8207877186FAFFB90E3A4D9358CBA6', dns: { query: 'x.evil.example' } });
    expect(hits.map((h) => h.field).sort()).toEqual(['Hashes', 'dns.query']);
  });
  it('rejects values of no known type', () => {
    expect(() => store({ value: 'not an indicator' })).toThrow(/cannot tell/);
    expect(() => store({ value: '1.2.3', type: 'ip' })).toThrow(/invalid ip/);
  });
  it('keeps its keys in flat arrays as it grows', () => {
    const s = new IndicatorStore();
    for (let i = 0; i < 50_000; i++) s.add({ value: `h${i}.example.net`, type: 'domain' });
    expect(s.size).toBe(50_000);
    expect(s.lookup('h49999.example.net')).toHaveLength(1);
    expect(s.lookup('h50000.example.net')).toHaveLength(0);
    expect(s.memoryBytes).toBeLessThan(50_000 * 64);
  });
});
