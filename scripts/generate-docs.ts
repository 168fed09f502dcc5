/**
 * Regenerates the README's reference tables from their single sources (the fault catalogue, the control API's
 * route table), so they are never written twice. `npm run docs`; a test fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../emulator/app.js';
import { FAULT_CATALOGUE } from '../emulator/control/faults.js';
import { controlRouteTable } from '../emulator/control/routes.js';
import { tenantRoutes } from '../emulator/tenants/routes.js';
import type { ControlRoute } from '../emulator/control/route-table.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

export function faultTable(): string {
  const rows = FAULT_CATALOGUE.map((f) => `| \`${f.id}\` | ${f.appliesTo} | ${f.description.replace(/\|/g, '\\|')} |`);
  return ['| fault | applies to | effect |', '|---|---|---|', ...rows].join('\n');
}

/** The control API's routes, one row each, in the order of the route table (as `GET /_emulator/openapi.json`). */
export function controlTable(routes: readonly ControlRoute[]): string {
  const rows = routes.map((r) => {
    const query = r.query ? `?${Object.keys(r.query).map((q) => `${q}=`).join('&')}` : '';
    const statuses = Object.keys(r.responses).join(', ');
    return `| \`${r.method.toUpperCase()} /_emulator${r.path}${query}\` | ${r.summary.replace(/\|/g, '\\|')} | ${statuses} |`;
  });
  return ['| method and path | what it does | answers |', '|---|---|---|', ...rows].join('\n');
}

/** The control API's route table, read from an emulator in memory (its handlers are never called). */
export async function controlRoutesForDocs(): Promise<ControlRoute[]> {
  const e = await createEmulator({});
  try {
    return controlRouteTable(e.context, { reset: e.reset, personas: e.personas, rootRoutes: tenantRoutes(e.tenants) });
  } finally {
    await e.close();
  }
}

export function renderReadme(text: string, routes: readonly ControlRoute[]): string {
  return replaceBetween(replaceBetween(text, 'faults', faultTable()), 'control-api', controlTable(routes));
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
  writeFileSync(README, renderReadme(readFileSync(README, 'utf8'), await controlRoutesForDocs()));
  console.log('README.md tables regenerated');
}
