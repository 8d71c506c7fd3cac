/**
 * Parser of the strategy's action-plan table (section 8, "Tədbirlər planı") from the seed's
 * PDF-extracted text. It exists so that the hand-written reference data (data/action-plan.yaml)
 * can be checked against the seed itself: same items, titles, agencies and periods.
 *
 * The extraction interleaves the table's columns; what survives reliably is: each item starts
 * a line with its id ("8.2.1.3. …"), its title is the first paragraph (sometimes with the lead
 * acronym glued to its last line), the agencies are the only acronyms in the row, "(tövsiyə
 * olunur)" follows the agency it qualifies, and the period is the first year range, single year
 * or "mütəmadi"/"müntəzəm" after the title. Indicators are too scrambled to parse and are not.
 */

/** The period column of a measure as written in the seed. */
export type SeedPeriod = { from: number; to: number } | { ongoing: true; text: string };

/** One row (or heading row) of the section 8 table, as read from the seed. */
export interface SeedItem {
  id: string;
  kind: 'priority' | 'goal' | 'measure';
  /** Azerbaijani title, whitespace collapsed and line-break hyphenation joined back. */
  title: string;
  lead: string[];
  coExecutors: { acronym: string; recommended: boolean }[];
  /** Executors named without an acronym (e.g. "İnfrastruktur subyektləri"). */
  otherExecutors: string[];
  period: SeedPeriod | null;
  /** A measure's other cells (agencies, period, indicator fragments): raw non-empty lines. */
  cells: string;
}

/** Misspellings of acronyms in the seed, mapped to the acronym list's spelling. */
export const ACRONYM_ALIASES: Readonly<Record<string, string>> = { RINN: 'RİNN' };

/** Executors the table names in words rather than by acronym. */
export const NAMED_EXECUTORS: readonly string[] = ['İnfrastruktur subyektləri'];

/** Words whose trailing hyphen at a line break is a real hyphen, not a word split. */
const COMPOUND_PREFIXES = ['qeyri', 'layihə'];

/** Title lines this long after the first paragraph are the title resuming after other columns. */
const TITLE_LINE_MIN = 40;

const ID_LINE = /^\s*(8(?:\.\d+){1,3})\.\s+(.*)$/u;
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/u;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Joins extracted lines into one string, undoing line-break hyphenation. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out.endsWith('-')) {
      const word = /(\p{L}+)-$/u.exec(out)?.[1] ?? '';
      out = COMPOUND_PREFIXES.includes(word.toLowerCase()) ? out + line : out.slice(0, -1) + line;
    } else out = out ? `${out} ${line}` : line;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Splits the table text into one block of lines per item id. */
function blocks(text: string): { id: string; lines: string[] }[] {
  const all = text.split(/\r?\n/u);
  const start = all.findIndex((l) => /^\s*8\.1\.\s+Prioritet 1\./u.test(l));
  const end = all.findIndex((l, i) => i > start && l.trim() === 'Akronimlər');
  if (start < 0 || end < 0) throw new Error('seed: section 8 table not found');
  const out: { id: string; lines: string[] }[] = [];
  // The last row runs over the page that holds the acronym list: its tail follows that list.
  const tail = all.slice(end + 1).filter((l) => !/^\s*\S+ – /u.test(l));
  for (const line of [...all.slice(start, end), ...tail]) {
    const m = ID_LINE.exec(line);
    if (m) out.push({ id: m[1], lines: [m[2]] });
    else out.at(-1)!.lines.push(PAGE_NUMBER.test(line) ? '' : line);
  }
  return out;
}

/** Parses section 8 of the seed. `acronyms` are the agencies of the seed's acronym list. */
export function parseActionPlanSeed(text: string, acronyms: readonly string[]): SeedItem[] {
  const known = [...acronyms, ...Object.keys(ACRONYM_ALIASES)].sort((a, b) => b.length - a.length);
  const acr = `(?<![\\p{L}\\p{N}])(${known.map(esc).join('|')})(?![\\p{L}\\p{N}])`;
  const isAcronym = (w: string) => known.includes(w.replace(/,$/u, ''));
  const list = blocks(text);
  return list.map(({ id, lines }, i): SeedItem => {
    const depth = id.split('.').length;
    const hasChildren = list[i + 1]?.id.startsWith(`${id}.`) ?? false;
    const base = { id, lead: [], coExecutors: [], otherExecutors: [], period: null, cells: '' };
    if (depth === 2) {
      const m = /^Prioritet (\d+)\.\s*(.*)$/u.exec(joinLines(lines));
      if (!m || `8.${m[1]}` !== id) throw new Error(`seed: priority ${id} has no "Prioritet" heading`);
      return { ...base, kind: 'priority', title: m[2] };
    }
    if (hasChildren) return { ...base, kind: 'goal', title: joinLines(lines) };
    return { ...parseMeasure(id, lines, acr, isAcronym), kind: 'measure' };
  });
}

function parseMeasure(id: string, lines: string[], acr: string, isAcronym: (w: string) => boolean) {
  const firstBlank = lines.findIndex((l) => !l.trim());
  const para = lines.slice(0, firstBlank < 0 ? lines.length : firstBlank);
  const rest = lines.slice(para.length);
  // The lead acronym (sometimes with a co-executor and the period) may end the last title line.
  const words = para[para.length - 1].trim().split(/\s+/u);
  const tail: string[] = [];
  while (words.length > 1 && (isAcronym(words.at(-1)!) || /^(mütəmadi|müntəzəm)$/u.test(words.at(-1)!))) {
    tail.unshift(words.pop()!);
  }
  para[para.length - 1] = words.join(' ');
  const resumed = rest.filter((l) => l.trim().length >= TITLE_LINE_MIN);
  const title = joinLines([...para, ...resumed]);
  const raw = [tail.join(' '), ...rest.filter((l) => !resumed.includes(l))].map((l) => l.trim()).filter(Boolean);
  const cells = joinLines(raw);

  const agencies: { acronym: string; recommended: boolean }[] = [];
  const otherExecutors: string[] = [];
  const named = NAMED_EXECUTORS.map(esc).join('|');
  const re = new RegExp(`${acr}|\\(tövsiyə olunur\\)|(${named})`, 'gu');
  for (const m of cells.matchAll(re)) {
    // In the seed a lead stands alone; "X, Y" first would be several leads we cannot tell apart.
    if (m[1] && !agencies.length && cells[m.index + m[1].length] === ',') {
      throw new Error(`seed: measure ${id}: the lead column seems to list several agencies`);
    }
    if (m[1]) agencies.push({ acronym: ACRONYM_ALIASES[m[1]] ?? m[1], recommended: false });
    else if (m[2]) otherExecutors.push(m[2]);
    else if (agencies.length) agencies[agencies.length - 1].recommended = true;
    else throw new Error(`seed: ${id}: "(tövsiyə olunur)" before any agency`);
  }
  if (!agencies.length) throw new Error(`seed: measure ${id} names no agency`);
  const [lead, ...coExecutors] = agencies;
  return { id, title, lead: [lead.acronym], coExecutors, otherExecutors, period: parsePeriod(id, cells), cells: raw.join('\n') };
}

/** The first period expression of a row: "2023 – 2024", "2024", or an ongoing word. */
function parsePeriod(id: string, cells: string): SeedPeriod {
  const m = /(?<!\d)(20\d\d)(?:\s*–\s*(20\d\d))?(?!\d)|(mütəmadi|müntəzəm)/u.exec(cells);
  if (!m) throw new Error(`seed: measure ${id} has no period`);
  if (m[3]) return { ongoing: true, text: m[3] };
  return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
}
