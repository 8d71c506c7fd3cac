import { describe, it, expect } from 'vitest';
import { parseRuleText } from '../src/index.ts';
import { bareEngine, matches, rejection } from './helpers.ts';

const det = (sels: string, cond: string) => `${sels}\n  condition: ${cond}\n`;
const S = `  sel_a:\n    A: 1\n  sel_b:\n    B: 1\n  filter_x:\n    X: 1\n  filter_y:\n    Y: 1\n  _hidden:\n    H: 1`;

describe('condition forms', () => {
  it('and / or / not with not binding tightest and and before or', () => {
    // sel_a or sel_b and filter_x  ==  sel_a or (sel_b and filter_x)
    expect(matches(det(S, 'sel_a or sel_b and filter_x'), { A: 1 })).toBe(true);
    expect(matches(det(S, 'sel_a or sel_b and filter_x'), { B: 1 })).toBe(false);
    // not sel_a and sel_b  ==  (not sel_a) and sel_b
    expect(matches(det(S, 'not sel_a and sel_b'), { B: 1 })).toBe(true);
    expect(matches(det(S, 'not sel_a and sel_b'), {})).toBe(false);
  });
  it('parentheses override precedence', () => {
    expect(matches(det(S, '(sel_a or sel_b) and filter_x'), { A: 1 })).toBe(false);
    expect(matches(det(S, '(sel_a or sel_b) and filter_x'), { A: 1, X: 1 })).toBe(true);
    expect(matches(det(S, 'not (sel_a or sel_b)'), { B: 1 })).toBe(false);
  });
  it('keywords are case-insensitive', () => {
    expect(matches(det(S, 'sel_a AND NOT sel_b'), { A: 1 })).toBe(true);
  });
  it('1 of / all of with wildcard names', () => {
    expect(matches(det(S, '1 of sel_*'), { B: 1 })).toBe(true);
    expect(matches(det(S, 'all of sel_*'), { B: 1 })).toBe(false);
    expect(matches(det(S, 'all of sel_*'), { A: 1, B: 1 })).toBe(true);
  });
  it('not 1 of filter* excludes when any filter matches', () => {
    const c = 'sel_a and not 1 of filter*';
    expect(matches(det(S, c), { A: 1 })).toBe(true);
    expect(matches(det(S, c), { A: 1, Y: 1 })).toBe(false);
    expect(matches(det(S, c), { A: 1, X: 1, Y: 1 })).toBe(false);
  });
  it('not all of filter* excludes only when every filter matches', () => {
    const c = 'sel_a and not all of filter*';
    expect(matches(det(S, c), { A: 1, Y: 1 })).toBe(true);
    expect(matches(det(S, c), { A: 1, X: 1, Y: 1 })).toBe(false);
  });
  it('them covers every selection except those starting with _', () => {
    expect(matches(det(S, '1 of them'), { H: 1 })).toBe(false);
    expect(matches(det(S, '1 of them'), { Y: 1 })).toBe(true);
    expect(matches(det(S, 'all of them'), { A: 1, B: 1, X: 1, Y: 1 })).toBe(true);
  });
  it('a list of conditions is their OR', () => {
    expect(matches(`${S}\n  condition:\n    - sel_a\n    - sel_b\n`, { B: 1 })).toBe(true);
  });
  it('rejects broken conditions and unknown names with a reason', () => {
    expect(rejection(det(S, 'sel_a and'))).toMatch(/broken condition/);
    expect(rejection(det(S, '(sel_a or sel_b'))).toMatch(/missing \)/);
    expect(rejection(det(S, 'sel_a and nosuch'))).toMatch(/unknown selection 'nosuch'/);
    expect(rejection(det(S, '1 of nothing_*'))).toMatch(/matches no selection/);
    expect(rejection(det(S, 'sel_a | count() > 5'))).toMatch(/aggregation/);
  });
});

describe('keyword searches', () => {
  it('search every field value for a substring, with wildcards', () => {
    const d = `  keywords:\n    - 'mimikatz'\n    - 'sekurlsa*logon'\n  condition: keywords\n`;
    expect(matches(d, { msg: 'ran MimiKatz.exe' })).toBe(true);
    expect(matches(d, { a: 'x', b: 'sekurlsa::logonpasswords' })).toBe(true);
    expect(matches(d, { msg: 'benign' })).toBe(false);
  });
  it('find keywords in fields that field rules scan too, and in nested values', () => {
    // The keyword pass skips scalar fields whose own scanner carries the keyword literals.
    const d = `  keywords:\n    - 'mimikatz'\n    - '4104'\n  sel:\n    Cmd|contains: 'foo'\n  condition: keywords or sel\n`;
    expect(matches(d, { Cmd: 'run MIMIKATZ now' })).toBe(true);
    expect(matches(d, { Cmd: 'foo' })).toBe(true);
    expect(matches(d, { Cmd: 'bar', EventID: 4104 })).toBe(true);
    expect(matches(d, { Cmd: ['a', 'mimikatz'] })).toBe(true);
    expect(matches(d, { Cmd: { inner: 'mimikatz' } })).toBe(true);
    expect(matches(d, { Cmd: 'bar', Other: 'x' })).toBe(false);
  });
  it('find keywords in the text of numbers and booleans', () => {
    const d = `  keywords:\n    - '1e+21'\n    - 'rue'\n  condition: keywords\n`;
    expect(matches(d, { size: 1e21 })).toBe(true);
    expect(matches(d, { enabled: true })).toBe(true);
    expect(matches(d, { enabled: false, size: 1e20 })).toBe(false);
  });
  it('|all on keywords requires every word', () => {
    const d = `  keywords:\n    '|all':\n      - 'alpha'\n      - 'beta'\n  condition: keywords\n`;
    expect(matches(d, { a: 'alpha', b: 'beta' })).toBe(true);
    expect(matches(d, { a: 'alpha' })).toBe(false);
  });
});

describe('rule files', () => {
  it('reads multi-document collections with action: global and repeat', () => {
    const text = [
      'action: global\ntitle: base\nlogsource: { product: test }\nlevel: high\ndetection:\n  condition: sel',
      'id: one\ndetection:\n  sel: { A: 1 }',
      'action: repeat\nid: two\ndetection:\n  sel: { A: 2 }',
      'action: reset',
      'id: three\ntitle: alone\nlogsource: { product: test }\ndetection:\n  sel: { A: 3 }\n  condition: sel',
    ].join('\n---\n');
    const parsed = parseRuleText(text, 'c.yml');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rules.map((r) => [r.id, r.title, r.level])).toEqual([
      ['one', 'base', 'high'],
      ['two', 'base', 'high'],
      ['three', 'alone', 'medium'],
    ]);
    const e = bareEngine();
    e.addRules(parsed.rules);
    expect(e.match({ A: 2 }).map((r) => r.id)).toEqual(['two']);
  });
  it('rejects invalid YAML and keeps the other documents', () => {
    const parsed = parseRuleText('title: ok\nid: a\nlogsource: {product: x}\ndetection: {s: {A: 1}, condition: s}\n---\ntitle: [unclosed\n', 'b.yml');
    expect(parsed.rules).toHaveLength(1);
    expect(parsed.rejected[0].reason).toMatch(/invalid YAML/);
  });
  it('keeps metadata, with ATT&CK technique ids from tags', () => {
    const r = parseRuleText(
      'title: T\nid: x1\nstatus: test\nlevel: critical\ntags: [attack.execution, attack.t1059.001]\nreferences: [https://a]\nfalsepositives: [admins]\nfields: [CommandLine]\nlogsource: {product: windows}\ndetection: {s: {A: 1}, condition: s}\n',
      'm.yml',
    ).rules[0];
    expect(r).toMatchObject({ id: 'x1', status: 'test', level: 'critical', techniques: ['T1059.001'], references: ['https://a'], falsepositives: ['admins'], fields: ['CommandLine'] });
  });
});
