/**
 * Regenerates the README's reference tables from their single sources (the fault catalogue, the
 * config defaults), so they are never written twice. `npm run docs`; a test fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAULT_CATALOGUE } from '../emulator/control/faults.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

export function faultTable(): string {
  const rows = FAULT_CATALOGUE.map((f) => `| \`${f.id}\` | ${f.appliesTo} | ${f.description.replace(/\|/g, '\\|')} |`);
  return ['| fault | applies to | effect |', '|---|---|---|', ...rows].join('\n');
}

export function renderReadme(text: string): string {
  return replaceBetween(text, 'faults', faultTable());
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README, renderReadme(readFileSync(README, 'utf8')));
  console.log('README.md tables regenerated');
}
