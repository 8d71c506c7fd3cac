/**
 * The web app's translation files: the same keys in Azerbaijani and English, no empty text,
 * and every literal key the sources ask for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webDir } from './support/paths.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function readTree(file: string): Tree {
  return JSON.parse(readFileSync(file, 'utf8')) as Tree;
}

/** The shared file plus each module's own i18n/<module>/<language>.json under the key <module>. */
function load(language: string): Map<string, string> {
  const dir = path.join(webDir, 'i18n');
  const tree = readTree(path.join(dir, `${language}.json`));
  for (const module of readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory())) {
    tree[module] = readTree(path.join(dir, module, `${language}.json`));
  }
  return flatten(tree);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('the web translation files', () => {
  const az = load('az');
  const en = load('en');

  it('have the same keys in Azerbaijani and English', () => {
    expect([...en.keys()].sort()).toEqual([...az.keys()].sort());
  });

  it('have no empty texts', () => {
    const empty = [...az, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('contain every literal key the web sources use', () => {
    const used = sourceFiles(path.join(webDir, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !az.has(key))).toEqual([]);
  });
});
