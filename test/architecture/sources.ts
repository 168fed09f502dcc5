import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module specifier in a TypeScript source: `import … from`, `export … from`, `import '…'`, `import('…')`. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** The `.ts` files under `dir` (repository-relative, `/`-separated), with or without the tests, and their text. */
export function sources(dir: string, options: { tests: boolean }): { path: string; source: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => posix.join(dir, f.split('\\').join('/')))
    .filter((f) => f.endsWith('.ts') && (options.tests || !f.endsWith('.test.ts')) && !f.split('/').includes('node_modules'))
    .map((path) => ({ path, source: readFileSync(join(ROOT, path), 'utf8') }));
}
