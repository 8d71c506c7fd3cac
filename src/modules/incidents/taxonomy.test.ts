import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { listTaxonomy, readTaxonomyFile, suggestedSeverity, syncIncidentTaxonomy } from './taxonomy.ts';

const rsit = JSON.parse(fs.readFileSync(new URL('../../../../shared/data/misp-taxonomies/rsit.json', import.meta.url), 'utf8')) as {
  predicates: { value: string; expanded: string }[];
  values: { predicate: string; entry: { value: string; expanded: string }[] }[];
};

describe('the incident taxonomy', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  it('has every RSIT class and type, each with an Azerbaijani label of its own', () => {
    const file = readTaxonomyFile();
    expect(file.classes.map((c) => c.key)).toEqual(rsit.predicates.map((p) => p.value));
    for (const v of rsit.values) {
      const c = file.classes.find((x) => x.key === v.predicate)!;
      expect(c.types.map((x) => x.key)).toEqual(v.entry.map((e) => e.value));
      for (const type of c.types) expect(type.name.az.trim()).not.toBe('');
    }
  });

  it('loads once at start and does nothing when the file is unchanged', async () => {
    expect(await syncIncidentTaxonomy(t.db)).toBe(11);
    expect(await syncIncidentTaxonomy(t.db)).toBe(0);
    const classes = await listTaxonomy(t.db);
    expect(classes.find((c) => c.key === 'malicious-code')?.types.map((x) => x.key)).toContain('infected-system');
  });

  it('raises the severity one level when a CII object is affected', () => {
    const c = { severity: { low: 'medium', moderate: 'high', high: 'critical' } as const };
    expect(suggestedSeverity(c, 'moderate', false)).toBe('high');
    expect(suggestedSeverity(c, 'moderate', true)).toBe('critical');
    expect(suggestedSeverity(c, 'high', true)).toBe('critical');
  });
});
