import path from 'node:path';
import type { Rejection } from '../sigma/rule-types.ts';

/**
 * Renders rejected rules as the Markdown list kept in `corpus-rejections.md`; the corpus test
 * compares this text with the committed file so the file cannot drift from the truth.
 */
export function renderRejections(rejected: Rejection[], base: string): string {
  const rows = rejected
    .map((r) => `- \`${path.relative(base, r.file).split(path.sep).join('/')}\` (${r.id ?? 'no id'}): ${r.reason.replace(/\s+/g, ' ')}`)
    .sort();
  return [
    '# Corpus rules that do not load',
    '',
    'Generated from the corpus test (`packages/detect-engine/test/corpus.test.ts`); the test fails',
    'when this list differs from what the engine actually rejects. The goal is an empty list.',
    '',
    `${rejected.length} rejected.`,
    '',
    ...rows,
    '',
  ].join('\n');
}
