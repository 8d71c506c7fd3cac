import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listSectors } from './sectors.service.ts';

// Parity between the seed's acronym list ("Akronimlər") and the organisations seed data:
// the agencies are real records from the first start, so a typo in a name must fail here.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const seedPath = path.resolve(repoRoot, '../shared/seed/000_c59f6b89020231e2.txt');
const yamlPath = path.join(here, 'data/organisations.yaml');

interface OrgEntry {
  acronym: string;
  kind: string;
  sector: string;
  parent: string | null;
  nationalCert?: boolean;
  name: { az: string; en: string };
}

const KINDS = ['coordinating_agency', 'cert', 'soc', 'cii_operator', 'ict_provider', 'law_enforcement', 'state_body', 'other'];

/** Reads "ACRONYM – name" lines after the "Akronimlər" heading until the first line that is not one. */
function seedAcronyms(text: string): Map<string, string> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === 'Akronimlər');
  if (start < 0) throw new Error('seed has no "Akronimlər" heading');
  const out = new Map<string, string>();
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (!line) {
      if (out.size === 0) continue;
      break;
    }
    const m = /^(\S+) – (.+)$/u.exec(line);
    if (!m) break;
    out.set(m[1], m[2].trim());
  }
  return out;
}

const seed = seedAcronyms(readFileSync(seedPath, 'utf8'));
const orgs = parse(readFileSync(yamlPath, 'utf8')) as OrgEntry[];

describe('organisations.yaml', () => {
  it('the seed lists 23 agencies', () => {
    expect(seed.size).toBe(23);
  });

  it('holds every seed agency with the seed Azerbaijani name, and nothing else but the National CERT', () => {
    const data = new Map(orgs.filter((o) => !o.nationalCert).map((o) => [o.acronym, o.name.az]));
    expect(Object.fromEntries(data)).toEqual(Object.fromEntries(seed));
  });

  it('has exactly one National CERT, under XRİTDX', () => {
    const certs = orgs.filter((o) => o.nationalCert === true);
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({ acronym: 'MİLLİ-CERT', kind: 'cert', parent: 'XRİTDX' });
  });

  it('entries are well-formed: unique acronyms, known kinds and sectors, parents that exist, English names', () => {
    const acronyms = orgs.map((o) => o.acronym);
    expect(new Set(acronyms).size).toBe(acronyms.length);
    for (const o of orgs) {
      expect(KINDS, o.acronym).toContain(o.kind);
      expect(listSectors().map((s) => s.slug), o.acronym).toContain(o.sector);
      if (o.parent !== null) expect(acronyms, o.acronym).toContain(o.parent);
      expect(o.name.en.length, o.acronym).toBeGreaterThan(5);
      const keys = Object.keys(o).filter((k) => k !== 'nationalCert').sort();
      expect(keys, o.acronym).toEqual(['acronym', 'kind', 'name', 'parent', 'sector']);
    }
  });
});
