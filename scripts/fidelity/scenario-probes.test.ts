import { describe, expect, it } from 'vitest';
import type { FidelityEnv, ProbeResponse, RequestInit } from './probe.js';
import { scenarioProbes } from './scenario-probes.js';

/** An env whose requests are recorded and answered by `answer`. */
function fakeEnv(answer: (init: RequestInit) => { status: number; body: unknown }): { env: FidelityEnv; sent: Array<{ method: string; path: string; init: RequestInit }> } {
  const sent: Array<{ method: string; path: string; init: RequestInit }> = [];
  const env = {
    async request(method: string, path: string, init: RequestInit = {}): Promise<ProbeResponse> {
      sent.push({ method, path, init });
      return { ...answer(init), headers: new Headers() };
    },
  } as unknown as FidelityEnv;
  return { env, sent };
}

const table = {
  api: 'Things 1.0',
  spec: 'things/conf/1.0/application.yaml',
  accept: 'application/vnd.hmrc.1.0+json',
  method: 'PUT' as const,
  template: '/things/{nino}/{taxYear}',
  path: async (_env: FidelityEnv, scenario: string) => `/things/AA123456A/${scenario === 'OLD' ? '2019-20' : '2025-26'}`,
  body: () => ({ a: 1 }),
  token: async () => 'token',
  scenarios: [['DEFAULT', 204], ['OLD', 200], ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND']] as Array<[string, number, string?]>,
};

describe('scenarioProbes', () => {
  it('makes one probe per scenario, named for the operation, the scenario and the documented answer', () => {
    expect(scenarioProbes(table).map((p) => p.name)).toEqual([
      'Things 1.0: PUT /things/{nino}/{taxYear}, no Gov-Test-Scenario (DEFAULT) is 204',
      'Things 1.0: PUT /things/{nino}/{taxYear}, Gov-Test-Scenario OLD is 200',
      'Things 1.0: PUT /things/{nino}/{taxYear}, Gov-Test-Scenario NOT_FOUND is 404 MATCHING_RESOURCE_NOT_FOUND',
    ]);
  });

  it('sends the header (none for DEFAULT) and names the schema of the documented status', async () => {
    const { env, sent } = fakeEnv(() => ({ status: 204, body: '' }));
    const [byDefault, old] = scenarioProbes({ ...table, successSchema: '/content/application~1json/schema/oneOf/0' });
    expect(await byDefault!.run(env)).toMatchObject({ status: 204, expectStatus: 204, schema: null, problems: [] });
    expect(sent[0]).toEqual({ method: 'PUT', path: '/things/AA123456A/2025-26', init: { accept: 'application/vnd.hmrc.1.0+json', token: 'token', body: { a: 1 }, headers: {} } });
    expect(await old!.run(env)).toMatchObject({
      expectStatus: 200,
      schema: { file: 'things/conf/1.0/application.yaml', pointer: '/paths/~1things~1{nino}~1{taxYear}/put/responses/200/content/application~1json/schema/oneOf/0' },
    });
    expect(sent[1]!.init.headers).toEqual({ 'Gov-Test-Scenario': 'OLD' });
    expect(sent[1]!.path).toBe('/things/AA123456A/2019-20');
  });

  it('reports an error code other than the documented one', async () => {
    const notFound = scenarioProbes(table)[2]!;
    expect((await notFound.run(fakeEnv(() => ({ status: 404, body: { code: 'MATCHING_RESOURCE_NOT_FOUND' } })).env)).problems).toEqual([]);
    const wrong = await notFound.run(fakeEnv(() => ({ status: 400, body: { code: 'RULE_INCORRECT_GOV_TEST_SCENARIO' } })).env);
    expect(wrong).toMatchObject({ status: 400, expectStatus: 404, schema: { pointer: '/paths/~1things~1{nino}~1{taxYear}/put/responses/404' } });
    expect(wrong.problems).toEqual(['code "RULE_INCORRECT_GOV_TEST_SCENARIO", expected MATCHING_RESOURCE_NOT_FOUND']);
  });
});
