/**
 * `npm run fidelity -- <specs folder> [name filter]`: starts an emulator in-process, runs every probe in
 * scripts/fidelity/probes/*.ts (each file default-exports Probe[]; see scripts/fidelity/probe.ts) and checks each
 * response against HMRC's published schema for it. Prints one PASS/FAIL line per probe (with the schema errors) and `N passed, M failed`; exits 1
 * on any failure or when the specs folder is missing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start } from '../emulator/server.js';
import { createFidelityEnv } from './fidelity/env.js';
import type { Probe, ProbeResult } from './fidelity/probe.js';
import { SchemaLoader } from './fidelity/schemas.js';

const PROBES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fidelity', 'probes');

async function main(): Promise<number> {
  const [folder, filter] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: npm run fidelity -- <folder of HMRC specs, e.g. ../shared/hmrc-api-specs> [probe name filter]');
    return 1;
  }
  const specs = resolve(folder);
  if (!existsSync(specs) || !statSync(specs).isDirectory()) {
    console.error(`specs folder not found: ${specs}`);
    return 1;
  }

  const { probes, broken } = await discoverProbes();
  const selected = probes.filter((p) => !filter || p.name.toLowerCase().includes(filter.toLowerCase()));
  const sandbox = await start({ port: 0, seed: 'fidelity', throttle: { requestsPerSecond: 100_000 }, log: false });
  let passed = 0;
  let failed = broken.length;
  for (const line of broken) console.log(line);
  try {
    const env = createFidelityEnv(sandbox.baseUrl, specs, sandbox.personas, sandbox.applications[0]!);
    const schemas = new SchemaLoader(specs);
    for (const probe of selected) {
      const problems = await runProbe(probe, env, schemas);
      if (problems.length === 0) {
        passed++;
        console.log(`PASS ${probe.name}`);
      } else {
        failed++;
        console.log(`FAIL ${probe.name}: ${problems.join('; ')}`);
      }
    }
  } finally {
    await sandbox.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

async function runProbe(probe: Probe, env: ReturnType<typeof createFidelityEnv>, schemas: SchemaLoader): Promise<string[]> {
  let result: ProbeResult;
  try {
    result = await probe.run(env);
  } catch (e) {
    return [`probe threw: ${(e as Error).message}`];
  }
  const problems = [...(result.problems ?? [])];
  if (result.status !== undefined) {
    const ok = result.expectStatus !== undefined ? result.status === result.expectStatus : result.status >= 200 && result.status < 300;
    if (!ok) problems.push(`status ${result.status}, expected ${result.expectStatus ?? '2xx'}; body ${JSON.stringify(result.body)?.slice(0, 300)}`);
  }
  if (result.schema) {
    try {
      problems.push(...schemas.check(result.schema)(result.body));
    } catch (e) {
      problems.push(`schema ${result.schema.file}${result.schema.pointer ?? ''}: ${(e as Error).message}`);
    }
  }
  return problems;
}

async function discoverProbes(): Promise<{ probes: Probe[]; broken: string[] }> {
  const probes: Probe[] = [];
  const broken: string[] = [];
  const files = existsSync(PROBES_DIR) ? readdirSync(PROBES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts')).sort() : [];
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(join(PROBES_DIR, file)).href)) as { default?: unknown };
      const list = mod.default;
      if (!Array.isArray(list) || !list.every((p) => typeof p?.name === 'string' && typeof p?.run === 'function')) {
        broken.push(`FAIL probes/${file}: default export must be Probe[] (see scripts/fidelity/probe.ts)`);
        continue;
      }
      probes.push(...(list as Probe[]));
    } catch (e) {
      broken.push(`FAIL probes/${file}: cannot be loaded: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { probes, broken };
}

process.exitCode = await main();
