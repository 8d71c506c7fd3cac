import { describe, it, expect } from 'vitest';
import { matches, rejection } from './helpers.ts';
import { compileRuleRegex } from '../src/sigma/regex.ts';

const sel = (body: string) => `  sel:\n${body}\n  condition: sel\n`;

describe('plain values and wildcards', () => {
  it('compares whole values case-insensitively by default', () => {
    expect(matches(sel("    Image: 'C:\\Windows\\cmd.exe'"), { Image: 'c:\\windows\\CMD.EXE' })).toBe(true);
    expect(matches(sel("    Image: 'cmd.exe'"), { Image: 'c:\\windows\\cmd.exe' })).toBe(false);
  });
  it('treats * and ? as wildcards', () => {
    expect(matches(sel("    Image: '*\\cm?.exe'"), { Image: 'C:\\x\\cmd.exe' })).toBe(true);
    expect(matches(sel("    Image: '*\\cm?.exe'"), { Image: 'C:\\x\\cm.exe' })).toBe(false);
    expect(matches(sel("    A: 'a*b*c'"), { A: 'aXXbYYc' })).toBe(true);
    expect(matches(sel("    A: 'a*b*c'"), { A: 'aXXcYYb' })).toBe(false);
  });
  it('escapes wildcards with a backslash and keeps other backslashes literal', () => {
    expect(matches(sel("    A: 'what\\?'"), { A: 'what?' })).toBe(true);
    expect(matches(sel("    A: 'what\\?'"), { A: 'whatx' })).toBe(false);
    expect(matches(sel("    A: 'a\\*b'"), { A: 'a*b' })).toBe(true);
    expect(matches(sel("    A: 'a\\*b'"), { A: 'axxb' })).toBe(false);
    expect(matches(sel("    A: 'C:\\\\*'"), { A: 'C:\\anything' })).toBe(true);
    expect(matches(sel("    A: 'C:\\\\*'"), { A: 'C:\\\\*' })).toBe(true);
    expect(matches(sel("    A: 'C:\\\\*'"), { A: 'D:\\x' })).toBe(false);
  });
  it('matches numbers against numeric or string event values', () => {
    expect(matches(sel('    EventID: 4688'), { EventID: 4688 })).toBe(true);
    expect(matches(sel('    EventID: 4688'), { EventID: '4688' })).toBe(true);
    expect(matches(sel('    EventID: [1, 2]'), { EventID: 3 })).toBe(false);
  });
  it('treats null as absent-or-null and empty string as empty', () => {
    expect(matches(sel('    A: null'), {})).toBe(true);
    expect(matches(sel('    A: null'), { A: null })).toBe(true);
    expect(matches(sel('    A: null'), { A: '' })).toBe(false);
    expect(matches(sel("    A: ''"), { A: '' })).toBe(true);
    expect(matches(sel("    A: ''"), {})).toBe(false);
  });
  it('ORs list values and ANDs fields of a map', () => {
    const d = sel("    A: [x, y]\n    B: z");
    expect(matches(d, { A: 'y', B: 'z' })).toBe(true);
    expect(matches(d, { A: 'y', B: 'q' })).toBe(false);
  });
  it('ORs the maps of a list of maps', () => {
    const d = sel('    - A: x\n    - B: y');
    expect(matches(d, { B: 'y' })).toBe(true);
    expect(matches(d, { A: 'y' })).toBe(false);
  });
  it('matches any element of a list-valued event field', () => {
    expect(matches(sel('    tags|contains: evil'), { tags: ['good', 'EVIL-one'] })).toBe(true);
  });
  it('reads dotted field names from nested events', () => {
    expect(matches(sel('    process.name: cmd.exe'), { process: { name: 'cmd.exe' } })).toBe(true);
  });
});

describe('match-type modifiers', () => {
  it('contains, startswith and endswith', () => {
    expect(matches(sel('    A|contains: BAD'), { A: 'xxbadxx' })).toBe(true);
    expect(matches(sel('    A|startswith: BAD'), { A: 'badxx' })).toBe(true);
    expect(matches(sel('    A|startswith: BAD'), { A: 'xbad' })).toBe(false);
    expect(matches(sel('    A|endswith: BAD'), { A: 'xxbad' })).toBe(true);
    expect(matches(sel('    A|endswith: BAD'), { A: 'badx' })).toBe(false);
  });
  it('all requires every value of a list', () => {
    const d = sel('    A|contains|all: [one, two]');
    expect(matches(d, { A: 'two and one' })).toBe(true);
    expect(matches(d, { A: 'only one' })).toBe(false);
  });
  it('cased makes the comparison case-sensitive', () => {
    expect(matches(sel('    A|cased: Abc'), { A: 'Abc' })).toBe(true);
    expect(matches(sel('    A|cased: Abc'), { A: 'abc' })).toBe(false);
    expect(matches(sel('    A|contains|cased: Bc'), { A: 'xbc' })).toBe(false);
  });
});

describe('regular expressions', () => {
  it('are case-sensitive unless i is given, and search anywhere', () => {
    expect(matches(sel("    A|re: 'b.d'"), { A: 'xbad' })).toBe(true);
    expect(matches(sel("    A|re: 'B.D'"), { A: 'bad' })).toBe(false);
    expect(matches(sel("    A|re|i: 'B.D'"), { A: 'bad' })).toBe(true);
  });
  it('supports m and s flags and a leading (?i)', () => {
    expect(matches(sel("    A|re|m: '^two$'"), { A: 'one\ntwo' })).toBe(true);
    expect(matches(sel("    A|re: '^two$'"), { A: 'one\ntwo' })).toBe(false);
    expect(matches(sel("    A|re|s: 'a.b'"), { A: 'a\nb' })).toBe(true);
    expect(matches(sel("    A|re: '(?i)ABC'"), { A: 'abc' })).toBe(true);
  });
  it('runs expressions that can backtrack catastrophically on the linear-time engine', () => {
    // With backtracking each of these takes about 2^40 steps on its input: finishing is the proof.
    const evil = 'a'.repeat(40) + '!';
    expect(compileRuleRegex('(a+)+$', '')).toMatchObject({ ok: true, engine: 'linear' });
    expect(matches(sel("    A|re: '(a+)+$'"), { A: evil })).toBe(false);
    expect(matches(sel("    A|re: '(a+)+$'"), { A: 'baaa' })).toBe(true);
    expect(matches(sel("    A|re: '(\\w*\\s?)*x'"), { A: evil })).toBe(false);
    expect(matches(sel("    A|re|i: '(a|ab)*C'"), { A: 'ababac' })).toBe(true);
    expect(compileRuleRegex('^[a-z]+\\d{2,4}(x|y)$', '')).toMatchObject({ ok: true, engine: 'backtracking' });
  });
  it('rejects a hazardous expression the linear-time engine cannot run, with the reason', () => {
    expect(rejection(sel("    A|re: '(a+)+\\1'"))).toMatch(/backtrack.*linear-time engine cannot run it/);
    expect(rejection(sel("    A|re: '(?<=x)(a|ab)*c'"))).toMatch(/backtrack/);
  });
});

describe('cidr', () => {
  it('matches IPv4 networks', () => {
    expect(matches(sel("    ip|cidr: '10.0.0.0/8'"), { ip: '10.1.2.3' })).toBe(true);
    expect(matches(sel("    ip|cidr: '10.0.0.0/8'"), { ip: '11.1.2.3' })).toBe(false);
  });
  it('matches IPv6 networks, including compressed and odd prefix lengths', () => {
    expect(matches(sel("    ip|cidr: '2001:db8::/33'"), { ip: '2001:db8:7fff::1' })).toBe(true);
    expect(matches(sel("    ip|cidr: '2001:db8::/33'"), { ip: '2001:db8:8000::1' })).toBe(false);
    expect(matches(sel("    ip|cidr: 'fe80::/10'"), { ip: 'FE80::1%eth0' })).toBe(true);
    expect(matches(sel("    ip|cidr: '::1/128'"), { ip: '0:0:0:0:0:0:0:1' })).toBe(true);
  });
  it('does not match across families or on non-addresses', () => {
    expect(matches(sel("    ip|cidr: '::/0'"), { ip: '10.0.0.1' })).toBe(false);
    expect(matches(sel("    ip|cidr: '0.0.0.0/0'"), { ip: 'localhost' })).toBe(false);
  });
});

describe('encoding modifiers', () => {
  const b64 = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc).toString('base64');
  it('base64 matches the encoded value', () => {
    expect(matches(sel('    A|base64: hello'), { A: b64('hello') })).toBe(true);
    expect(matches(sel('    A|base64|contains: hello'), { A: 'x ' + b64('hello') + ' y' })).toBe(true);
  });
  it('base64offset finds the value at each of the three byte alignments', () => {
    const d = sel('    A|base64offset|contains: http://');
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd', 'abcde']) {
      expect(matches(d, { A: b64(prefix + 'http://evil/x') })).toBe(true);
    }
    expect(matches(d, { A: b64('https://evil/x') })).toBe(false);
  });
  it('wide and utf16 variants encode before base64', () => {
    const d = sel('    A|wide|base64offset|contains: ping');
    for (const prefix of ['', 'x', 'xy']) expect(matches(d, { A: b64(prefix + 'ping -n 1', 'utf16le') })).toBe(true);
    expect(matches(d, { A: b64('ping -n 1') })).toBe(false);
    expect(matches(sel('    A|utf16le|base64: ab'), { A: b64('ab', 'utf16le') })).toBe(true);
    expect(matches(sel('    A|utf16be|base64: ab'), { A: Buffer.from([0, 0x61, 0, 0x62]).toString('base64') })).toBe(true);
    expect(matches(sel('    A|utf16|base64: ab'), { A: Buffer.from([0xff, 0xfe, 0x61, 0, 0x62, 0]).toString('base64') })).toBe(true);
  });
  it('windash accepts -, / and the Unicode dashes at the start of a word', () => {
    const d = sel("    CommandLine|windash|contains: ' -enc '");
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) expect(matches(d, { CommandLine: `powershell ${dash}enc AAA` })).toBe(true);
    expect(matches(d, { CommandLine: 'powershell +enc AAA' })).toBe(false);
    // a dash inside a word is not a switch and is not expanded
    expect(matches(sel("    A|windash: 'a-b'"), { A: 'a/b' })).toBe(false);
    // every switch expands independently
    expect(matches(sel("    A|windash|contains: '-a -b'"), { A: 'x /a \u2013b' })).toBe(true);
  });
});

describe('field modifiers', () => {
  it('exists true and false', () => {
    expect(matches(sel('    A|exists: true'), { A: '' })).toBe(true);
    expect(matches(sel('    A|exists: true'), {})).toBe(false);
    expect(matches(sel('    A|exists: false'), {})).toBe(true);
    expect(matches(sel('    A|exists: false'), { A: 'x' })).toBe(false);
  });
  it('fieldref compares with another field of the same event', () => {
    expect(matches(sel('    A|fieldref: B'), { A: 'Same', B: 'same' })).toBe(true);
    expect(matches(sel('    A|fieldref: B'), { A: 'x', B: 'y' })).toBe(false);
    expect(matches(sel('    A|fieldref: B'), { A: 'x' })).toBe(false);
    expect(matches(sel('    A|fieldref|endswith: B'), { A: 'C:\\x\\cmd.exe', B: 'cmd.exe' })).toBe(true);
  });
  it('gt, gte, lt and lte compare numbers', () => {
    expect(matches(sel('    n|gt: 5'), { n: 6 })).toBe(true);
    expect(matches(sel('    n|gt: 5'), { n: 5 })).toBe(false);
    expect(matches(sel('    n|gte: 5'), { n: '5' })).toBe(true);
    expect(matches(sel('    n|lt: 5'), { n: 4.5 })).toBe(true);
    expect(matches(sel('    n|lte: 5'), { n: 'abc' })).toBe(false);
  });
  it('expand resolves placeholders from configured lists', () => {
    const d = sel("    User|expand: '%admins%'");
    const opts = { placeholders: { admins: ['root', 'Administrator'] } };
    expect(matches(d, { User: 'administrator' }, opts)).toBe(true);
    expect(matches(d, { User: 'guest' }, opts)).toBe(false);
    expect(matches(d, { User: '%admins%' })).toBe(false);
  });
  it('rejects an unknown modifier with its name', () => {
    expect(rejection(sel('    A|sometimes: x'))).toMatch(/unknown modifier 'sometimes'/);
  });
});
