/**
 * The threat taxonomy (strategy 8.1.1.1): categories and classes, bilingual, linked to ATT&CK.
 * The reference part comes from data/threat-taxonomy.yaml and is upgraded at start; coordinators
 * add their own classes. Every class change keeps a numbered version and is audited.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import type { Db, Executor } from '../../db/database.ts';
import { AppError, fail } from '../../lib/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { assertCoordinator } from './risk.policy.ts';
import type { ThreatSource } from './risk.tables.ts';
import * as store from './taxonomy.store.ts';
import type { ClassRow } from './taxonomy.store.ts';

interface TaxonomyFile {
  version: number;
  categories: { key: string; source: string; name: { az: string; en: string } }[];
  classes: { key: string; category: string; name: { az: string; en: string }; description?: string; attack?: string[] }[];
}

/** A threat class as the API shows it. */
export interface ThreatClass {
  key: string;
  categoryKey: string;
  source: ThreatSource;
  name: { az: string; en: string };
  description: string | null;
  attack: string[];
  version: number;
}

export interface ThreatCategory {
  key: string;
  source: string;
  name: { az: string; en: string };
}

function present(row: ClassRow): ThreatClass {
  return { key: row.key, categoryKey: row.category_key, source: row.source, name: { az: row.name_az, en: row.name_en }, description: row.description, attack: row.attack_ids, version: row.version };
}

export function readTaxonomyFile(): TaxonomyFile {
  return YAML.parse(fs.readFileSync(new URL('./data/threat-taxonomy.yaml', import.meta.url), 'utf8')) as TaxonomyFile;
}

/**
 * Loads the reference taxonomy at start: adds missing categories and classes, and upgrades
 * reference classes stored from an older file version. Returns how many classes changed.
 */
export async function seedThreatTaxonomy(db: Db): Promise<number> {
  const file = readTaxonomyFile();
  return db.transaction().execute(async (tx) => {
    for (const c of file.categories) await store.upsertCategory(tx, { key: c.key, source: c.source, name_az: c.name.az, name_en: c.name.en });
    const stored = new Map((await store.classes(tx)).map((r) => [r.key, r]));
    let changed = 0;
    for (const c of file.classes) {
      const existing = stored.get(c.key);
      if (existing && existing.taxonomy_version >= file.version) continue;
      const fields = { category_key: c.category, name_az: c.name.az, name_en: c.name.en, description: c.description ?? null, attack_ids: JSON.stringify(c.attack ?? []), taxonomy_version: file.version };
      const version = (existing?.version ?? 0) + 1;
      if (existing) await store.updateClass(tx, c.key, { ...fields, version });
      else await store.insertClass(tx, { key: c.key, source: c.key.startsWith('enisa:') ? 'enisa' : 'strategy', ...fields, version, created_by: null });
      await store.insertVersion(tx, c.key, version, c, 'system');
      changed += 1;
    }
    if (changed > 0) await audit.record(tx, { actor: audit.systemActor, action: 'threat_taxonomy.load', details: { taxonomyVersion: file.version, classesChanged: changed } });
    return changed;
  });
}

export async function listCategories(db: Executor): Promise<ThreatCategory[]> {
  return (await store.categories(db)).map((r) => ({ key: r.key, source: r.source, name: { az: r.name_az, en: r.name_en } }));
}

export async function listClasses(db: Executor): Promise<ThreatClass[]> {
  return (await store.classes(db)).map(present);
}

/** The class a risk names; an unknown key is the caller's mistake (422). */
export async function requireClass(db: Executor, key: string): Promise<ThreatClass> {
  const row = await store.getClass(db, key);
  if (!row) throw new AppError('unprocessable', `Unknown threat class ${key}`, { threatClass: key });
  return present(row);
}

export async function history(db: Executor, key: string): Promise<{ version: number; snapshot: Record<string, unknown>; changedBy: string; at: Date }[]> {
  if (!(await store.getClass(db, key))) throw fail.notFound('Threat class');
  return (await store.versions(db, key)).map((v) => ({ version: v.version, snapshot: v.snapshot, changedBy: v.changed_by, at: v.at }));
}

export interface NewThreatClass {
  key: string;
  categoryKey: string;
  name: { az: string; en: string };
  description?: string;
  attack?: string[];
}

/** A coordinator's own class, keyed `custom:<key>`. */
export async function addClass(tx: Executor, actor: Actor, input: NewThreatClass): Promise<ThreatClass> {
  assertCoordinator(actor);
  const key = `custom:${input.key}`;
  if (await store.getClass(tx, key)) throw fail.conflict(`Threat class ${key} exists`);
  if (!(await store.categories(tx)).some((c) => c.key === input.categoryKey)) throw new AppError('unprocessable', `Unknown threat category ${input.categoryKey}`);
  await store.insertClass(tx, {
    key, category_key: input.categoryKey, source: 'custom', name_az: input.name.az, name_en: input.name.en, description: input.description ?? null,
    attack_ids: JSON.stringify(input.attack ?? []), version: 1, taxonomy_version: 0, created_by: actor.userId,
  });
  const created = present((await store.getClass(tx, key))!);
  await store.insertVersion(tx, key, 1, created, actor.username);
  await audit.record(tx, { actor: auditActor(actor), action: 'threat_class.create', targetType: 'threat_class', targetId: key, after: created });
  return created;
}

/** Changes a coordinators' class; reference classes change only through the data file. */
export async function updateClass(tx: Executor, actor: Actor, key: string, patch: Partial<Omit<NewThreatClass, 'key' | 'categoryKey'>>): Promise<ThreatClass> {
  assertCoordinator(actor);
  const row = await store.getClass(tx, key);
  if (!row) throw fail.notFound('Threat class');
  if (row.source !== 'custom') throw fail.conflict('Reference classes change through the taxonomy data file');
  const before = present(row);
  const version = row.version + 1;
  await store.updateClass(tx, key, {
    name_az: patch.name?.az, name_en: patch.name?.en, description: patch.description,
    attack_ids: patch.attack ? JSON.stringify(patch.attack) : undefined, version,
  });
  const after = present((await store.getClass(tx, key))!);
  await store.insertVersion(tx, key, version, after, actor.username);
  await audit.record(tx, { actor: auditActor(actor), action: 'threat_class.update', targetType: 'threat_class', targetId: key, before, after });
  return after;
}
