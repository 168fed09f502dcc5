/**
 * `npm run fidelity -- <specs folder> [name filter] [--json FILE]`: starts an emulator in-process, runs every probe
 * in scripts/fidelity/probes/*.ts (each file default-exports Probe[]; see scripts/fidelity/probe.ts) and checks each
 * response against HMRC's published schema for it. Prints one PASS/FAIL line per probe (with the schema errors),
 * the differences between responses and HMRC's examples (reported, not failed), the coverage of every operation
 * of every `application.yaml` under the specs folder (per API, then `operations: N, emulated: E, probed: P,
 * failures: F`) and `N passed, M failed`. `--json FILE` writes all of it as JSON. Exits 1 on any probe failure or
 * when the specs folder is missing.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start } from '../emulator/server.js';
import { acceptVersion, computeCoverage, formatTotals, operationFor, type ProbeOutcome } from './fidelity/coverage.js';
import { compareWithExamples, enumFieldsOf } from './fidelity/differences.js';
import { isServed } from './fidelity/emulated.js';
import { createFidelityEnv } from './fidelity/env.js';
import type { FidelityEnv, Probe, ProbeResponse, ProbeResult, RequestInit } from './fidelity/probe.js';
import { SchemaLoader } from './fidelity/schemas.js';
import { SpecFiles } from './fidelity/spec-files.js';
import { DEFAULT_SCENARIO, loadOperations, responseExamples, type SpecOperation } from './fidelity/spec-operations.js';

const PROBES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fidelity', 'probes');

interface Call {
  method: string;
  path: string;
  init: RequestInit;
  response: ProbeResponse;
}

interface Difference {
  probe: string;
  api: string;
  version: string;
  method: string;
  path: string;
  scenario: string;
  status: number;
  example: string;
  differences: string[];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt === -1 ? undefined : args[jsonAt + 1];
  if (jsonAt !== -1) args.splice(jsonAt, 2);
  const [folder, filter] = args;
  if (!folder || (jsonAt !== -1 && !jsonFile)) {
    console.error('usage: npm run fidelity -- <folder of HMRC specs, e.g. ../shared/hmrc-api-specs> [probe name filter] [--json FILE]');
    return 1;
  }
  const specs = resolve(folder);
  if (!existsSync(specs) || !statSync(specs).isDirectory()) {
    console.error(`specs folder not found: ${specs}`);
    return 1;
  }

  const files = new SpecFiles();
  const { operations, unreadable } = loadOperations(specs, files);
  const { probes, broken } = await discoverProbes();
  const selected = probes.filter((p) => !filter || p.name.toLowerCase().includes(filter.toLowerCase()));
  const sandbox = await start({ port: 0, seed: 'fidelity', throttle: { requestsPerSecond: 100_000 }, log: 'off' });
  // A probe file that cannot be loaded, or a spec file that cannot be read (e.g. a new kind of Handlebars directive), fails the run.
  const unusable = [...broken, ...unreadable.map((u) => ({ file: `spec ${u.file}`, problem: u.problem }))];
  const results: Array<{ probe: string; passed: boolean; problems: string[]; operation?: string; scenario?: string; status?: number }> = unusable.map((b) => ({ probe: b.file, passed: false, problems: [b.problem] }));
  const outcomes: ProbeOutcome[] = unusable.map((b) => ({ probe: b.file, passed: false, schemaChecked: false }));
  const differences: Difference[] = [];
  const served = new Set<SpecOperation>();
  for (const b of unusable) console.log(`FAIL ${b.file}: ${b.problem}`);
  try {
    for (const op of operations) if (await isServed(sandbox.baseUrl, op)) served.add(op);
    const calls: Call[] = [];
    const env = recording(createFidelityEnv(sandbox.baseUrl, specs, sandbox.personas, sandbox.applications[0]!), calls);
    const schemas = new SchemaLoader(specs, files);
    for (const probe of selected) {
      calls.length = 0;
      const { result, problems } = await runProbe(probe, env, schemas);
      const passed = problems.length === 0;
      console.log(passed ? `PASS ${probe.name}` : `FAIL ${probe.name}: ${problems.join('; ')}`);
      const call = (result && calls.findLast((c) => c.response.body === result.body && c.response.status === result.status)) ?? calls.at(-1);
      const scenario = call ? scenarioOf(call.init) : DEFAULT_SCENARIO;
      const request = call && { method: call.method, path: call.path, version: acceptVersion(call.init.accept ?? 'application/vnd.hmrc.1.0+json'), scenario };
      outcomes.push({ probe: probe.name, passed, request, status: result?.status, schemaChecked: Boolean(result?.schema) });
      const op = request && operationFor(operations, request.method, request.path, request.version);
      results.push({ probe: probe.name, passed, problems, ...(op ? { operation: `${op.api} ${op.version} ${op.method} ${op.path}`, scenario } : {}), status: result?.status });
      if (op && result?.status !== undefined) {
        const difference = differenceFor(specs, files, schemas, op, result, /\/(\d{4}-\d{2})(?=[/?]|$)/.exec(request.path)?.[1]);
        if (difference?.differences.length) differences.push({ probe: probe.name, api: op.api, version: op.version, method: op.method, path: op.path, scenario, status: result.status, ...difference });
      }
    }
  } finally {
    await sandbox.stop();
  }

  const coverage = computeCoverage(operations, (op) => served.has(op), outcomes);
  if (differences.length) {
    console.log(`\ndifferences from HMRC's examples (${differences.length} responses; reported, not failed):`);
    for (const d of differences) console.log(`  ${d.api} ${d.version} ${d.method} ${d.path} [${d.scenario}, ${d.status}] vs example "${d.example}" (${d.probe}): ${d.differences.join('; ')}`);
  }
  console.log('\ncoverage:');
  for (const a of coverage.apis) console.log(`  ${a.api} ${a.version}: ${formatTotals(a)}; Gov-Test-Scenario values probed: ${a.scenarios.probed} of ${a.scenarios.documented}`);
  console.log(formatTotals(coverage.totals));
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  if (jsonFile) {
    writeFileSync(resolve(jsonFile), `${JSON.stringify({ passed, failed, probes: results, coverage, differences }, null, 2)}\n`);
    console.log(`wrote ${resolve(jsonFile)}`);
  }
  return failed > 0 ? 1 : 0;
}

/** The env with every `request` remembered, so that a probe's response can be traced to the operation it called. */
function recording(env: FidelityEnv, calls: Call[]): FidelityEnv {
  return {
    ...env,
    async request(method, path, init = {}) {
      const response = await env.request(method, path, init);
      calls.push({ method, path, init, response });
      return response;
    },
  };
}

function scenarioOf(init: RequestInit): string {
  const header = Object.entries(init.headers ?? {}).find(([k]) => k.toLowerCase() === 'gov-test-scenario');
  return header?.[1] || DEFAULT_SCENARIO;
}

function differenceFor(specs: string, files: SpecFiles, schemas: SchemaLoader, op: SpecOperation, result: ProbeResult, taxYear?: string): { example: string; differences: string[] } | undefined {
  const examples = responseExamples(specs, files, op, String(result.status));
  let enums = new Set<string>();
  try {
    if (result.schema) enums = enumFieldsOf(schemas.schemaOf(result.schema));
  } catch {
    // the schema problem is already a failure of the probe
  }
  return compareWithExamples(result.body, examples, enums, taxYear && `TY ${taxYear}`);
}

async function runProbe(probe: Probe, env: FidelityEnv, schemas: SchemaLoader): Promise<{ result?: ProbeResult; problems: string[] }> {
  let result: ProbeResult;
  try {
    result = await probe.run(env);
  } catch (e) {
    return { problems: [`probe threw: ${(e as Error).message}`] };
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
  return { result, problems };
}

async function discoverProbes(): Promise<{ probes: Probe[]; broken: Array<{ file: string; problem: string }> }> {
  const probes: Probe[] = [];
  const broken: Array<{ file: string; problem: string }> = [];
  const files = existsSync(PROBES_DIR) ? readdirSync(PROBES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts')).sort() : [];
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(join(PROBES_DIR, file)).href)) as { default?: unknown };
      const list = mod.default;
      if (!Array.isArray(list) || !list.every((p) => typeof p?.name === 'string' && typeof p?.run === 'function')) {
        broken.push({ file: `probes/${file}`, problem: 'default export must be Probe[] (see scripts/fidelity/probe.ts)' });
        continue;
      }
      probes.push(...(list as Probe[]));
    } catch (e) {
      broken.push({ file: `probes/${file}`, problem: `cannot be loaded: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  return { probes, broken };
}

process.exitCode = await main();
