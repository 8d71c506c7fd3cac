import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenWindowsEvent, loadRules } from '../src/index.ts';
import { renderRejections } from '../src/report/rejections.ts';

// The repo root is three levels up from this file; the shared data lives beside the repo.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const sigma = path.resolve(repoRoot, '../shared/data/sigma');
const rejectionsFile = path.resolve(here, '../corpus-rejections.md');

/** The corpus size as recorded in the corpus's SOURCE.md (3,780 rules). */
const CORPUS_RULES = 3780;

describe('SigmaHQ corpus', () => {
  const dirs = readdirSync(sigma).filter((d) => d.startsWith('rules')).sort().map((d) => path.join(sigma, d));
  const loaded = loadRules(dirs);

  it('loads every rule except the ones listed in corpus-rejections.md', () => {
    expect(existsSync(rejectionsFile)).toBe(true);
    const actual = renderRejections(loaded.rejected, sigma);
    expect(actual).toBe(readFileSync(rejectionsFile, 'utf8'));
    expect(loaded.loaded + loaded.rejected.length).toBe(CORPUS_RULES);
    expect(loaded.loaded).toBe(3780);
  });

  it('runs the Invoke-Obfuscation VAR+ rules, whose regex needs the linear-time engine', () => {
    const line = String.raw`cmd /c "set gdaj=Write-Host {0}{1}\" -f (a) "`;
    const fired = loaded.engine.match({ EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: line });
    expect(fired.map((r) => r.id)).toContain('27aec9c9-dbb0-4939-8422-1742242471d0');
    const benign = loaded.engine.match({ EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', CommandLine: 'cmd /c "set x=1"' });
    expect(benign.map((r) => r.id)).not.toContain('27aec9c9-dbb0-4939-8422-1742242471d0');
  });

  it('finds every expected match of the regression data', () => {
    const events = readFileSync(path.join(sigma, 'regression/events_flat.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const expected = readFileSync(path.join(sigma, 'regression/expected.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const fired = events.map((e) => new Set(loaded.engine.match(e).map((r) => r.id)));
    const missing: string[] = [];
    for (const x of expected) {
      // match_count is how many of the rule's test events must fire (null: at least one)
      const hits = (x.lines as number[]).filter((l) => fired[l - 1].has(x.rule_id)).length;
      if (hits < (x.match_count ?? 1)) missing.push(`${x.rule_path}: ${hits}/${x.match_count ?? 1} on lines ${x.lines.join(',')}`);
    }
    expect(missing).toEqual([]);
    expect(expected.length).toBe(202);
  });

  it('matches evtx_dump nested events exactly as their flat form', () => {
    const read = (f: string) => readFileSync(path.join(sigma, 'regression', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const flat = read('events_flat.jsonl');
    const nested = read('events_nested.jsonl');
    const ids = (e: Record<string, unknown>) => loaded.engine.match(e).map((r) => r.id);
    const differ = nested.filter((n, i) => JSON.stringify(ids(flattenWindowsEvent(n))) !== JSON.stringify(ids(flat[i])));
    expect(differ).toHaveLength(0);
  });
});
