// Copies the files the built code reads beside itself into dist/, so that dist/ (with fixtures/) is everything the
// package needs at run time: the page templates (`emulator/**/templates/*.njk`, found by pages.ts's templateDir) and
// the JSON report's schema. Run by `npm run build` after tsc, which copies nothing but what it compiles.
import { cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const copied = [];
for (const file of readdirSync(join(ROOT, 'emulator'), { recursive: true, encoding: 'utf8' })) {
  if (/[\\/]templates[\\/][^\\/]+\.njk$/.test(file) || /[\\/]static[\\/][^\\/]+$/.test(file)) copied.push(join('emulator', file));
}
copied.push('conformance/reporters/report.schema.json');
for (const file of copied) cpSync(join(ROOT, file), join(ROOT, 'dist', file), { force: true });
if (!copied.some((f) => f.endsWith('layout.njk'))) throw new Error(`copy-assets: no layout.njk among ${copied.length} files under ${dirname(ROOT)}`);
