/**
 * The incident classification taxonomy (RSIT classes and types, bilingual) and the severity
 * table that goes with it. The reference copy is data/taxonomy.yaml, loaded at every start;
 * a newer file version replaces the stored rows, an unchanged one does nothing.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import type { Db, Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { severities, type Impact, type Severity } from './incidents.tables.ts';
import * as store from './taxonomy.store.ts';

type Bilingual = { az: string; en: string };

interface TaxonomyFile {
  version: number;
  source: string;
  classes: { key: string; name: Bilingual; riskCategory: string | null; severity: Record<Impact, Severity>; types: { key: string; name: Bilingual; description: string }[] }[];
}

/** A class as the API shows it, with its types and its row of the severity table. */
export interface TaxonomyClass {
  key: string;
  name: Bilingual;
  riskCategory: string | null;
  severity: Record<Impact, Severity>;
  types: { key: string; name: Bilingual; description: string }[];
}

export function readTaxonomyFile(): TaxonomyFile {
  return YAML.parse(fs.readFileSync(new URL('./data/taxonomy.yaml', import.meta.url), 'utf8')) as TaxonomyFile;
}

/** Loads the reference taxonomy at start; returns the number of classes written (0 when up to date). */
export async function syncIncidentTaxonomy(db: Db): Promise<number> {
  const file = readTaxonomyFile();
  return db.transaction().execute(async (tx) => {
    await store.lock(tx);
    if (((await store.storedVersion(tx)) ?? 0) >= file.version) return 0;
    for (const [position, c] of file.classes.entries()) {
      await store.upsertClass(tx, { key: c.key, name_az: c.name.az, name_en: c.name.en, risk_category: c.riskCategory, severity: JSON.stringify(c.severity), position, version: file.version });
      for (const [i, t] of c.types.entries()) {
        await store.upsertType(tx, { class_key: c.key, key: t.key, name_az: t.name.az, name_en: t.name.en, description: t.description, position: i });
      }
    }
    await audit.record(tx, { actor: audit.systemActor, action: 'incident_taxonomy.load', details: { version: file.version, classes: file.classes.length } });
    return file.classes.length;
  });
}

/** The stored taxonomy, classes in file order. */
export async function listTaxonomy(db: Executor): Promise<TaxonomyClass[]> {
  const [classes, types] = await Promise.all([store.classes(db), store.types(db)]);
  return classes.map((c) => ({
    key: c.key, name: { az: c.name_az, en: c.name_en }, riskCategory: c.risk_category, severity: c.severity,
    types: types.filter((t) => t.class_key === c.key).map((t) => ({ key: t.key, name: { az: t.name_az, en: t.name_en }, description: t.description })),
  }));
}

/** Checks a class/type pair exists; returns the class (for its severity row). */
export async function requireClassification(db: Executor, classKey: string, typeKey: string): Promise<TaxonomyClass> {
  const found = (await listTaxonomy(db)).find((c) => c.key === classKey);
  if (!found || !found.types.some((t) => t.key === typeKey)) throw fail.validation(`Unknown classification ${classKey} / ${typeKey}`, { classKey, typeKey });
  return found;
}

/**
 * The severity the table gives a class at an impact; an affected CII object raises it one
 * level (docs/incident-severity.md).
 */
export function suggestedSeverity(c: Pick<TaxonomyClass, 'severity'>, impact: Impact, ciiAffected: boolean): Severity {
  const base = severities.indexOf(c.severity[impact]);
  return severities[Math.min(base + (ciiAffected ? 1 : 0), severities.length - 1)];
}
