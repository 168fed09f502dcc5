import { describe, expect, it } from 'vitest';
import { acceptVersion, computeCoverage, formatTotals, operationFor, type ProbeOutcome } from './coverage.js';
import type { SpecOperation } from './spec-operations.js';

const op = (api: string, version: string, method: string, path: string, responses: SpecOperation['responses'] = { '200': { body: true } }): SpecOperation => ({
  api,
  version,
  method,
  path,
  file: `${api}/conf/${version}/application.yaml`,
  pointer: '',
  scenarios: ['DEFAULT', 'NOT_FOUND'],
  pathValues: {},
  responses,
});

const list1 = op('details', '1.0', 'GET', '/details/{nino}/list');
const list2 = op('details', '2.0', 'GET', '/details/{nino}/list');
const retrieve2 = op('details', '2.0', 'GET', '/details/{nino}/{businessId}');
const remove2 = op('details', '2.0', 'DELETE', '/details/{nino}/{businessId}', { '204': { body: false }, '404': { body: true } });
const losses = op('losses', '7.0', 'GET', '/losses/{nino}');
const operations = [list1, list2, retrieve2, remove2, losses];

const outcome = (probe: string, method: string, path: string, version: string | undefined, o: Partial<ProbeOutcome> = {}): ProbeOutcome => ({
  probe,
  passed: true,
  request: { method, path, version, scenario: 'DEFAULT' },
  status: 200,
  schemaChecked: true,
  ...o,
});

describe('operationFor', () => {
  it('matches method, Accept version and the most specific template', () => {
    expect(operationFor(operations, 'get', '/details/AA123456A/list?x=1', '2.0')).toBe(list2);
    expect(operationFor(operations, 'GET', '/details/AA123456A/list', '1.0')).toBe(list1);
    expect(operationFor(operations, 'GET', '/details/AA123456A/XAIS1', '2.0')).toBe(retrieve2);
    expect(operationFor(operations, 'POST', '/details/AA123456A/list', '2.0')).toBeUndefined();
    expect(operationFor(operations, 'GET', '/details/AA123456A/list', '3.0')).toBeUndefined();
  });
});

describe('acceptVersion', () => {
  it('reads the version of an HMRC Accept header', () => {
    expect(acceptVersion('application/vnd.hmrc.2.0+json')).toBe('2.0');
    expect(acceptVersion('text/html')).toBeUndefined();
  });
});

describe('computeCoverage', () => {
  const emulated = (o: SpecOperation) => o.api === 'details' && o.version === '2.0';

  it('counts operations, emulated ones, probed ones and failures, per API version and in total', () => {
    const coverage = computeCoverage(operations, emulated, [
      outcome('list', 'GET', '/details/AA123456A/list', '2.0'),
      outcome('list not found', 'GET', '/details/AA123456A/list', '2.0', { request: { method: 'GET', path: '/details/AA123456A/list', version: '2.0', scenario: 'NOT_FOUND' }, status: 404 }),
      outcome('retrieve', 'GET', '/details/AA123456A/XAIS1', '2.0', { passed: false }),
      outcome('delete', 'DELETE', '/details/AA123456A/XAIS1', '2.0', { status: 204, schemaChecked: false }),
      outcome('control API', 'POST', '/_emulator/clock/advance', undefined),
    ]);
    expect(coverage.totals).toEqual({ operations: 5, emulated: 3, probed: 2, failures: 1 });
    expect(formatTotals(coverage.totals)).toBe('operations: 5, emulated: 3, probed: 2, failures: 1');
    expect(coverage.apis).toEqual([
      { api: 'details', version: '1.0', operations: 1, emulated: 0, probed: 0, failures: 0, scenarios: { documented: 2, probed: 0 } },
      { api: 'details', version: '2.0', operations: 3, emulated: 3, probed: 2, failures: 1, scenarios: { documented: 6, probed: 3 } },
      { api: 'losses', version: '7.0', operations: 1, emulated: 0, probed: 0, failures: 0, scenarios: { documented: 2, probed: 0 } },
    ]);
    const list = coverage.operations.find((o) => o.version === '2.0' && o.path === '/details/{nino}/list')!;
    expect(list).toMatchObject({ emulated: true, probes: 2, failures: 0, probedScenarios: ['DEFAULT', 'NOT_FOUND'], unprobedScenarios: [] });
    const retrieve = coverage.operations.find((o) => o.version === '2.0' && o.path === '/details/{nino}/{businessId}' && o.method === 'GET')!;
    expect(retrieve).toMatchObject({ probes: 0, failures: 1, unprobedScenarios: ['DEFAULT', 'NOT_FOUND'] });
    expect(coverage.unmatchedProbes).toEqual(['control API']);
  });

  it('does not count a status-only check where the spec documents a body', () => {
    const coverage = computeCoverage(operations, emulated, [outcome('status only', 'GET', '/details/AA123456A/list', '2.0', { schemaChecked: false })]);
    expect(coverage.totals.probed).toBe(0);
    expect(coverage.totals.failures).toBe(0);
  });

  it('counts a failed probe that reached no operation in the total of failures only', () => {
    const coverage = computeCoverage(operations, emulated, [{ probe: 'threw', passed: false, schemaChecked: false }]);
    expect(coverage.totals.failures).toBe(1);
    expect(coverage.apis.every((a) => a.failures === 0)).toBe(true);
    expect(coverage.unmatchedProbes).toEqual(['threw']);
  });
});
