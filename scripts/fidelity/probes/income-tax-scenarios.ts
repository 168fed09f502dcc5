import type { FidelityEnv, Probe } from '../probe.js';
import { scenarioProbes, type ScenarioTable } from '../scenario-probes.js';
import { asTaxpayer, currentTaxYear, defaultBusinessId, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Every `Gov-Test-Scenario` value HMRC documents for the Income Tax APIs the emulator serves (Business Details
 * 2.0, Obligations 3.0, Individual Calculations 8.0, Self Employment Business 5.0), with the status and error code
 * HMRC's spec gives for it (the error example whose code is `RULE_<scenario>` or, for NOT_FOUND,
 * MATCHING_RESOURCE_NOT_FOUND). `DEFAULT` is the request without the header ("N/A - DEFAULT": a success), and
 * `STATEFUL` the emulator's stateful answer for the taxpayer's default business, set up by the probes before it
 * in each table (a write, then its read). Runs before income-tax.ts (file order), on tax years it does not use for
 * period summaries (2024-25); the final declaration comes last, for 2023-24, once this file's
 * 2023-24 period summaries are in.
 */
const BD = 'application/vnd.hmrc.2.0+json';
const OB = 'application/vnd.hmrc.3.0+json';
const CALC = 'application/vnd.hmrc.8.0+json';
const SE = 'application/vnd.hmrc.5.0+json';
const SCHEMA = '/content/application~1json/schema';
const ANY_CALCULATION = 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c';

type Row = ScenarioTable['scenarios'][number];
const ok = (scenario: string, status = 200): Row => [scenario, status];
const rule = (scenario: string, status = 400): Row => [scenario, status, `RULE_${scenario}`];
const notFound: Row = ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'];

const table = (api: string, spec: string, accept: string) => (t: Omit<ScenarioTable, 'api' | 'spec' | 'accept' | 'token'>) => scenarioProbes({ api, spec, accept, token: taxpayerToken, ...t });
const businessDetails = table('Business Details 2.0', 'business-details/conf/2.0/application.yaml', BD);
const obligations = table('Obligations 3.0', 'obligations/conf/3.0/application.yaml', OB);
const calculations = table('Individual Calculations 8.0', 'individual-calculations/conf/8.0/application.yaml', CALC);
const selfEmployment = table('Self Employment 5.0', 'self-employment-business/conf/5.0/application.yaml', SE);

const business = async (env: FidelityEnv, rest = ''): Promise<string> => `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}${rest}`;
const se = async (env: FidelityEnv, rest: string): Promise<string> => `/individuals/business/self-employment/${nino(env)}/${await defaultBusinessId(env)}${rest}`;
const calcs = (env: FidelityEnv, taxYear: string): string => `/individuals/calculations/${nino(env)}/self-assessment/${taxYear}`;

/** A calculation of the given type, triggered and then given the 5 virtual seconds it takes. */
async function readyCalculation(env: FidelityEnv, taxYear: string, type: string): Promise<string> {
  const res = await asTaxpayer(env, 'POST', `${calcs(env, taxYear)}/trigger/${type}`, CALC);
  const id = (res.body as { calculationId?: string }).calculationId;
  await env.request('POST', '/_emulator/clock/advance', { body: { by: 'PT5S' } });
  return id ?? ANY_CALCULATION;
}

const CUMULATIVE = { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 1000 }, periodExpenses: { consolidatedExpenses: 100 } };
const PERIOD_ID = '2023-04-06_2023-07-05';
const period = (start: string, end: string) => ({ periodDates: { periodStartDate: start, periodEndDate: end }, periodIncome: { turnover: 10 } });

const probes: Probe[] = [
  // Business Details 2.0
  ...businessDetails({
    method: 'GET',
    template: '/individuals/business/details/{nino}/list',
    path: async (env) => `/individuals/business/details/${nino(env)}/list`,
    scenarios: [ok('DEFAULT'), ok('PROPERTY'), ok('FOREIGN_PROPERTY'), ok('BUSINESS_AND_PROPERTY'), ok('UNSPECIFIED'), notFound, ok('STATEFUL')],
  }),
  ...businessDetails({
    method: 'GET',
    template: '/individuals/business/details/{nino}/{businessId}',
    // DYNAMIC answers by the business ID's form; XBIS12345678901 is HMRC's self-employment one.
    path: async (env, scenario) => (scenario === 'DYNAMIC' ? `/individuals/business/details/${nino(env)}/XBIS12345678901` : business(env)),
    scenarios: [ok('DEFAULT'), ok('PROPERTY'), ok('FOREIGN_PROPERTY'), ok('UNSPECIFIED'), notFound, ok('DYNAMIC'), ok('STATEFUL')],
  }),
  ...businessDetails({
    method: 'PUT',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}',
    path: async (env) => business(env, `/${await currentTaxYear(env)}`),
    body: () => ({ quarterlyPeriodType: 'standard' }),
    scenarios: [ok('DEFAULT', 204), rule('BUSINESS_ID_NOT_FOUND', 404), rule('BUSINESS_ID_STATE_CONFLICT'), rule('QUARTERLY_PERIOD_UPDATING'), ok('STATEFUL', 204)],
  }),
  ...businessDetails({
    method: 'PUT',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/accounting-type',
    path: (env) => business(env, '/2025-26/accounting-type'),
    body: () => ({ accountingType: 'ACCRUAL' }),
    scenarios: [ok('DEFAULT', 204), notFound, rule('OUTSIDE_AMENDMENT_WINDOW'), ok('STATEFUL', 204)],
  }),
  ...businessDetails({
    method: 'GET',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/accounting-type',
    path: (env) => business(env, '/2025-26/accounting-type'),
    scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')],
  }),
  ...businessDetails({
    method: 'PUT',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/periods-of-account',
    path: (env) => business(env, '/2025-26/periods-of-account'),
    body: () => ({ periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2026-04-05' }] }),
    scenarios: [ok('DEFAULT', 204), rule('CESSATION_DATE'), notFound, rule('OUTSIDE_AMENDMENT_WINDOW'), ok('STATEFUL', 204)],
  }),
  ...businessDetails({
    method: 'GET',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/periods-of-account',
    path: (env) => business(env, '/2025-26/periods-of-account'),
    scenarios: [ok('DEFAULT'), ok('NO_PERIODS_OF_ACCOUNT'), notFound, ok('STATEFUL')],
  }),
  ...businessDetails({
    method: 'GET',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/late-accounting-date-rule-election',
    path: (env) => business(env, '/2024-25/late-accounting-date-rule-election'),
    scenarios: [ok('DEFAULT'), notFound, ok('STATEFUL')],
  }),
  ...businessDetails({
    method: 'POST',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/late-accounting-date-rule-election/disapply',
    path: (env) => business(env, '/2024-25/late-accounting-date-rule-election/disapply'),
    // STATEFUL: the default business has no accounting date, so the stateful answer is this rule.
    scenarios: [ok('DEFAULT', 204), notFound, rule('NO_ACCOUNTING_DATE_FOUND', 422), rule('ELECTION_PERIOD_NOT_EXPIRED', 422), rule('OUTSIDE_AMENDMENT_WINDOW'), rule('TYPE_OF_BUSINESS_INCORRECT', 422), ['STATEFUL', 422, 'RULE_NO_ACCOUNTING_DATE_FOUND']],
  }),
  ...businessDetails({
    method: 'DELETE',
    template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/late-accounting-date-rule-election/withdraw',
    path: (env) => business(env, '/2024-25/late-accounting-date-rule-election/withdraw'),
    // STATEFUL: the default business has made no election, so there is none to withdraw.
    scenarios: [ok('DEFAULT', 204), notFound, rule('ELECTION_PERIOD_NOT_EXPIRED', 422), rule('OUTSIDE_AMENDMENT_WINDOW'), ['STATEFUL', 404, 'MATCHING_RESOURCE_NOT_FOUND']],
  }),

  // Obligations 3.0
  ...obligations({
    method: 'GET',
    template: '/obligations/details/{nino}/income-and-expenditure',
    path: async (env) => `/obligations/details/${nino(env)}/income-and-expenditure`,
    scenarios: [ok('DEFAULT'), ok('OPEN'), ok('FULFILLED'), rule('INSOLVENT_TRADER'), notFound, ['NO_OBLIGATIONS_FOUND', 404, 'NO_OBLIGATIONS_FOUND'], ok('DYNAMIC'), ok('CUMULATIVE')],
  }),
  ...obligations({
    method: 'GET',
    template: '/obligations/details/{nino}/crystallisation',
    path: async (env) => `/obligations/details/${nino(env)}/crystallisation`,
    scenarios: [ok('DEFAULT'), ok('MULTIPLE'), rule('INSOLVENT_TRADER'), notFound, ok('DYNAMIC')],
  }),

  // Individual Calculations 8.0
  ...calculations({
    method: 'POST',
    template: '/individuals/calculations/{nino}/self-assessment/{taxYear}/trigger/{calculationType}',
    path: async (env) => `${calcs(env, '2025-26')}/trigger/in-year`,
    scenarios: [
      ok('DEFAULT', 202),
      ...['NO_INCOME_SUBMISSIONS_EXIST', 'FINAL_DECLARATION_RECEIVED', 'INCOME_SOURCES_CHANGED', 'RECENT_SUBMISSIONS_EXIST', 'RESIDENCY_CHANGED', 'CALCULATION_IN_PROGRESS', 'BUSINESS_VALIDATION_FAILURE', 'TAX_YEAR_NOT_ENDED'].map((s) => rule(s)),
    ],
  }),
  ...calculations({
    method: 'GET',
    template: '/individuals/calculations/{nino}/self-assessment/{taxYear}',
    path: async (env) => {
      await env.request('POST', '/_emulator/clock/advance', { body: { by: 'PT5S' } });
      return calcs(env, '2025-26');
    },
    scenarios: [ok('DEFAULT'), notFound, ok('DYNAMIC')],
  }),
  ...calculations({
    method: 'GET',
    template: '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}',
    path: async (env) => `${calcs(env, '2025-26')}/${await readyCalculation(env, '2025-26', 'in-year')}`,
    successSchema: `${SCHEMA}/oneOf/2`, // def3: TY 2025-26
    scenarios: [
      ok('DEFAULT'),
      notFound,
      ...['ERROR_MESSAGES_EXIST', 'UK_MULTIPLE_INCOMES_EXAMPLE', 'UK_PROP_DIVIDENDS_EXAMPLE', 'UK_PROP_GIFTAID_EXAMPLE', 'UK_PROP_SAVINGS_EXAMPLE', 'UK_SE_GIFTAID_EXAMPLE', 'UK_SE_SAVINGS_EXAMPLE', 'SCOT_SE_DIVIDENDS_EXAMPLE', 'DYNAMIC'].map((s) => ok(s)),
    ],
  }),
  // Self Employment Business 5.0
  ...selfEmployment({
    method: 'PUT',
    template: '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
    path: (env) => se(env, '/cumulative/2025-26'),
    body: () => CUMULATIVE,
    scenarios: [
      ok('DEFAULT', 204),
      notFound,
      ...[
        'TAX_YEAR_NOT_SUPPORTED',
        'BOTH_EXPENSES_SUPPLIED',
        'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
        'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
        'MISSING_SUBMISSION_DATES',
        'START_AND_END_DATE_NOT_ALLOWED',
        'EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
        'OUTSIDE_AMENDMENT_WINDOW',
        'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
        'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
        'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      ].map((s) => rule(s)),
      ok('STATEFUL', 204),
    ],
  }),
  ...selfEmployment({
    method: 'GET',
    template: '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
    path: (env) => se(env, '/cumulative/2025-26'),
    scenarios: [ok('DEFAULT'), ok('CONSOLIDATED_EXPENSES'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ok('STATEFUL')],
  }),
  ...selfEmployment({
    method: 'PUT',
    template: '/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}',
    path: (env) => se(env, '/annual/2025-26'),
    body: () => ({ allowances: { annualInvestmentAllowance: 100 }, nonFinancials: { businessDetailsChangedRecently: false } }),
    scenarios: [ok('DEFAULT', 204), rule('ALLOWANCE_NOT_SUPPORTED'), notFound, rule('WRONG_TPA_AMOUNT_SUBMITTED'), rule('OUTSIDE_AMENDMENT_WINDOW'), ok('STATEFUL', 204)],
  }),
  ...selfEmployment({
    method: 'GET',
    template: '/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}',
    path: (env) => se(env, '/annual/2025-26'),
    successSchema: `${SCHEMA}/oneOf/2`, // def3: TY 2025-26
    scenarios: [ok('DEFAULT'), ok('TRADING_ALLOWANCE'), notFound, ok('STATEFUL')],
  }),
  ...selfEmployment({
    method: 'DELETE',
    template: '/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}',
    path: (env) => se(env, '/annual/2025-26'),
    // HMRC documents no "N/A - DEFAULT" here: DELETE is the header value that simulates success.
    scenarios: [notFound, rule('OUTSIDE_AMENDMENT_WINDOW'), ok('STATEFUL', 204), ok('DELETE', 204)],
  }),
  ...selfEmployment({
    method: 'POST',
    template: '/individuals/business/self-employment/{nino}/{businessId}/period',
    path: (env) => se(env, '/period'),
    // Only STATEFUL stores (HMRC's default answer stores nothing): it makes the period the probes below read.
    body: () => period('2023-04-06', '2023-07-05'),
    scenarios: [
      ok('DEFAULT'),
      ...['OVERLAPPING_PERIOD', 'MISALIGNED_PERIOD', 'NOT_CONTIGUOUS_PERIOD', 'NOT_ALLOWED_CONSOLIDATED_EXPENSES', 'DUPLICATE_SUBMISSION', 'TAX_YEAR_NOT_SUPPORTED'].map((s) => rule(s)),
      notFound,
      rule('BOTH_EXPENSES_SUPPLIED'),
      rule('BUSINESS_INCOME_PERIOD_RESTRICTION'),
      ok('STATEFUL'),
    ],
  }),
  ...selfEmployment({
    method: 'GET',
    template: '/individuals/business/self-employment/{nino}/{businessId}/period/{taxYear}',
    path: (env) => se(env, '/period/2023-24'),
    scenarios: [ok('DEFAULT'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ok('STATEFUL')],
  }),
  ...selfEmployment({
    method: 'GET',
    template: '/individuals/business/self-employment/{nino}/{businessId}/period/{taxYear}/{periodId}',
    path: (env) => se(env, `/period/2023-24/${PERIOD_ID}`),
    successSchema: `${SCHEMA}/oneOf/1`, // def2: TY 2023-24 and 2024-25
    scenarios: [ok('DEFAULT'), ok('CONSOLIDATED_EXPENSES'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), ok('STATEFUL'), ok('DYNAMIC')],
  }),
  ...selfEmployment({
    method: 'PUT',
    template: '/individuals/business/self-employment/{nino}/{businessId}/period/{taxYear}/{periodId}',
    path: (env) => se(env, `/period/2023-24/${PERIOD_ID}`),
    body: () => ({ periodIncome: { turnover: 20 } }),
    scenarios: [ok('DEFAULT', 204), rule('NOT_ALLOWED_CONSOLIDATED_EXPENSES'), notFound, rule('TAX_YEAR_NOT_SUPPORTED'), rule('BOTH_EXPENSES_SUPPLIED'), ok('STATEFUL', 204)],
  }),

  // Last: a final declaration closes its tax year (2023-24) to the amendments above.
  ...calculations({
    method: 'POST',
    template: '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}/{calculationType}',
    path: async (env, scenario) => `${calcs(env, '2023-24')}/${scenario === 'DEFAULT' ? await readyCalculation(env, '2023-24', 'intent-to-finalise') : ANY_CALCULATION}/final-declaration`,
    scenarios: [
      ...[
        'OUTSIDE_AMENDMENT_WINDOW',
        'FINAL_DECLARATION_IN_PROGRESS',
        'FINAL_DECLARATION_RECEIVED',
        'FINAL_DECLARATION_TAX_YEAR',
        'INCOME_SOURCES_CHANGED',
        'INCOME_SOURCES_INVALID',
        'NO_INCOME_SUBMISSIONS_EXIST',
        'RECENT_SUBMISSIONS_EXIST',
        'RESIDENCY_CHANGED',
        'SUBMISSION_FAILED',
        'TAX_YEAR_NOT_SUPPORTED',
      ].map((s) => rule(s)),
      notFound,
      ok('DEFAULT', 204),
    ],
  }),
];

export default probes;
