import { describe, expect, it } from 'vitest';
import { Automaton, type Pattern } from '../src/engine/automaton.ts';
import { FieldScanner, ScanMemory } from '../src/engine/scanner.ts';
import { minLength, regexLiterals, regexPrecheck } from '../src/sigma/regex-literal.ts';

/** What the automaton must find: the naive test of every pattern on the lower-cased value. */
function naive(pats: Pattern[], s: string): number[] {
  const l = s.toLowerCase();
  const out = new Set<number>();
  for (const p of pats) {
    const ok = p.atStart && p.atEnd ? l === p.lit : p.atStart ? l.startsWith(p.lit) : p.atEnd ? l.endsWith(p.lit) : l.includes(p.lit);
    if (ok) for (const x of p.slots) out.add(x);
  }
  return [...out].sort((a, b) => a - b);
}

function found(ac: Pick<Automaton, 'scan'>, s: string): number[] {
  const out = new Set<number>();
  const sink = { mark: (xs: number[]) => xs.forEach((x) => out.add(x)) };
  if (!ac.scan(s, sink, false)) ac.scan(s.toLowerCase(), sink, true);
  return [...out].sort((a, b) => a - b);
}

describe('literal automaton', () => {
  it('finds exactly the eq/prefix/suffix/contains literals a naive test finds, in any case', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    const alphabet = ['a', 'b', 'A', 'B', '\\', ' ', 'é', 'É', 'İ', 'i', 'ς', 'Σ', '😀'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const pats: Pattern[] = Array.from({ length: 1 + rnd(40) }, (_, i) => {
        const kind = rnd(4);
        return { lit: word(1 + rnd(4)).toLowerCase(), atStart: kind === 1 || kind === 3, atEnd: kind === 2 || kind === 3, slots: [i] };
      });
      const ac = new Automaton(pats);
      // The field scanner too: it skips values shorter than its shortest literal.
      const sc = new FieldScanner();
      for (const p of pats) for (const slot of p.slots) sc.add(p.atStart && p.atEnd ? 'eq' : p.atStart ? 'prefix' : p.atEnd ? 'suffix' : 'contains', p.lit, slot);
      sc.build();
      for (let k = 0; k < 200; k++) {
        const s = word(rnd(12));
        expect(found(ac, s), JSON.stringify({ s, pats })).toEqual(naive(pats, s));
        expect(found(sc, s), JSON.stringify({ s, pats })).toEqual(naive(pats, s));
      }
    }
  });
});

describe('field scanner', () => {
  it('finds a literal that only the lower-cased value is long enough to hold (İ lower-cases to two characters)', () => {
    const sc = new FieldScanner();
    sc.add('eq', 'İ'.toLowerCase(), 1);
    sc.build();
    expect(found(sc, 'İ')).toEqual([1]);
    expect(found(sc, 'I')).toEqual([]);
  });
});

describe('scan memory', () => {
  /** Marks of one scan as the engine makes it: unfolded first, the lower-cased text if needed. */
  function marks(sc: FieldScanner, s: string): number[] {
    const out: number[] = [];
    const sink = { mark: (xs: number[]) => out.push(...xs) };
    if (!sc.scan(s, sink, false)) sc.scan(s.toLowerCase(), sink, true);
    return [...new Set(out)].sort((a, b) => a - b);
  }
  const scanner = (memory: ScanMemory | null) => {
    const sc = new FieldScanner(memory);
    sc.add('contains', 'evil', 1);
    sc.add('suffix', '.exe', 2);
    sc.add('eq', 'çalışan qovluğu', 3);
    sc.add('prefix', 'c:\\', 4);
    sc.build();
    return sc;
  };

  it('answers a repeated value as a fresh scan would, whatever its case or script, and forgets when the budget is spent', () => {
    // 12 characters or more: shorter values are never remembered.
    const values = ['C:\\Temp\\Evil.EXE', 'ÇALIŞAN QOVLUĞU', 'çalışan qovluğu', 'C:\\Windows\\notepad.exe', 'Çalışan qovluğu', 'EVIL çalışan qovluğu'];
    const plain = scanner(null);
    const memory = new ScanMemory(2_000);
    const remembering = scanner(memory);
    for (let round = 0; round < 40; round++) {
      for (const v of values) expect(marks(remembering, v), `${v} in round ${round}`).toEqual(marks(plain, v));
      // Values seen twice are remembered and spend the budget.
      const another = `record ${round} ${'x'.repeat(round * 10)}`;
      marks(remembering, another);
      marks(remembering, another);
    }
    expect(memory.epoch).toBeGreaterThan(0);
  });
});

describe('regex required literals', () => {
  it('takes the longest unquantified plain run of each top-level alternative', () => {
    expect(regexLiterals(/ipconfig\s+\/all/)).toEqual(['ipconfig']);
    expect(regexLiterals(/Get-Item.*Pass/i)).toEqual(['get-item']);
    expect(regexLiterals(/foo|barr/)).toEqual(['foo', 'barr']);
    expect(regexLiterals(/a{2}bcd/)).toEqual(['bcd']);
    expect(regexLiterals(/abcd?/)).toEqual(['abc']);
    expect(regexLiterals(/abc?/)).toBeNull();
    expect(regexLiterals(/(foo|bar)bazz/)).toEqual(['bazz']);
    expect(regexLiterals(/\x41\x42\x43\x44/)).toBeNull();
    expect(regexLiterals(/\cAbcd/)).toEqual(['bcd']);
    expect(regexLiterals(/[abc]def+/)).toBeNull();
    expect(regexLiterals(/fo|barr/)).toBeNull();
  });
});

describe('regex precheck', () => {
  it('computes a lower bound of the match length', () => {
    expect(minLength('.{1000,}')).toBe(1000);
    expect(minLength('ab?c*d+')).toBe(2);
    expect(minLength('(?:abc|de){2}x')).toBe(5);
    expect(minLength('(?<=foo)bar(?!baz)')).toBe(3);
    expect(minLength('^\\$\\{[a-z]\\}$')).toBe(4);
    expect(minLength('(a)\\1')).toBe(1);
    expect(minLength('x|')).toBe(0);
  });

  it('never refuses a string the regex matches', () => {
    const cases: [RegExp, string[], string[]][] = [
      [/\w+`(?:\w+|-|.)`[\w+|\s]/, ['IN`V`o`Ke-eXp'], ['Invoke-Expression']],
      [/.{10,}/, ['0123456789'], ['012345678']],
      [/"(?:\{\d\})+"\s*-f/, ['"{2}{0}" -f'], ['{2}{0} -f']],
      [/\$\{`?e`?n`?v`?:`?p`?a`?t`?h`?\}/i, ['${E`Nv:pATh}'], ['$env:path']],
      [/a:c|d-e/i, ['A:C', 'D-E'], ['xyz', 'a.c']],
    ];
    for (const [re, yes, no] of cases) {
      const possible = regexPrecheck(re);
      for (const s of yes) expect(possible(s) && re.test(s), `${re} on ${s}`).toBe(true);
      for (const s of no) expect(possible(s), `${re} refuses ${s}`).toBe(false);
    }
  });
});
