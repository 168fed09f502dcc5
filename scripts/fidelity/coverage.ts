import { bestTemplate } from './path-template.js';
import { DEFAULT_SCENARIO, type SpecOperation } from './spec-operations.js';

/**
 * Coverage: for every operation of every spec, whether the emulator serves it and how many probes validated its
 * responses. A probe counts for the operation its response came from (its request's method, path and Accept
 * version matched against the specs' path templates) when it passed and its body was checked against a schema,
 * or the spec documents no body for that status (a 204). A failed probe counts as a failure of that operation.
 */
export interface ProbeOutcome {
  probe: string;
  passed: boolean;
  /** The request whose response the probe returned, if it made one. */
  request?: { method: string; path: string; version?: string; scenario: string };
  status?: number;
  /** Whether the probe checked the body against a schema (not only the status). */
  schemaChecked: boolean;
}

export interface OperationCoverage {
  api: string;
  version: string;
  method: string;
  path: string;
  emulated: boolean;
  /** Probes that validated a response of this operation. */
  probes: number;
  failures: number;
  /** Documented `Gov-Test-Scenario` values (`DEFAULT`: no header). */
  scenarios: string[];
  /** Scenarios (or `DEFAULT`) whose responses a probe validated; may include undocumented ones (e.g. `STATEFUL` where HMRC lists it elsewhere). */
  probedScenarios: string[];
  /** Documented scenarios no probe validated. */
  unprobedScenarios: string[];
}

export interface Totals {
  operations: number;
  emulated: number;
  probed: number;
  failures: number;
}

export interface Coverage {
  totals: Totals;
  /** Per API version; `scenarios` counts documented `Gov-Test-Scenario` values (per operation) and those probed. */
  apis: Array<{ api: string; version: string; scenarios: { documented: number; probed: number } } & Totals>;
  operations: OperationCoverage[];
  /** Probes whose request matched no operation in the specs (e.g. the control API, or a check with no request). */
  unmatchedProbes: string[];
}

/** The spec operation a request is for: same method and Accept version, the most specific matching template. */
export function operationFor<T extends Pick<SpecOperation, 'method' | 'path' | 'version'>>(operations: T[], method: string, path: string, version?: string): T | undefined {
  const candidates = operations.filter((op) => op.method === method.toUpperCase() && (!version || op.version === version));
  return bestTemplate(candidates, (op) => op.path, path);
}

/** The version an Accept header asks for: `application/vnd.hmrc.2.0+json` → `2.0`. */
export function acceptVersion(accept: string | undefined): string | undefined {
  return /application\/vnd\.hmrc\.([\d.]+)\+/.exec(accept ?? '')?.[1];
}

export function computeCoverage(operations: SpecOperation[], isEmulated: (op: SpecOperation) => boolean, outcomes: ProbeOutcome[]): Coverage {
  const rows = new Map<SpecOperation, OperationCoverage>(
    operations.map((op) => [op, { api: op.api, version: op.version, method: op.method, path: op.path, emulated: isEmulated(op), probes: 0, failures: 0, scenarios: op.scenarios, probedScenarios: [], unprobedScenarios: [] }]),
  );
  const unmatchedProbes: string[] = [];
  let failures = 0;
  for (const outcome of outcomes) {
    if (!outcome.passed) failures++;
    const r = outcome.request;
    const op = r ? operationFor(operations, r.method, r.path, r.version) : undefined;
    const row = op && rows.get(op);
    if (!op || !row) {
      unmatchedProbes.push(outcome.probe);
      continue;
    }
    if (!outcome.passed) {
      row.failures++;
      continue;
    }
    const documentsBody = outcome.status === undefined ? true : (op.responses[String(outcome.status)]?.body ?? true);
    if (outcome.schemaChecked || !documentsBody) {
      row.probes++;
      const scenario = r!.scenario || DEFAULT_SCENARIO;
      if (!row.probedScenarios.includes(scenario)) row.probedScenarios.push(scenario);
    }
  }
  const operationsOut = [...rows.values()];
  for (const row of operationsOut) row.unprobedScenarios = row.scenarios.filter((s) => !row.probedScenarios.includes(s));
  const apis: Coverage['apis'] = [];
  for (const row of operationsOut) {
    let api = apis.find((a) => a.api === row.api && a.version === row.version);
    if (!api) apis.push((api = { api: row.api, version: row.version, operations: 0, emulated: 0, probed: 0, failures: 0, scenarios: { documented: 0, probed: 0 } }));
    api.scenarios.documented += row.scenarios.length;
    api.scenarios.probed += row.scenarios.length - row.unprobedScenarios.length;
    api.operations++;
    if (row.emulated) api.emulated++;
    if (row.probes > 0) api.probed++;
    api.failures += row.failures;
  }
  const totals: Totals = {
    operations: operationsOut.length,
    emulated: operationsOut.filter((o) => o.emulated).length,
    probed: operationsOut.filter((o) => o.probes > 0).length,
    failures,
  };
  return { totals, apis, operations: operationsOut, unmatchedProbes };
}

export function formatTotals(t: Totals): string {
  return `operations: ${t.operations}, emulated: ${t.emulated}, probed: ${t.probed}, failures: ${t.failures}`;
}
