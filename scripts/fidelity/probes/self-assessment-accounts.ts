import { DEFAULT_APPLICATION } from '../../../emulator/config/defaults.js';
import type { FidelityEnv, Probe } from '../probe.js';
import { scenarioProbes, type ScenarioTable } from '../scenario-probes.js';
import { asTaxpayer, defaultBusinessId, nino, taxpayerToken } from '../taxpayer.js';

/**
 * Self Assessment Accounts 4.0: one probe per documented Gov-Test-Scenario of each operation. `STATEFUL` reads the
 * account a 2025-26 final declaration makes (£40,000 of self-employment profit, declared here unless an earlier
 * probe already declared the year) with £100 paid through the control API; coding out is written for 2024-25, then
 * read and deleted; opting out comes before opting in.
 */
const ACCEPT = 'application/vnd.hmrc.4.0+json';
const SPEC = 'self-assessment-accounts/conf/4.0/application.yaml';
const ROOT = '/accounts/self-assessment/{nino}';
const table = (t: Pick<ScenarioTable, 'method' | 'template' | 'path' | 'body' | 'scenarios'>) => scenarioProbes({ api: 'Self Assessment Accounts 4.0', spec: SPEC, accept: ACCEPT, token: taxpayerToken, ...t });
const rule = (scenario: string): [string, number, string] => [scenario, 400, `RULE_${scenario}`];
const notFound: [string, number, string] = ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'];
const root = (env: FidelityEnv): string => `/accounts/self-assessment/${nino(env)}`;
const digits = (env: FidelityEnv): string => nino(env).slice(2, 8);

/** Declares 2025-26 (once) and pays £100 towards it, so the stateful account has a charge and a payment. */
let declared: Promise<void> | undefined;
function declare(env: FidelityEnv): Promise<void> {
  declared ??= (async () => {
    const se = `/individuals/business/self-employment/${nino(env)}/${await defaultBusinessId(env)}/cumulative/2025-26`;
    const year = { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' }, periodIncome: { turnover: 40_000 }, periodExpenses: { consolidatedExpenses: 0 } };
    await asTaxpayer(env, 'PUT', se, 'application/vnd.hmrc.5.0+json', { scenario: 'STATEFUL', body: year });
    const calcs = `/individuals/calculations/${nino(env)}/self-assessment/2025-26`;
    const trigger = await asTaxpayer(env, 'POST', `${calcs}/trigger/intent-to-finalise`, 'application/vnd.hmrc.8.0+json', { scenario: 'STATEFUL' });
    const id = (trigger.body as { calculationId?: string }).calculationId;
    await env.request('POST', '/_emulator/clock/advance', { body: { by: 'PT5S' } });
    if (id) await asTaxpayer(env, 'POST', `${calcs}/${id}/final-declaration`, 'application/vnd.hmrc.8.0+json', { scenario: 'STATEFUL' });
    await env.request('POST', `/_emulator/income-tax/${DEFAULT_APPLICATION.clientId}/${nino(env)}/sa-payments`, { body: { amount: 100 } });
  })();
  return declared;
}
const stateful = (path: (env: FidelityEnv) => string) => async (env: FidelityEnv, scenario: string): Promise<string> => {
  if (scenario === 'STATEFUL') await declare(env);
  return path(env);
};

const coding = (env: FidelityEnv): string => `${root(env)}/2024-25/collection/tax-code`;
const AMOUNTS = { taxCodeComponents: { payeUnderpayment: [{ id: 1234567890, amount: 2000.5 }], selfAssessmentUnderpayment: [{ id: 4657839807, amount: 1123.45 }], debt: [{ id: 2134693857, amount: 100.25 }], inYearAdjustment: { id: 9873562901, amount: 123.45 } } };

const probes: Probe[] = [
  ...table({
    method: 'GET',
    template: `${ROOT}/balance-and-transactions`,
    path: stateful((env) => `${root(env)}/balance-and-transactions?onlyOpenItems=true&customerPaymentInformation=true&includeLocks=true`),
    scenarios: [['DEFAULT', 200], notFound, ['STATEFUL', 200]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/payments-and-allocations`,
    path: stateful((env) => `${root(env)}/payments-and-allocations`),
    scenarios: [['DEFAULT', 200], notFound, rule('INVALID_DATE_RANGE'), ['STATEFUL', 200]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/charges/{transactionId}`,
    path: stateful((env) => `${root(env)}/charges/26${digits(env)}0001`),
    scenarios: [['DEFAULT', 200], notFound, ['STATEFUL', 200]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/charges/transactionId/{transactionId}`,
    path: stateful((env) => `${root(env)}/charges/transactionId/26${digits(env)}0001`),
    scenarios: [['DEFAULT', 200], notFound, ['STATEFUL', 200]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/charges/chargeReference/{chargeReference}`,
    path: stateful((env) => `${root(env)}/charges/chargeReference/XM0026${digits(env)}01`),
    scenarios: [['DEFAULT', 200], notFound, ['STATEFUL', 200]],
  }),
  ...table({
    method: 'PUT',
    template: `${ROOT}/{taxYear}/collection/tax-code`,
    path: async (env) => coding(env),
    body: () => AMOUNTS,
    scenarios: [['DEFAULT', 204], rule('DUPLICATE_ID_NOT_ALLOWED'), rule('OUTSIDE_AMENDMENT_WINDOW'), ['STATEFUL', 204]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/{taxYear}/collection/tax-code`,
    path: async (env) => coding(env),
    scenarios: [['DEFAULT', 200], notFound, ['STATEFUL', 200]],
  }),
  ...table({
    method: 'DELETE',
    template: `${ROOT}/{taxYear}/collection/tax-code`,
    path: async (env) => coding(env),
    scenarios: [['DEFAULT', 204], rule('OUTSIDE_AMENDMENT_WINDOW'), notFound, ['STATEFUL', 204]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/{taxYear}/collection/tax-code/coding-out/status`,
    path: async (env) => `${coding(env)}/coding-out/status`,
    scenarios: [['DEFAULT', 200], rule('BUSINESS_PARTNER_NOT_EXIST'), rule('ITSA_CONTRACT_OBJECT_NOT_EXIST'), ['STATEFUL', 200]],
  }),
  ...table({
    method: 'POST',
    template: `${ROOT}/{taxYear}/collection/tax-code/coding-out/opt-out`,
    path: async (env) => `${coding(env)}/coding-out/opt-out`,
    scenarios: [['DEFAULT', 204], rule('BUSINESS_PARTNER_NOT_EXIST'), rule('ITSA_CONTRACT_OBJECT_NOT_EXIST'), rule('ALREADY_OPTED_OUT'), ['STATEFUL', 204]],
  }),
  ...table({
    method: 'POST',
    template: `${ROOT}/{taxYear}/collection/tax-code/coding-out/opt-in`,
    path: async (env) => `${coding(env)}/coding-out/opt-in`,
    scenarios: [['DEFAULT', 204], rule('BUSINESS_PARTNER_NOT_EXIST'), rule('ITSA_CONTRACT_OBJECT_NOT_EXIST'), rule('ALREADY_OPTED_IN'), ['STATEFUL', 204]],
  }),
  ...table({
    method: 'GET',
    template: `${ROOT}/penalties`,
    path: async (env) => `${root(env)}/penalties`,
    scenarios: [
      ['DEFAULT', 200],
      ...[
        'NO_PENALTIES',
        'LATE_SUBMISSION',
        'LATE_PAYMENT',
        'MULTIPLE_PENALTIES',
        'MULTIPLE_LATE_PAYMENT_PENALTIES',
        'MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES',
        'THRESHOLD_LATE_SUBMISSION_PENALTIES',
        'CHARGE_LATE_SUBMISSION_PENALTIES',
      ].map((s): [string, number] => [s, 200]),
      ['STATEFUL', 200],
    ],
  }),
  ...[
    ['GET', `${ROOT}/balance-and-transactions`, (env: FidelityEnv) => `${root(env)}/balance-and-transactions`, 'RULE_INCONSISTENT_QUERY_PARAMS'],
    ['GET', `${ROOT}/payments-and-allocations`, (env: FidelityEnv) => `${root(env)}/payments-and-allocations?paymentLot=081203010024`, 'MISSING_PAYMENT_LOT_ITEM'],
    ['GET', `${ROOT}/charges/chargeReference/{chargeReference}`, (env: FidelityEnv) => `${root(env)}/charges/chargeReference/X1`, 'FORMAT_CHARGE_REFERENCE'],
    ['GET', `${ROOT}/{taxYear}/collection/tax-code`, (env: FidelityEnv) => `${coding(env)}?source=mine`, 'FORMAT_SOURCE'],
  ].map(([method, template, path, code]) => ({
    name: `Self Assessment Accounts 4.0: ${method as string} ${template as string} is 400 ${code as string}`,
    run: async (env: FidelityEnv) => {
      const res = await asTaxpayer(env, method as string, (path as (env: FidelityEnv) => string)(env), ACCEPT);
      const got = (res.body as { code?: string }).code;
      return {
        ...res,
        schema: { file: SPEC, pointer: `/paths/${(template as string).replace(/\//g, '~1')}/${(method as string).toLowerCase()}/responses/400` },
        expectStatus: 400,
        problems: got === code ? [] : [`code ${got}, expected ${code as string}`],
      };
    },
  })),
];

export default probes;
