import type { FidelityEnv, Probe } from '../probe.js';
import { scenarioProbes, type ScenarioTable } from '../scenario-probes.js';
import { asTaxpayer, asVendor, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Property Business 6.0, as the seeded `individual` persona: every documented `Gov-Test-Scenario` of every operation
 * (one probe each, with the status and code HMRC documents), then a few format errors. The taxpayer's UK and foreign
 * property businesses are created through SA Test Support when missing (income-tax.ts, which runs before, ends by
 * deleting the vendor's state). `STATEFUL` rows follow a write in the same table, so reads find what was written; the
 * Foreign Cumulative Retrieve's scenarios (documented in a table with a tax-year column) are listed here by hand.
 * Period summaries use 2024-25, historic submissions 2020-21, cumulative summaries 2025-26 and foreign property
 * details 2026-27; where the success schema is a `oneOf` of per-tax-year alternatives that overlap, the probe names
 * the alternative for its year.
 */
const PB = 'application/vnd.hmrc.6.0+json';
const BD = 'application/vnd.hmrc.2.0+json';
const SPEC = 'property-business/conf/6.0/application.yaml';
const SCHEMA = '/content/application~1json/schema';
const BASE = '/individuals/business/property';
const ANY_SUBMISSION = '4557ecb5-fd32-48cc-81f5-e6acd1099f3c';

type Row = ScenarioTable['scenarios'][number];
const ok = (scenario: string, status = 200): Row => [scenario, status];
const rule = (scenario: string, code = `RULE_${scenario}`): Row => [scenario, 400, code];
const notFound: Row = ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'];
const noData: Row = ['DEFAULT', 404, 'MATCHING_RESOURCE_NOT_FOUND'];
const wrongType = (scenario: string): Row => [scenario, 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT'];
/** Writes answer 200 without a body where HMRC documents one (annual submissions, period amends). */
const table = (t: Omit<ScenarioTable, 'api' | 'spec' | 'accept' | 'token'>) =>
  scenarioProbes({ api: 'Property Business 6.0', spec: SPEC, accept: PB, token: taxpayerToken, ...(t.method === 'PUT' ? { bodyless: [200, 204] } : {}), ...t });

/** The taxpayer's UK or foreign property business, created through SA Test Support when it has none. */
async function business(env: FidelityEnv, type: 'uk-property' | 'foreign-property'): Promise<string> {
  const list = await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD, { scenario: 'STATEFUL' });
  const found = (list.body as { listOfBusinesses?: Array<{ businessId: string; typeOfBusiness: string }> }).listOfBusinesses?.find((b) => b.typeOfBusiness === type);
  if (found) return found.businessId;
  const created = await asVendor(env, 'POST', `/individuals/self-assessment-test-support/business/${nino(env)}`, { typeOfBusiness: type });
  const id = (created.body as { businessId?: string }).businessId;
  if (!id) throw new Error(`create ${type}: ${created.status} ${JSON.stringify(created.body)}`);
  return id;
}
const uk = async (env: FidelityEnv, rest: string) => `${BASE}/uk/${nino(env)}/${await business(env, 'uk-property')}${rest}`;
const foreign = async (env: FidelityEnv, rest: string) => `${BASE}/foreign/${nino(env)}/${await business(env, 'foreign-property')}${rest}`;

/** The first stored period summary of a business for 2024-25, listed statefully. */
async function storedSubmission(env: FidelityEnv, type: 'uk-property' | 'foreign-property'): Promise<string> {
  const res = await asTaxpayer(env, 'GET', `${BASE}/${nino(env)}/${await business(env, type)}/period/2024-25`, PB, { scenario: 'STATEFUL' });
  return (res.body as { submissions?: Array<{ submissionId: string }> }).submissions?.[0]?.submissionId ?? ANY_SUBMISSION;
}

const UK_CUMULATIVE = { fromDate: '2025-04-06', toDate: '2025-07-05', ukProperty: { income: { periodAmount: 1000 }, expenses: { consolidatedExpenses: 100 } } };
const FOREIGN_CUMULATIVE = { fromDate: '2025-04-06', toDate: '2025-07-05', foreignProperty: [{ countryCode: 'FRA', income: { rentIncome: { rentAmount: 1000 } }, expenses: { consolidatedExpenses: 100 } }] };
const UK_PERIOD = { fromDate: '2024-04-06', toDate: '2024-07-05', ukNonFhlProperty: { income: { periodAmount: 1000 }, expenses: { consolidatedExpenses: 100 } } };
const FOREIGN_PERIOD = { fromDate: '2024-04-06', toDate: '2024-07-05', foreignNonFhlProperty: [{ countryCode: 'FRA', income: { rentIncome: { rentAmount: 1000 }, foreignTaxCreditRelief: false } }] };
const UK_ANNUAL = { ukProperty: { allowances: { annualInvestmentAllowance: 100 } } };
const FOREIGN_ANNUAL = { foreignProperty: [{ countryCode: 'FRA', allowances: { annualInvestmentAllowance: 100 } }] };
const HISTORIC_ANNUAL = { annualAdjustments: { periodOfGraceAdjustment: false, nonResidentLandlord: false }, annualAllowances: { annualInvestmentAllowance: 100 } };
const HISTORIC_PERIOD = { fromDate: '2020-04-06', toDate: '2020-07-05', income: { periodAmount: 1000 }, expenses: { consolidatedExpenses: 100 } };
const PERIOD_ID = '2020-04-06_2020-07-05';
const CUMULATIVE_PUT = [
  'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
  'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
  'MISSING_SUBMISSION_DATES',
  'START_AND_END_DATE_NOT_ALLOWED',
  'EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
  'OUTSIDE_AMENDMENT_WINDOW',
  'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
  'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
  'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
].map((s) => rule(s));
const PERIOD_CREATE = [notFound, rule('OVERLAPPING', 'RULE_OVERLAPPING_PERIOD'), rule('MISALIGNED', 'RULE_MISALIGNED_PERIOD'), rule('NOT_CONTIGUOUS', 'RULE_NOT_CONTIGUOUS_PERIOD'), rule('DUPLICATE_SUBMISSION'), wrongType('TYPE_OF_BUSINESS_INCORRECT')];
const HISTORIC_CREATE = [notFound, rule('DUPLICATE_SUBMISSION'), rule('MISALIGNED_PERIOD'), rule('OVERLAPPING_PERIOD'), rule('NOT_CONTIGUOUS_PERIOD'), rule('TAX_YEAR_NOT_SUPPORTED')];
const DETAILS_WRITE = [notFound, rule('DUPLICATE_PROPERTY_NAME'), rule('TAX_YEAR_BEFORE_BUSINESS_START'), rule('PROPERTY_BUSINESS_CEASED'), rule('OUTSIDE_AMENDMENT_WINDOW')];

function historic(kind: string, createStatus: number): Probe[] {
  const annual = (env: FidelityEnv) => `${BASE}/uk/annual/${kind}/${nino(env)}/2020-21`;
  const periods = (env: FidelityEnv) => `${BASE}/uk/period/${kind}/${nino(env)}`;
  /** Makes sure the UK property business exists and, for a stateful delete, that there is something to delete. */
  const ready = async (env: FidelityEnv, scenario: string): Promise<string> => {
    await business(env, 'uk-property');
    if (scenario.startsWith('STATEFUL')) await asTaxpayer(env, 'PUT', annual(env), PB, { scenario: 'STATEFUL', body: HISTORIC_ANNUAL });
    return annual(env);
  };
  return [
    ...table({ method: 'PUT', template: `${BASE}/uk/annual/${kind}/{nino}/{taxYear}`, path: ready, body: () => HISTORIC_ANNUAL, scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')] }),
    ...table({ method: 'GET', template: `${BASE}/uk/annual/${kind}/{nino}/{taxYear}`, path: async (env) => annual(env), scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')] }),
    ...table({ method: 'DELETE', template: `${BASE}/uk/annual/${kind}/{nino}/{taxYear}`, path: ready, scenarios: [ok('DELETE', 204), notFound, ok('STATEFUL_DELETE', 204), ok('STATEFUL', 204)] }),
    ...table({ method: 'POST', template: `${BASE}/uk/period/${kind}/{nino}`, path: async (env) => periods(env), body: () => HISTORIC_PERIOD, scenarios: [ok('DEFAULT', createStatus), ...HISTORIC_CREATE, ok('STATEFUL', createStatus)] }),
    ...table({ method: 'GET', template: `${BASE}/uk/period/${kind}/{nino}`, path: async (env) => periods(env), scenarios: [ok('DEFAULT'), ok('EMPTY'), ok('STATEFUL')] }),
    ...table({ method: 'PUT', template: `${BASE}/uk/period/${kind}/{nino}/{periodId}`, path: async (env) => `${periods(env)}/${PERIOD_ID}`, body: () => ({ income: { periodAmount: 1200 } }), scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')] }),
    ...table({ method: 'GET', template: `${BASE}/uk/period/${kind}/{nino}/{periodId}`, path: async (env) => `${periods(env)}/${PERIOD_ID}`, scenarios: [ok('DEFAULT'), notFound, ok('CONSOLIDATED'), ok('STATEFUL')] }),
  ];
}

const probes: Probe[] = [
  // Cumulative period summaries, 2025-26
  ...table({
    method: 'PUT',
    template: `${BASE}/uk/{nino}/{businessId}/cumulative/{taxYear}`,
    path: (env) => uk(env, '/cumulative/2025-26'),
    body: () => UK_CUMULATIVE,
    scenarios: [ok('DEFAULT', 204), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ...CUMULATIVE_PUT, ok('STATEFUL', 204)],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/uk/{nino}/{businessId}/cumulative/{taxYear}`,
    path: (env) => uk(env, '/cumulative/2025-26'),
    scenarios: [ok('DEFAULT'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ok('UK_PROPERTY_CONSOLIDATED'), ok('UK_PROPERTY_FULL_EXPENSES'), wrongType('FOREIGN_PROPERTY'), ok('STATEFUL')],
  }),
  ...table({
    method: 'PUT',
    template: `${BASE}/foreign/{nino}/{businessId}/cumulative/{taxYear}`,
    path: (env) => foreign(env, '/cumulative/2025-26'),
    body: () => FOREIGN_CUMULATIVE,
    scenarios: [ok('DEFAULT', 204), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ...CUMULATIVE_PUT, rule('PROPERTY_ID_MISMATCH'), ok('STATEFUL', 204)],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/foreign/{nino}/{businessId}/cumulative/{taxYear}`,
    path: (env) => foreign(env, '/cumulative/2025-26'),
    successSchema: `${SCHEMA}/oneOf/0`, // def1: TY 2025-26
    scenarios: [ok('DEFAULT'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ok('FOREIGN_PROPERTY_FULL_EXPENSES'), ok('FOREIGN_PROPERTY_CONSOLIDATED'), wrongType('UK_PROPERTY'), ok('STATEFUL')],
  }),

  // Annual submissions, 2024-25 (with FHL) and their deletion
  ...table({
    method: 'PUT',
    template: `${BASE}/uk/{nino}/{businessId}/annual/{taxYear}`,
    path: (env) => uk(env, '/annual/2024-25'),
    body: () => UK_ANNUAL,
    scenarios: [ok('DEFAULT'), notFound, wrongType('TYPE_OF_BUSINESS_INCORRECT'), rule('PROPERTY_INCOME_ALLOWANCE'), ok('STATEFUL'), rule('OUTSIDE_AMENDMENT_WINDOW')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/uk/{nino}/{businessId}/annual/{taxYear}`,
    path: (env) => uk(env, '/annual/2024-25'),
    successSchema: `${SCHEMA}/oneOf/0`, // def1: TY 2024-25 and before
    scenarios: [noData, ok('UK_PROPERTY'), ok('UK_ALL_OTHER_ALLOWANCES'), ok('UK_PROPERTY_ALLOWANCE'), ok('UK_FHL_ALL_OTHER_ALLOWANCES'), ok('UK_FHL_PROPERTY_ALLOWANCE'), wrongType('FOREIGN_PROPERTY'), ok('STATEFUL')],
  }),
  ...table({
    method: 'PUT',
    template: `${BASE}/foreign/{nino}/{businessId}/annual/{taxYear}`,
    path: (env) => foreign(env, '/annual/2024-25'),
    body: () => FOREIGN_ANNUAL,
    scenarios: [ok('DEFAULT'), notFound, wrongType('TYPE_OF_BUSINESS_INCORRECT'), rule('PROPERTY_INCOME_ALLOWANCE'), ok('STATEFUL'), rule('OUTSIDE_AMENDMENT_WINDOW'), rule('PROPERTY_ID_MISMATCH')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/foreign/{nino}/{businessId}/annual/{taxYear}`,
    path: (env) => foreign(env, '/annual/2024-25'),
    successSchema: `${SCHEMA}/oneOf/0`, // def1: TY 2024-25 and before
    scenarios: [noData, ok('FOREIGN_PROPERTY'), ok('FOREIGN_ALL_OTHER_ALLOWANCES'), ok('FOREIGN_PROPERTY_ALLOWANCE'), ok('FOREIGN_FHL_ALL_OTHER_ALLOWANCES'), ok('FOREIGN_FHL_PROPERTY_ALLOWANCE'), wrongType('UK_PROPERTY'), ok('STATEFUL')],
  }),
  ...table({
    method: 'DELETE',
    template: `${BASE}/{nino}/{businessId}/annual/{taxYear}`,
    path: async (env, scenario) => {
      if (scenario === 'STATEFUL') await asTaxpayer(env, 'PUT', await uk(env, '/annual/2024-25'), PB, { scenario: 'STATEFUL', body: UK_ANNUAL });
      return `${BASE}/${nino(env)}/${await business(env, 'uk-property')}/annual/2024-25`;
    },
    scenarios: [ok('DEFAULT', 204), notFound, ok('STATEFUL', 204), rule('OUTSIDE_AMENDMENT_WINDOW')],
  }),

  // Period summaries, 2024-25
  ...table({
    method: 'POST',
    template: `${BASE}/uk/{nino}/{businessId}/period/{taxYear}`,
    path: (env) => uk(env, '/period/2024-25'),
    body: () => UK_PERIOD,
    scenarios: [ok('DEFAULT', 201), ...PERIOD_CREATE, ok('STATEFUL', 201)],
  }),
  ...table({
    method: 'PUT',
    template: `${BASE}/uk/{nino}/{businessId}/period/{taxYear}/{submissionId}`,
    path: async (env) => uk(env, `/period/2024-25/${await storedSubmission(env, 'uk-property')}`),
    body: () => ({ ukNonFhlProperty: { income: { periodAmount: 1200 } } }),
    scenarios: [ok('DEFAULT'), notFound, wrongType('TYPE_OF_BUSINESS_INCORRECT'), ok('STATEFUL')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/uk/{nino}/{businessId}/period/{taxYear}/{submissionId}`,
    path: async (env) => uk(env, `/period/2024-25/${await storedSubmission(env, 'uk-property')}`),
    successSchema: `${SCHEMA}/oneOf/1`, // def2: TY 2024-25
    scenarios: [noData, ok('UK_PROPERTY'), notFound, ok('UK_FHL_FULL_EXPENSES'), ok('UK_FHL_CONSOLIDATED'), ok('UK_NON_FHL_FULL_EXPENSES'), ok('UK_NON_FHL_CONSOLIDATED'), wrongType('FOREIGN_PROPERTY'), ok('STATEFUL')],
  }),
  ...table({
    method: 'POST',
    template: `${BASE}/foreign/{nino}/{businessId}/period/{taxYear}`,
    path: (env) => foreign(env, '/period/2024-25'),
    body: () => FOREIGN_PERIOD,
    scenarios: [ok('DEFAULT', 201), ...PERIOD_CREATE, ok('STATEFUL', 201)],
  }),
  ...table({
    method: 'PUT',
    template: `${BASE}/foreign/{nino}/{businessId}/period/{taxYear}/{submissionId}`,
    path: async (env) => foreign(env, `/period/2024-25/${await storedSubmission(env, 'foreign-property')}`),
    body: () => ({ foreignFhlEea: { income: { rentAmount: 100 } } }),
    scenarios: [ok('DEFAULT'), notFound, wrongType('TYPE_OF_BUSINESS_INCORRECT'), ok('STATEFUL')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/foreign/{nino}/{businessId}/period/{taxYear}/{submissionId}`,
    path: async (env) => foreign(env, `/period/2024-25/${await storedSubmission(env, 'foreign-property')}`),
    successSchema: `${SCHEMA}/oneOf/1`, // def2: TY 2024-25
    scenarios: [noData, ok('FOREIGN_PROPERTY'), ok('FOREIGN_FHL_FULL_EXPENSES'), ok('FOREIGN_FHL_CONSOLIDATED'), ok('FOREIGN_NON_FHL_FULL_EXPENSES'), ok('FOREIGN_NON_FHL_CONSOLIDATED'), wrongType('UK_PROPERTY'), ok('STATEFUL')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/{businessId}/period/{taxYear}`,
    path: async (env) => `${BASE}/${nino(env)}/${await business(env, 'uk-property')}/period/2024-25`,
    scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')],
  }),

  // Historic FHL and non-FHL submissions, 2020-21
  ...historic('furnished-holiday-lettings', 201),
  ...historic('non-furnished-holiday-lettings', 200),

  // Foreign property details, 2026-27
  ...table({
    method: 'POST',
    template: `${BASE}/foreign/{nino}/{businessId}/details/{taxYear}`,
    path: (env) => foreign(env, '/details/2026-27'),
    body: () => ({ propertyName: 'Probe Villa', countryCode: 'ITA' }),
    scenarios: [ok('DEFAULT'), ...DETAILS_WRITE, ok('STATEFUL')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/foreign/{nino}/{businessId}/details/{taxYear}`,
    path: (env) => foreign(env, '/details/2026-27'),
    scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')],
  }),
  ...table({
    method: 'PUT',
    template: `${BASE}/foreign/{nino}/details/{propId}/{taxYear}`,
    path: async (env) => {
      const listed = await asTaxpayer(env, 'GET', await foreign(env, '/details/2026-27'), PB, { scenario: 'STATEFUL' });
      const id = (listed.body as { foreignPropertyDetails?: Array<{ propertyId: string }> }).foreignPropertyDetails?.[0]?.propertyId ?? ANY_SUBMISSION;
      return `${BASE}/foreign/${nino(env)}/details/${id}/2026-27`;
    },
    body: () => ({ propertyName: 'Probe Villa Renamed' }),
    scenarios: [ok('DEFAULT', 204), ...DETAILS_WRITE, ok('STATEFUL', 204)],
  }),

  // Format errors
  {
    name: 'Property Business 6.0: 400 FORMAT_NINO',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `${BASE}/uk/NOT-A-NINO/XPIS12345678901/cumulative/2025-26`, PB)),
      schema: { file: SPEC, pointer: `/paths/${`${BASE}/uk/{nino}/{businessId}/cumulative/{taxYear}`.replace(/\//g, '~1')}/get/responses/400` },
      expectStatus: 400,
    }),
  },
  {
    name: 'Property Business 6.0: 400 FORMAT_VALUE with paths',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'PUT', await uk(env, '/cumulative/2025-26'), PB, { body: { ...UK_CUMULATIVE, ukProperty: { income: { periodAmount: -5 } } } })),
      schema: { file: SPEC, pointer: `/paths/${`${BASE}/uk/{nino}/{businessId}/cumulative/{taxYear}`.replace(/\//g, '~1')}/put/responses/400` },
      expectStatus: 400,
    }),
  },
];

export default probes;
