/**
 * Names in both languages for what incident statistics are grouped by: taxonomy classes, sectors,
 * organisations, severities and statuses, so exports read as the web pages do. The names of
 * severities, statuses and missing keys are the web's own (web/i18n/incidents), read once: one
 * list for both sides.
 */
import fs from 'node:fs';
import type { Executor } from '../../db/database.ts';
import { labelsOf } from '../identity/organisations.service.ts';
import { sectorName } from '../identity/sectors.service.ts';
import { listTaxonomy } from './taxonomy.ts';

export interface Bilingual {
  az: string;
  en: string;
}

type Named = Record<string, Record<string, string>>;
const webNames = (lang: 'az' | 'en'): Named => JSON.parse(fs.readFileSync(new URL(`../../../web/i18n/incidents/${lang}.json`, import.meta.url), 'utf8')) as Named;
const web = { az: webNames('az'), en: webNames('en') };

const both = (name: (lang: 'az' | 'en') => string | undefined, key: string): Bilingual => ({ az: name('az') ?? key, en: name('en') ?? key });

/** The dimensions of the incident statistics, each a function from a group key to its names. */
export async function dimensionLabels(db: Executor, organisationIds: readonly string[]) {
  const [classes, organisations] = await Promise.all([listTaxonomy(db), labelsOf(db, organisationIds)]);
  const classNames = new Map(classes.map((c) => [c.key, c.name]));
  return {
    class: (key: string) => (key === 'unclassified' ? both((lang) => web[lang].metrics?.unclassified, key) : classNames.get(key) ?? { az: key, en: key }),
    sector: (key: string) => both((lang) => (key === 'unknown' ? web[lang].metrics?.unknownSector : sectorName(key, lang)), key),
    organisation: (key: string) => {
      const o = organisations.get(key);
      return o ? { az: `${o.acronym} — ${o.name.az}`, en: `${o.acronym} — ${o.name.en}` } : { az: key, en: key };
    },
    severity: (key: string) => both((lang) => web[lang].severity?.[key], key),
    status: (key: string) => both((lang) => web[lang].status?.[key], key),
    month: (key: string) => ({ az: key, en: key }),
  };
}
