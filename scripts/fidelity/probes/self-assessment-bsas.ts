import type { FidelityEnv, Probe } from '../probe.js';
import { scenarioProbes, type ScenarioTable } from '../scenario-probes.js';
import { asTaxpayer, asVendor, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Business Source Adjustable Summary 7.0, as the seeded `individual` persona: every documented `Gov-Test-Scenario` of
 * all eight operations (trigger, list, and retrieve and adjust for self-employment, UK property and foreign property),
 * one probe each with the status and code HMRC documents, then a few format and rule errors. `STATEFUL` rows trigger
 * a summary first (a UK or foreign property business's 2024-25 accounting period, which has ended; the businesses are
 * created through SA Test Support when missing). Canned retrieves ask for 2025-26, the FHL ones for 2024-25, and name
 * the per-tax-year alternative of the success schema (`oneOf` alternatives overlap).
 */
const ACCEPT = 'application/vnd.hmrc.7.0+json';
const BD = 'application/vnd.hmrc.2.0+json';
const SPEC = 'self-assessment-bsas/conf/7.0/application.yaml';
const SCHEMA = '/content/application~1json/schema';
const BASE = '/individuals/self-assessment/adjustable-summary';
const ANY_CALCULATION = '717f3a7a-db8e-11e9-8a34-2a2ae2dbcce4';

type Row = ScenarioTable['scenarios'][number];
type PropertyType = 'uk-property' | 'foreign-property';
const ok = (scenario: string, status = 200): Row => [scenario, status];
const rule = (scenario: string, code = `RULE_${scenario}`): Row => [scenario, 400, code];
const notFound: Row = ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'];
const cannot: Row = ['REQUEST_CANNOT_BE_FULFILLED', 422, 'RULE_REQUEST_CANNOT_BE_FULFILLED'];
/** Adjustments answer 200 without a body. */
const table = (t: Omit<ScenarioTable, 'api' | 'spec' | 'accept' | 'token'>) => scenarioProbes({ api: 'BSAS 7.0', spec: SPEC, accept: ACCEPT, token: taxpayerToken, ...(t.template.includes('/adjust/') ? { bodyless: [200] } : {}), ...t });
const withDynamic = (names: string[]): string[] => names.flatMap((n) => [n, `DYNAMIC_${n}`]);

/** The taxpayer's UK or foreign property business, created through SA Test Support when it has none. */
async function business(env: FidelityEnv, type: PropertyType): Promise<string> {
  const list = await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD, { scenario: 'STATEFUL' });
  const found = (list.body as { listOfBusinesses?: Array<{ businessId: string; typeOfBusiness: string }> }).listOfBusinesses?.find((b) => b.typeOfBusiness === type);
  if (found) return found.businessId;
  const created = await asVendor(env, 'POST', `/individuals/self-assessment-test-support/business/${nino(env)}`, { typeOfBusiness: type });
  const id = (created.body as { businessId?: string }).businessId;
  if (!id) throw new Error(`create ${type}: ${created.status} ${JSON.stringify(created.body)}`);
  return id;
}

/** A new stateful summary of the property business's 2024-25 accounting period: its calculation ID. */
async function summary(env: FidelityEnv, type: PropertyType): Promise<string> {
  const body = { accountingPeriod: { startDate: '2024-04-06', endDate: '2025-04-05' }, typeOfBusiness: type, businessId: await business(env, type) };
  const res = await asTaxpayer(env, 'POST', `${BASE}/${nino(env)}/trigger`, ACCEPT, { scenario: 'STATEFUL', body });
  const id = (res.body as { calculationId?: string }).calculationId;
  if (!id) throw new Error(`trigger ${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

const SE_ADJUSTMENT = { income: { turnover: 100.5 }, expenses: { adminCosts: 20 } };
const UK_ADJUSTMENT = { ukProperty: { income: { totalRentsReceived: 100.5 }, expenses: { premisesRunningCosts: 20 } } };
const FOREIGN_ADJUSTMENT_2024 = { foreignProperty: { countryLevelDetail: [{ countryCode: 'FRA', income: { totalRentsReceived: 100.5 }, expenses: { premisesRunningCosts: 20 } }] } };

const probes: Probe[] = [
  ...table({
    method: 'POST',
    template: `${BASE}/{nino}/trigger`,
    path: async (env) => `${BASE}/${nino(env)}/trigger`,
    body: () => ({ accountingPeriod: { startDate: '2024-04-06', endDate: '2025-04-05' }, typeOfBusiness: 'uk-property', businessId: 'XPIS12345678901' }),
    scenarios: [ok('DEFAULT'), rule('NO_ACCOUNTING_PERIOD'), rule('OBLIGATIONS_NOT_MET'), rule('ACCOUNTING_PERIOD_NOT_ENDED'), rule('OUTSIDE_AMENDMENT_WINDOW'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), cannot],
  }),
  {
    name: 'BSAS 7.0: POST /individuals/self-assessment/adjustable-summary/{nino}/trigger, Gov-Test-Scenario STATEFUL (UK property, 2024-25) is 200',
    run: async (env) => {
      const body = { accountingPeriod: { startDate: '2024-04-06', endDate: '2025-04-05' }, typeOfBusiness: 'uk-property', businessId: await business(env, 'uk-property') };
      return { ...(await asTaxpayer(env, 'POST', `${BASE}/${nino(env)}/trigger`, ACCEPT, { scenario: 'STATEFUL', body })), expectStatus: 200, schema: { file: SPEC, pointer: `/paths/${`${BASE}/{nino}/trigger`.replace(/\//g, '~1')}/post/responses/200${SCHEMA}` } };
    },
  },
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/1`,
    path: async (env, scenario) => `${BASE}/${nino(env)}/2025-26${scenario === 'DYNAMIC' ? '?businessId=XBIS12345678902' : ''}`,
    scenarios: [ok('DEFAULT'), ok('SELF_EMPLOYMENT'), ok('UK_PROPERTY'), ok('FOREIGN_PROPERTY'), notFound, cannot, ok('DYNAMIC')],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/0`,
    path: async (env, scenario) => {
      if (scenario === 'STATEFUL') await summary(env, 'foreign-property');
      return `${BASE}/${nino(env)}/2024-25`;
    },
    scenarios: [ok('UK_PROPERTY_FHL'), ok('FOREIGN_PROPERTY_FHL'), ok('STATEFUL')],
  }),

  // Self-employment
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/self-employment/{calculationId}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/2`,
    path: async (env) => `${BASE}/${nino(env)}/self-employment/${ANY_CALCULATION}/2025-26`,
    scenarios: [
      ['DEFAULT', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
      ...withDynamic(['SELF_EMPLOYMENT_PROFIT', 'SELF_EMPLOYMENT_LOSS', 'SELF_EMPLOYMENT_CONSOLIDATED', 'TRADING_ALLOWANCE', 'SELF_EMPLOYMENT_UNADJUSTED', 'SELF_EMPLOYMENT_STATUS_INVALID', 'SELF_EMPLOYMENT_STATUS_SUPERSEDED']).map((s) => ok(s)),
      ['NOT_SELF_EMPLOYMENT', 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT'],
      rule('TAX_YEAR_NOT_SUPPORTED'),
      cannot,
      ok('SELF_EMPLOYMENT_ZERO_ADJUSTMENTS'),
    ],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/self-employment/{calculationId}/{taxYear}`,
    // A property summary asked for as a self-employment's: the stateful type check.
    path: async (env) => `${BASE}/${nino(env)}/self-employment/${await summary(env, 'uk-property')}/2024-25`,
    scenarios: [['STATEFUL', 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT']],
  }),
  ...table({
    method: 'POST',
    template: `${BASE}/{nino}/self-employment/{calculationId}/adjust/{taxYear}`,
    path: async (env, scenario) =>
      scenario === 'STATEFUL' ? `${BASE}/${nino(env)}/self-employment/${await summary(env, 'uk-property')}/adjust/2024-25` : `${BASE}/${nino(env)}/self-employment/${ANY_CALCULATION}/adjust/2025-26`,
    body: () => SE_ADJUSTMENT,
    scenarios: [
      ok('DEFAULT'),
      rule('TYPE_OF_BUSINESS_INCORRECT'),
      rule('SUMMARY_STATUS_INVALID'),
      rule('SUMMARY_STATUS_SUPERSEDED'),
      rule('ALREADY_ADJUSTED'),
      rule('RESULTING_VALUE_NOT_PERMITTED'),
      rule('SELF_EMPLOYMENT_OVER_CONSOLIDATED_EXPENSES_THRESHOLD', 'RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD'),
      rule('TRADING_INCOME_ALLOWANCE_CLAIMED'),
      rule('OUTSIDE_AMENDMENT_WINDOW'),
      notFound,
      rule('TAX_YEAR_NOT_SUPPORTED'),
      cannot,
      // A property summary adjusted as a self-employment's: the stateful type check.
      ['STATEFUL', 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT'],
    ],
  }),

  // UK property
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/uk-property/{calculationId}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/2`,
    path: async (env) => `${BASE}/${nino(env)}/uk-property/${ANY_CALCULATION}/2025-26`,
    scenarios: [
      ['DEFAULT', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
      rule('TAX_YEAR_NOT_SUPPORTED'),
      cannot,
      ['NOT_UK_PROPERTY', 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT'],
      ...withDynamic(['UK_PROPERTY_STATUS_INVALID', 'UK_PROPERTY_STATUS_SUPERSEDED', 'UK_PROPERTY_PROFIT', 'UK_PROPERTY_LOSS', 'UK_PROPERTY_CONSOLIDATED', 'UK_PROPERTY_ALLOWANCE']).map((s) => ok(s)),
      ok('UK_PROPERTY_ZERO_ADJUSTMENTS'),
    ],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/uk-property/{calculationId}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/1`,
    path: async (env, scenario) => `${BASE}/${nino(env)}/uk-property/${scenario === 'STATEFUL' ? await summary(env, 'uk-property') : ANY_CALCULATION}/2024-25`,
    scenarios: [...withDynamic(['UK_PROPERTY_FHL_PROFIT', 'UK_PROPERTY_FHL_LOSS', 'UK_PROPERTY_FHL_CONSOLIDATED', 'UK_FHL_PROPERTY_ALLOWANCE']).map((s) => ok(s)), ok('STATEFUL')],
  }),
  ...table({
    method: 'POST',
    template: `${BASE}/{nino}/uk-property/{calculationId}/adjust/{taxYear}`,
    path: async (env, scenario) => `${BASE}/${nino(env)}/uk-property/${scenario === 'STATEFUL' ? await summary(env, 'uk-property') : ANY_CALCULATION}/adjust/2024-25`,
    body: () => UK_ADJUSTMENT,
    scenarios: [
      ok('DEFAULT'),
      rule('TYPE_OF_BUSINESS_INCORRECT'),
      rule('SUMMARY_STATUS_INVALID'),
      rule('SUMMARY_STATUS_SUPERSEDED'),
      rule('ALREADY_ADJUSTED'),
      rule('RESULTING_VALUE_NOT_PERMITTED'),
      rule('UK_PROPERTY_OVER_CONSOLIDATED_EXPENSES_THRESHOLD', 'RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD'),
      rule('UK_PROPERTY_INCOME_ALLOWANCE_CLAIMED', 'RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED'),
      rule('OUTSIDE_AMENDMENT_WINDOW'),
      notFound,
      rule('TAX_YEAR_NOT_SUPPORTED'),
      cannot,
      ok('STATEFUL'),
    ],
  }),

  // Foreign property
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/foreign-property/{calculationId}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/2`,
    path: async (env) => `${BASE}/${nino(env)}/foreign-property/${ANY_CALCULATION}/2025-26`,
    scenarios: [
      ['DEFAULT', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
      cannot,
      ...withDynamic(['FOREIGN_PROPERTY_STATUS_INVALID', 'FOREIGN_PROPERTY_STATUS_SUPERSEDED', 'FOREIGN_PROPERTY_PROFIT', 'FOREIGN_PROPERTY_LOSS', 'FOREIGN_PROPERTY_CONSOLIDATED', 'FOREIGN_PROPERTY_ALLOWANCE']).map((s) => ok(s)),
      ok('FOREIGN_PROPERTY_ZERO_ADJUSTMENTS'),
    ],
  }),
  ...table({
    method: 'GET',
    template: `${BASE}/{nino}/foreign-property/{calculationId}/{taxYear}`,
    successSchema: `${SCHEMA}/oneOf/1`,
    path: async (env, scenario) => `${BASE}/${nino(env)}/foreign-property/${scenario === 'STATEFUL' ? await summary(env, 'foreign-property') : ANY_CALCULATION}/2024-25`,
    scenarios: [...withDynamic(['FOREIGN_PROPERTY_FHL_PROFIT', 'FOREIGN_PROPERTY_FHL_LOSS', 'FOREIGN_PROPERTY_FHL_CONSOLIDATED', 'FOREIGN_FHL_PROPERTY_ALLOWANCE']).map((s) => ok(s)), ok('STATEFUL')],
  }),
  ...table({
    method: 'POST',
    template: `${BASE}/{nino}/foreign-property/{calculationId}/adjust/{taxYear}`,
    path: async (env, scenario) => `${BASE}/${nino(env)}/foreign-property/${scenario === 'STATEFUL' ? await summary(env, 'foreign-property') : ANY_CALCULATION}/adjust/2024-25`,
    body: () => FOREIGN_ADJUSTMENT_2024,
    scenarios: [
      ok('DEFAULT'),
      rule('TYPE_OF_BUSINESS_INCORRECT'),
      rule('SUMMARY_STATUS_INVALID'),
      rule('SUMMARY_STATUS_SUPERSEDED'),
      rule('ALREADY_ADJUSTED'),
      rule('RESULTING_VALUE_NOT_PERMITTED'),
      rule('FOREIGN_PROPERTY_OVER_CONSOLIDATED_EXPENSES_THRESHOLD', 'RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD'),
      rule('FOREIGN_PROPERTY_INCOME_ALLOWANCE_CLAIMED', 'RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED'),
      rule('OUTSIDE_AMENDMENT_WINDOW'),
      notFound,
      rule('TAX_YEAR_NOT_SUPPORTED'),
      cannot,
      rule('PROPERTY_ID_MISMATCH'),
      ok('STATEFUL'),
    ],
  }),

  // Format and rule errors, checked against the 400 schema.
  ...(
    [
      ['uk-property', 'not-an-id', '2025-26', UK_ADJUSTMENT, 'FORMAT_CALCULATION_ID'],
      ['uk-property', ANY_CALCULATION, '2025-26', { ukProperty: { income: { totalRentsReceived: 0 } } }, 'FORMAT_VALUE'],
      ['uk-property', ANY_CALCULATION, '2025-26', { ukProperty: { expenses: { consolidatedExpenses: 10, other: 5 } } }, 'RULE_BOTH_EXPENSES_SUPPLIED'],
      ['uk-property', ANY_CALCULATION, '2024-25', { ukProperty: { income: { totalRentsReceived: 5 } }, furnishedHolidayLet: { income: { totalRentsReceived: 5 } } }, 'RULE_BOTH_PROPERTIES_SUPPLIED'],
      ['uk-property', ANY_CALCULATION, '2025-26', { ukProperty: { zeroAdjustments: true, income: { totalRentsReceived: 5 } } }, 'RULE_BOTH_ADJUSTMENTS_SUPPLIED'],
      ['foreign-property', ANY_CALCULATION, '2025-26', { foreignProperty: { countryLevelDetail: [{ countryCode: 'ZZZ', income: { totalRentsReceived: 5 } }] } }, 'RULE_COUNTRY_CODE'],
      ['foreign-property', ANY_CALCULATION, '2026-27', { foreignProperty: { propertyLevelDetail: [{ propertyId: 'villa', income: { totalRentsReceived: 5 } }] } }, 'FORMAT_PROPERTY_ID'],
    ] as const
  ).map(([kind, id, year, body, code]): Probe => ({
    name: `BSAS 7.0: POST /individuals/self-assessment/adjustable-summary/{nino}/${kind}/{calculationId}/adjust/{taxYear}, 400 ${code}`,
    run: async (env) => {
      const res = await asTaxpayer(env, 'POST', `${BASE}/${nino(env)}/${kind}/${id}/adjust/${year}`, ACCEPT, { body });
      const got = (res.body as { code?: string }).code;
      return {
        ...res,
        expectStatus: 400,
        schema: { file: SPEC, pointer: `/paths/${`${BASE}/{nino}/${kind}/{calculationId}/adjust/{taxYear}`.replace(/\//g, '~1')}/post/responses/400` },
        problems: got === code ? [] : [`code ${got}, expected ${code}`],
      };
    },
  })),
];

export default probes;
