/**
 * Sectors: one vocabulary for organisations, CII objects, risks, advisories and early-warning
 * profiles, so that matching and statistics compare like with like and every label can be shown
 * in both languages. Slugs are stable identifiers stored in the other modules' rows; rows written
 * before this list existed may hold other text, which is shown as it is, never rewritten.
 */
import { fail } from '../../lib/errors.ts';

export interface Sector {
  slug: string;
  name: { az: string; en: string };
}

const entry = (slug: string, az: string, en: string): Sector => ({ slug, name: { az, en } });

/** The critical-infrastructure sectors first (strategy 6.4, 8.4), then the agencies' own fields. */
const sectors: readonly Sector[] = Object.freeze([
  entry('energy', 'Enerji', 'Energy'),
  entry('finance', 'Maliyyə', 'Finance'),
  entry('banking', 'Bank sektoru', 'Banking'),
  entry('telecom', 'Telekommunikasiya və İKT', 'Telecommunications and ICT'),
  entry('transport', 'Nəqliyyat', 'Transport'),
  entry('health', 'Səhiyyə', 'Health'),
  entry('water', 'Su təchizatı', 'Water supply'),
  entry('government', 'Dövlət idarəçiliyi', 'Public administration'),
  entry('emergency', 'Fövqəladə hallar', 'Emergency services'),
  entry('industry', 'Sənaye', 'Industry'),
  entry('agriculture', 'Kənd təsərrüfatı və ərzaq', 'Agriculture and food'),
  entry('defence', 'Müdafiə', 'Defence'),
  entry('security', 'Dövlət təhlükəsizliyi', 'State security'),
  entry('intelligence', 'Kəşfiyyat', 'Intelligence'),
  entry('interior', 'Daxili işlər', 'Internal affairs'),
  entry('justice', 'Ədliyyə', 'Justice'),
  entry('customs', 'Gömrük', 'Customs'),
  entry('foreign', 'Xarici əlaqələr', 'Foreign affairs'),
  entry('economy', 'İqtisadiyyat', 'Economy'),
  entry('business', 'Sahibkarlıq', 'Business'),
  entry('labour', 'Əmək və sosial müdafiə', 'Labour and social protection'),
  entry('family', 'Ailə, qadın və uşaq məsələləri', 'Family, women and children'),
  entry('education', 'Təhsil', 'Education'),
  entry('science', 'Elm', 'Science'),
  entry('culture', 'Mədəniyyət', 'Culture'),
  entry('media', 'Media', 'Media'),
  entry('standards', 'Standartlaşdırma', 'Standardisation'),
].map((s) => Object.freeze(s)));

const bySlug = new Map(sectors.map((s) => [s.slug, s]));

/** Every sector, in the order forms offer them. */
export function listSectors(): readonly Sector[] {
  return sectors;
}

/** A stored sector's name in `lang` for documents; a value outside the vocabulary is given back as it is. */
export function sectorName(slug: string, lang: 'az' | 'en'): string {
  return bySlug.get(slug)?.name[lang] ?? slug;
}

/**
 * Refuses a write that names a sector outside the vocabulary; `field` is the body's JSON path,
 * so the problem points at the value to correct. The record's own stored values (`kept`) pass,
 * so an old record's free text does not block a change to its other fields.
 */
export function assertSectors(field: string, values: readonly (string | null | undefined)[], kept: readonly (string | null)[] = []): void {
  const unknown = values.filter((v): v is string => typeof v === 'string' && !bySlug.has(v) && !kept.includes(v));
  if (unknown.length === 0) return;
  const errors = unknown.map((value) => ({ path: field, message: `unknown sector "${value}"` }));
  throw fail.validation(errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors, unknownSectors: unknown });
}
