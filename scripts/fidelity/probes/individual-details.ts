import type { Probe } from '../probe.js';
import { scenarioProbes } from '../scenario-probes.js';
import { asTaxpayer, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Self Assessment Individual Details 2.0 (ITSA status): one probe per documented Gov-Test-Scenario (`STATEFUL` reads
 * the default MTD Mandated status of a year nothing was set for), and a format error checked against the error schema.
 */
const ACCEPT = 'application/vnd.hmrc.2.0+json';
const SPEC = 'individual-details/conf/2.0/application.yaml';
const TEMPLATE = '/individuals/person/itsa-status/{nino}/{taxYear}';

const probes: Probe[] = [
  ...scenarioProbes({
    api: 'Individual Details 2.0',
    spec: SPEC,
    accept: ACCEPT,
    method: 'GET',
    template: TEMPLATE,
    token: taxpayerToken,
    path: async (env) => `/individuals/person/itsa-status/${nino(env)}/2025-26?history=true&futureYears=true`,
    scenarios: [
      ['DEFAULT', 200],
      ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
      ['NOT_ENROLLED', 403, 'CLIENT_NOT_MTD_ENROLLED'],
      ['STATEFUL', 200],
    ],
  }),
  {
    name: 'Individual Details 2.0: 400 FORMAT_FUTURE_YEARS',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/person/itsa-status/${nino(env)}/2025-26?futureYears=maybe`, ACCEPT)),
      schema: { file: SPEC, pointer: `/paths/${TEMPLATE.replace(/\//g, '~1')}/get/responses/400` },
      expectStatus: 400,
    }),
  },
];

export default probes;
