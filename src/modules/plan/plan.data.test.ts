import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadActionPlan, parseActionPlan, type ActionPlan, type MeasureItem } from './plan.data.ts';
import { joinLines, parseActionPlanSeed, type SeedItem } from './seed-parser.ts';

// Seed parity: the hand-written plan must hold exactly the seed's items, titles, agencies and
// periods, so that a mistyped or missing measure fails here rather than in an agency's report.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const seedText = readFileSync(path.resolve(repoRoot, '../shared/seed/000_c59f6b89020231e2.txt'), 'utf8');
const orgs = YAML.parse(readFileSync(path.join(here, '../identity/data/organisations.yaml'), 'utf8')) as { acronym: string; nationalCert?: boolean }[];
const seedAcronyms = orgs.filter((o) => !o.nationalCert).map((o) => o.acronym);
const seed = parseActionPlanSeed(seedText, seedAcronyms);
const plan = loadActionPlan();
const planYaml = readFileSync(path.join(here, 'data/action-plan.yaml'), 'utf8');

/** Every difference between the plan and the seed's table, one line each. */
function diffAgainstSeed(p: ActionPlan, s: SeedItem[]): string[] {
  const out: string[] = [];
  const ids = p.items.map((i) => i.id);
  const seedIds = s.map((i) => i.id);
  const missing = seedIds.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !seedIds.includes(id));
  if (missing.length || extra.length) out.push(`missing ${missing.join(', ') || '-'}; not in seed ${extra.join(', ') || '-'}`);
  else if (ids.join() !== seedIds.join()) out.push('items are not in the seed order');
  for (const want of s) {
    const got = p.items.find((i) => i.id === want.id);
    if (!got) continue;
    const ne = (what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${want.id} ${what}: ${JSON.stringify(a)} vs seed ${JSON.stringify(b)}`);
    };
    ne('kind', got.kind, want.kind);
    ne('title', got.title.az, want.title);
    if (got.kind !== 'measure' || !want.period) continue;
    ne('lead', got.lead, want.lead);
    ne('coExecutors', got.coExecutors, want.coExecutors);
    ne('otherExecutors', (got.otherExecutors ?? []).map((o) => o.az), want.otherExecutors);
    const period = 'ongoing' in want.period ? { ongoing: true } : want.period;
    ne('period', got.period, period);
    if ('ongoing' in want.period) ne('periodText', got.periodText, want.period.text);
  }
  return out;
}

/** True when `word` is a token of the row, or is made of 2–3 of its line-break fragments ("hazırlan-" + "ması"). */
function inRow(word: string, cells: string): boolean {
  const tokens = cells.split(/\s+/u).map((t) => t.replace(/^[^\p{L}\d-]+|[^\p{L}\d-]+$/gu, '')).filter(Boolean);
  const whole = new Set(tokens.map((t) => t.replace(/-$/u, '')));
  const pieces = tokens.filter((t) => t.endsWith('-')).map((t) => t.slice(0, -1));
  if (whole.has(word) || pieces.includes(word)) return true;
  return pieces.some((a) => word.startsWith(a) && (whole.has(word.slice(a.length)) ||
    pieces.some((b) => word.slice(a.length).startsWith(b) && whole.has(word.slice(a.length + b.length)))));
}

describe('seed parser', () => {
  it('joins line-break hyphenation but keeps real compound hyphens', () => {
    expect(joinLines(['təhlükəsiz-', 'lik  üzrə ', '', 'qeyri-', 'səlis', 'layihə-', 'təcrübə'])).toBe('təhlükəsizlik üzrə qeyri-səlis layihə-təcrübə');
  });

  it('reads a measure row: lead glued to the title, recommended co-executor, misspelt acronym, period', () => {
    const text = ['8.1. Prioritet 1. Başlıq', '', '8.1.1. Tədbir adı uzun', 'davamı NK', '', 'DİN, ', 'BP ', '(tövsiyə ', 'olunur), ', 'RINN', '2023 – ', '2024', 'Nəticə', '27', 'Akronimlər'].join('\n');
    expect(parseActionPlanSeed(text, seedAcronyms)).toEqual([
      { id: '8.1', kind: 'priority', title: 'Başlıq', lead: [], coExecutors: [], otherExecutors: [], period: null, cells: '' },
      {
        id: '8.1.1', kind: 'measure', title: 'Tədbir adı uzun davamı', lead: ['NK'], otherExecutors: [],
        coExecutors: [{ acronym: 'DİN', recommended: false }, { acronym: 'BP', recommended: true }, { acronym: 'RİNN', recommended: false }],
        period: { from: 2023, to: 2024 }, cells: 'NK\nDİN,\nBP\n(tövsiyə\nolunur),\nRINN\n2023 –\n2024\nNəticə',
      },
    ]);
  });

  it('finds the whole section 8 table: 9 priorities, 25 goals of which 9 are measures, 56 measures', () => {
    const count = (k: string) => seed.filter((i) => i.kind === k).length;
    expect([count('priority'), count('goal'), count('measure')]).toEqual([9, 16, 56]);
    expect(seed.filter((i) => i.id.split('.').length === 3)).toHaveLength(25);
  });
});

describe('action-plan.yaml', () => {
  it('has exactly the seed items, titles, agencies and periods', () => {
    expect(diffAgainstSeed(plan, seed)).toEqual([]);
  });

  it('names only agencies of organisations.yaml', () => {
    const known = new Set(orgs.map((o) => o.acronym));
    const used = plan.items.flatMap((i) => (i.kind === 'measure' ? [...i.lead, ...i.coExecutors.map((c) => c.acronym)] : []));
    expect(used.filter((a) => !known.has(a))).toEqual([]);
  });

  it('takes every word of the Azerbaijani indicators from the same seed row', () => {
    const missing: string[] = [];
    for (const m of plan.items.filter((i): i is MeasureItem => i.kind === 'measure')) {
      const cells = seed.find((s) => s.id === m.id)!.cells;
      for (const stage of ['initial', 'intermediate', 'final'] as const) {
        for (const word of m.indicators[stage].az.split(/[\s,.()“”-]+/u).filter(Boolean)) {
          if (!inRow(word, cells)) missing.push(`${m.id} ${stage}: ${word}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the parity check catches a deleted, retitled, reassigned or rescheduled measure', () => {
    const edits: ((p: ActionPlan) => void)[] = [
      (p) => p.items.splice(p.items.findIndex((i) => i.id === '8.5.3'), 1),
      (p) => p.items.reverse(),
      (p) => { p.items.find((i) => i.id === '8.2.1.3')!.title.az += ' x'; },
      (p) => { (p.items.find((i) => i.id === '8.4.1') as MeasureItem).lead = ['RİNN']; },
      (p) => { (p.items.find((i) => i.id === '8.5.1') as MeasureItem).coExecutors[2].recommended = false; },
      (p) => { (p.items.find((i) => i.id === '8.9.2.4') as MeasureItem).coExecutors.pop(); },
      (p) => { (p.items.find((i) => i.id === '8.3.3.3') as MeasureItem).period = { from: 2023, to: 2024 }; },
      (p) => { (p.items.find((i) => i.id === '8.1.2.1') as MeasureItem).periodText = 'mütəmadi'; },
    ];
    for (const edit of edits) {
      const copy = structuredClone(plan);
      edit(copy);
      expect(diffAgainstSeed(copy, seed)).not.toEqual([]);
    }
  });
});

describe('plan loader', () => {
  const broken = (from: string, to: string) => () => parseActionPlan(planYaml.replace(from, to));

  it('rejects unknown fields and bad values, naming the item', () => {
    expect(broken('    periodText: "2023 – 2027"', '    periodText: "2023 – 2027"\n    owner: x')).toThrow(/item 8\.1\.1\.3: .*additional properties/);
    expect(broken('    lead: [NK]', '    lead: []')).toThrow(/item 8\.1\.1\.2: \/lead/);
    expect(broken('period: {from: 2023, to: 2023}', 'period: {from: 2023, to: 2031}')).toThrow(/item 8\.3\.3\.3: \/period/);
  });

  it('rejects broken nesting: orphan measures, duplicates and empty goals', () => {
    expect(broken('id: "8.1.1.1"', 'id: "8.1.9.1"')).toThrow(/item 8\.1\.9\.1: parent 8\.1\.9/);
    expect(broken('id: "8.1.1.2"', 'id: "8.1.1.1"')).toThrow(/item 8\.1\.1\.1: duplicate id/);
    expect(broken('period: {from: 2024, to: 2027}', 'period: {from: 2027, to: 2024}')).toThrow(/item 8\.3\.2\.2: period ends/);
  });
});
