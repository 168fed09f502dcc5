import type { FidelityEnv, Probe } from '../probe.js';
import { scenarioProbes, type ScenarioTable } from '../scenario-probes.js';
import { asTaxpayer, defaultBusinessId, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Individual Losses 7.0: one probe per documented Gov-Test-Scenario of each operation; `STATEFUL` stores a
 * brought-forward loss for the default business in 2026-27 (allowed in the year), reads it back, then deletes it.
 */
const ACCEPT = 'application/vnd.hmrc.7.0+json';
const SPEC = 'individual-losses/conf/7.0/application.yaml';
const TEMPLATE = '/individuals/losses/{nino}/businesses/{businessId}/loss-claims/{taxYear}';
const path = async (env: FidelityEnv): Promise<string> => `/individuals/losses/${nino(env)}/businesses/${await defaultBusinessId(env)}/loss-claims/2026-27`;
const table = (t: Pick<ScenarioTable, 'method' | 'body' | 'scenarios'>) => scenarioProbes({ api: 'Individual Losses 7.0', spec: SPEC, accept: ACCEPT, template: TEMPLATE, token: taxpayerToken, path, ...t });
const rule = (scenario: string): [string, number, string] => [scenario, 400, `RULE_${scenario}`];
const notFound: [string, number, string] = ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'];

const probes: Probe[] = [
  ...table({
    method: 'PUT',
    body: () => ({ losses: { broughtForwardLosses: 1500 } }),
    scenarios: [['DEFAULT', 204], notFound, rule('CARRY_BACK_CLAIM'), rule('OUTSIDE_AMENDMENT_WINDOW'), ['STATEFUL', 204]],
  }),
  ...table({ method: 'GET', scenarios: [['DEFAULT', 200], ['TERMINAL_LOSS_CLAIM', 200], notFound, ['STATEFUL', 200]] }),
  ...table({ method: 'DELETE', scenarios: [['DEFAULT', 204], notFound, rule('OUTSIDE_AMENDMENT_WINDOW'), ['STATEFUL', 204]] }),
  {
    name: 'Individual Losses 7.0: 400 RULE_MISSING_PREFERENCE_ORDER',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'PUT', await path(env), ACCEPT, { body: { claims: { carryBack: { previousYearGeneralIncome: 1 }, carrySideways: { currentYearGeneralIncome: 1 } } } })),
      schema: { file: SPEC, pointer: `/paths/${TEMPLATE.replace(/\//g, '~1')}/put/responses/400` },
      expectStatus: 400,
    }),
  },
];

export default probes;
