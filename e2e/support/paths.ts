/** Where things are, for the end-to-end suites. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(repoRoot, 'web');
export const webDistDir = path.join(repoRoot, 'dist', 'web');
