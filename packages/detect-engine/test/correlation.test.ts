import { describe, it, expect } from 'vitest';
import { CorrelationEngine, parseRuleText } from '../src/index.ts';
import { bareEngine } from './helpers.ts';

const base = `title: failed logon\nid: fail\nname: failed_logon\nlogsource: { product: test }\ndetection:\n  s: { action: fail }\n  condition: s\n---\ntitle: success\nid: ok\nname: ok_logon\nlogsource: { product: test }\ndetection:\n  s: { action: ok }\n  condition: s\n`;

function setup(correlation: string) {
  const parsed = parseRuleText(`${base}---\ntitle: corr\nid: c1\ncorrelation:\n${correlation}`, 'c.yml');
  expect(parsed.rejected).toEqual([]);
  const det = bareEngine();
  det.addRules(parsed.rules);
  const corr = new CorrelationEngine(det.correlations, { maxGroups: 3 });
  const feed = (ev: Record<string, unknown>, t: number) => corr.observe(ev, det.match(ev), t);
  return { corr, feed };
}

describe('correlation rules', () => {
  it('event_count fires when a group reaches the threshold inside the timespan', () => {
    const { feed } = setup('  type: event_count\n  rules: [failed_logon]\n  group-by: [user]\n  timespan: 1m\n  condition: { gte: 3 }\n');
    expect(feed({ action: 'fail', user: 'a' }, 0)).toEqual([]);
    expect(feed({ action: 'fail', user: 'b' }, 1000)).toEqual([]);
    expect(feed({ action: 'fail', user: 'a' }, 2000)).toEqual([]);
    const m = feed({ action: 'fail', user: 'a' }, 3000);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ group: { user: 'a' }, value: 3 });
  });
  it('event_count forgets events older than the timespan', () => {
    const { feed } = setup('  type: event_count\n  rules: [fail]\n  group-by: [user]\n  timespan: 10s\n  condition: { gte: 2 }\n');
    feed({ action: 'fail', user: 'a' }, 0);
    expect(feed({ action: 'fail', user: 'a' }, 20_000)).toEqual([]);
    expect(feed({ action: 'fail', user: 'a' }, 25_000)).toHaveLength(1);
  });
  it('value_count counts distinct values of a field', () => {
    const { feed } = setup('  type: value_count\n  rules: [failed_logon]\n  group-by: [src]\n  timespan: 5m\n  condition: { field: user, gte: 3 }\n');
    feed({ action: 'fail', src: 'x', user: 'a' }, 0);
    feed({ action: 'fail', src: 'x', user: 'a' }, 1);
    expect(feed({ action: 'fail', src: 'x', user: 'b' }, 2)).toEqual([]);
    expect(feed({ action: 'fail', src: 'x', user: 'c' }, 3)[0]).toMatchObject({ value: 3 });
  });
  it('temporal needs every referenced rule in the window, in any order', () => {
    const { feed } = setup('  type: temporal\n  rules: [failed_logon, ok_logon]\n  group-by: [user]\n  timespan: 1m\n');
    expect(feed({ action: 'ok', user: 'a' }, 0)).toEqual([]);
    expect(feed({ action: 'fail', user: 'a' }, 10)).toHaveLength(1);
  });
  it('temporal_ordered needs them in the listed order', () => {
    const { feed } = setup('  type: temporal_ordered\n  rules: [failed_logon, ok_logon]\n  group-by: [user]\n  timespan: 1m\n');
    expect(feed({ action: 'ok', user: 'a' }, 0)).toEqual([]);
    expect(feed({ action: 'fail', user: 'a' }, 10)).toEqual([]);
    expect(feed({ action: 'ok', user: 'a' }, 20)).toHaveLength(1);
  });
  it('keeps at most maxGroups group states', () => {
    const { feed, corr } = setup('  type: event_count\n  rules: [fail]\n  group-by: [user]\n  timespan: 1h\n  condition: { gte: 100 }\n');
    for (let i = 0; i < 50; i++) feed({ action: 'fail', user: `u${i}` }, i);
    expect(corr.groups).toBeLessThanOrEqual(3);
  });
  it('rejects a correlation without a valid timespan', () => {
    const parsed = parseRuleText('title: c\ncorrelation:\n  type: event_count\n  rules: [x]\n  timespan: soon\n  condition: { gte: 1 }\n', 'x.yml');
    expect(parsed.rejected[0].reason).toMatch(/invalid timespan/);
  });
});

describe('filter rules', () => {
  it('exclude matches of the rules they reference', () => {
    const text = `title: r\nid: r1\nlogsource: { product: test }\ndetection:\n  s: { Image|endswith: '\\\\cmd.exe' }\n  condition: s\n---\ntitle: f\nid: f1\nlogsource: { product: test }\nfilter:\n  rules: [r1]\n  admin: { User: admin }\n  condition: not admin\n`;
    const parsed = parseRuleText(text, 'f.yml');
    expect(parsed.rules.map((r) => r.kind)).toEqual(['detection', 'filter']);
    const e = bareEngine();
    e.addRules(parsed.rules);
    expect(e.match({ Image: 'C:\\cmd.exe', User: 'bob' })).toHaveLength(1);
    expect(e.match({ Image: 'C:\\cmd.exe', User: 'admin' })).toHaveLength(0);
  });
});

