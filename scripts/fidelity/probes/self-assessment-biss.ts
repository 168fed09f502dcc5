import type { Probe } from '../probe.js';
import { scenarioProbes } from '../scenario-probes.js';
import { asTaxpayer, defaultBusinessId, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Business Income Source Summary 3.0: one probe per documented Gov-Test-Scenario, plus `STATEFUL` over a
 * 2025-26 cumulative summary of the default business, stored first,
 * and a format error checked against the error schema.
 */
const ACCEPT = 'application/vnd.hmrc.3.0+json';
const SPEC = 'self-assessment-biss/conf/3.0/application.yaml';
const SE = 'application/vnd.hmrc.5.0+json';
const YEAR = { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' }, periodIncome: { turnover: 2000 }, periodExpenses: { consolidatedExpenses: 500 } };
const TEMPLATE = '/individuals/self-assessment/income-summary/{nino}/{typeOfBusiness}/{taxYear}/{businessId}';

const probes: Probe[] = [
  ...scenarioProbes({
    api: 'BISS 3.0',
    spec: SPEC,
    accept: ACCEPT,
    method: 'GET',
    template: TEMPLATE,
    token: taxpayerToken,
    path: async (env, scenario) => {
      const businessId = await defaultBusinessId(env);
      if (scenario === 'STATEFUL') await asTaxpayer(env, 'PUT', `/individuals/business/self-employment/${nino(env)}/${businessId}/cumulative/2025-26`, SE, { scenario, body: YEAR });
      return `/individuals/self-assessment/income-summary/${nino(env)}/self-employment/2025-26/${businessId}`;
    },
    scenarios: [
      ['DEFAULT', 200],
      ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
      ['NO_INCOME_SUBMISSIONS_EXIST', 400, 'RULE_NO_INCOME_SUBMISSIONS_EXIST'],
      ['STATEFUL', 200],
    ],
  }),
  {
    name: 'BISS 3.0: 400 FORMAT_TYPE_OF_BUSINESS',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/self-assessment/income-summary/${nino(env)}/uk-property-fhl/2025-26/${await defaultBusinessId(env)}`, ACCEPT)),
      schema: { file: SPEC, pointer: `/paths/${TEMPLATE.replace(/\//g, '~1')}/get/responses/400` },
      expectStatus: 400,
    }),
  },
];

export default probes;
