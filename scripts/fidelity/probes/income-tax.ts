import type { Probe, SchemaRef } from '../probe.js';
import { asTaxpayer, asVendor, currentTaxYear, defaultBusinessId, nino, SCOPES } from '../taxpayer.js';

/**
 * Making Tax Digital for Income Tax, as the seeded `individual` persona (signed up: HMRC-MTD-IT, confidence level
 * 250) and the default application. Business Details 2.0, Obligations 3.0, Individual Calculations 8.0, Self
 * Employment Business 5.0 and Self Assessment Test Support 1.0 bodies are checked against HMRC's schemas in the
 * specs folder, successes and errors, beside the behaviour the emulator promises (read-back, the 5 s a calculation
 * takes). One probe per documented Gov-Test-Scenario is in income-tax-scenarios.ts. Where a success schema is a
 * `oneOf` of overlapping per-tax-year alternatives, the probe names the one for its tax year.
 *
 * One known defect in HMRC's specs: the List Checkpoints schema says checkpointId matches `^[A-Za-z0-9]{36}$`,
 * while HMRC's own example, the create schema (`^[A-Za-z0-9\-]{36}$`) and the path parameter use UUIDs with
 * hyphens. The emulator issues UUIDs; the probe checks they are UUIDs, then validates the rest of the list with
 * the hyphens taken out.
 */
const BD = 'application/vnd.hmrc.2.0+json';
const OB = 'application/vnd.hmrc.3.0+json';
const CALC = 'application/vnd.hmrc.8.0+json';
const SE = 'application/vnd.hmrc.5.0+json';
const SUPPORT = '/individuals/self-assessment-test-support';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const at = (file: string, pointer: string): SchemaRef => ({ file, pointer });
const bd = (file: string, method: string, status: number) => at(`business-details/conf/2.0/${file}`, `/${method}/responses/${status}`);
const ob = (file: string, status: number) => at(`obligations/conf/3.0/${file}`, `/get/responses/${status}`);
const sa = (file: string, pointer: string) => at(`self-assessment-test-support/conf/1.0/${file}`, pointer);
/** The schema of an operation's 200 response in an API's application.yaml; `below` picks a per-tax-year `oneOf` alternative. */
const ok200 = (api: string, template: string, below = '') => at(`${api}/application.yaml`, `/paths/${template.replace(/\//g, '~1')}/get/responses/200${below}`);
const SE_SPEC = 'self-employment-business/conf/5.0';
const TY_2025_26 = '/content/application~1json/schema/oneOf/2';

const probes: Probe[] = [
  // Business Details 1.0: retired; HMRC's 1.0 spec documents its one path as 410 Gone, with no body.
  {
    name: 'Business Details 1.0: GET retired is 410 Gone',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', '/individuals/business/details/retired', 'application/vnd.hmrc.1.0+json')), schema: null, expectStatus: 410 }),
  },
  // Business Details 2.0
  {
    name: 'Business Details 2.0: GET list (stateful default business)',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD)), schema: bd('list.yaml', 'get', 200) }),
  },
  {
    name: 'Business Details 2.0: GET list, Gov-Test-Scenario BUSINESS_AND_PROPERTY',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD, { scenario: 'BUSINESS_AND_PROPERTY' })),
      schema: bd('list.yaml', 'get', 200),
    }),
  },
  {
    name: 'Business Details 2.0: GET retrieve (default business)',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}`, BD)), schema: bd('retrieve.yaml', 'get', 200) }),
  },
  {
    name: 'Business Details 2.0: GET retrieve, Gov-Test-Scenario DYNAMIC (foreign property)',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/XFIS12345678901`, BD, { scenario: 'DYNAMIC' })),
      schema: bd('retrieve.yaml', 'get', 200),
    }),
  },
  {
    name: 'Business Details 2.0: 400 FORMAT_NINO',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', '/individuals/business/details/NOT-A-NINO/list', BD)), schema: bd('list.yaml', 'get', 400), expectStatus: 400 }),
  },
  {
    name: 'Business Details 2.0: 400 RULE_INCORRECT_GOV_TEST_SCENARIO',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD, { scenario: 'NO_SUCH_SCENARIO' })),
      schema: bd('list.yaml', 'get', 400),
      expectStatus: 400,
    }),
  },
  {
    name: 'Business Details 2.0: 403 CLIENT_OR_AGENT_NOT_AUTHORISED for another NINO',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', '/individuals/business/details/AB123456C/list', BD)), schema: bd('list.yaml', 'get', 403), expectStatus: 403 }),
  },
  {
    name: 'Business Details 2.0: 404 NO_BUSINESS_FOUND for an unknown business',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/XAIS99999999999`, BD, { scenario: 'STATEFUL' })),
      schema: bd('retrieve.yaml', 'get', 404),
      expectStatus: 404,
    }),
  },

  {
    name: 'Business Details 2.0: PUT quarterly period type for the current tax year (204)',
    async run(env) {
      const taxYear = await currentTaxYear(env);
      const res = await asTaxpayer(env, 'PUT', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/${taxYear}`, BD, { body: { quarterlyPeriodType: 'standard' } });
      return { ...res, schema: null, expectStatus: 204 };
    },
  },
  {
    name: 'Business Details 2.0: 404 RULE_BUSINESS_ID_NOT_FOUND for a quarterly period type',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'PUT', `/individuals/business/details/${nino(env)}/XAIS99999999999/2025-26`, BD, { scenario: 'STATEFUL', body: { quarterlyPeriodType: 'calendar' } })),
      schema: bd('quarterly_period_type_create_amend.yaml', 'put', 404),
      expectStatus: 404,
    }),
  },
  {
    name: 'Business Details 2.0: GET accounting type (200)',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/2025-26/accounting-type`, BD)),
      schema: at('business-details/conf/2.0/retrieve_accounting_type.yaml', '/responses/200'),
    }),
  },
  {
    name: 'Business Details 2.0: PUT accounting type, then 400 RULE_TAX_YEAR_NOT_SUPPORTED before 2024-25',
    async run(env) {
      const id = await defaultBusinessId(env);
      const url = (ty: string) => `/individuals/business/details/${nino(env)}/${id}/${ty}/accounting-type`;
      const put = await asTaxpayer(env, 'PUT', url('2025-26'), BD, { body: { accountingType: 'ACCRUAL' } });
      if (put.status !== 204) return { ...put, schema: null, expectStatus: 204 };
      const old = await asTaxpayer(env, 'PUT', url('2023-24'), BD, { body: { accountingType: 'CASH' } });
      return { ...old, schema: at('business-details/conf/2.0/update_accounting_type.yaml', '/responses/400'), expectStatus: 400 };
    },
  },

  {
    name: 'Business Details 2.0: PUT then GET periods of account (200)',
    async run(env) {
      const url = `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/2025-26/periods-of-account`;
      const body = { periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2026-04-05' }] };
      const put = await asTaxpayer(env, 'PUT', url, BD, { body });
      if (put.status !== 204) return { ...put, schema: null, expectStatus: 204 };
      return { ...(await asTaxpayer(env, 'GET', url, BD)), schema: at('business-details/conf/2.0/retrieve_periods_of_account.yaml', '/responses/200') };
    },
  },
  {
    name: 'Business Details 2.0: 400 RULE_PERIODS_OF_ACCOUNT',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'PUT', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/2025-26/periods-of-account`, BD, { body: { periodsOfAccount: true } })),
      schema: at('business-details/conf/2.0/create_update_periods_of_account.yaml', '/responses/400'),
      expectStatus: 400,
    }),
  },

  {
    name: 'Business Details 2.0: GET late accounting date rule election (200)',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/2024-25/late-accounting-date-rule-election`, BD)),
      schema: bd('retrieve_late_accounting_date_rule.yaml', 'get', 200),
    }),
  },
  {
    name: 'Business Details 2.0: 422 RULE_NO_ACCOUNTING_DATE_FOUND disapplying the late accounting date rule',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'POST', `/individuals/business/details/${nino(env)}/${await defaultBusinessId(env)}/2024-25/late-accounting-date-rule-election/disapply`, BD, { scenario: 'STATEFUL' })),
      schema: bd('disapply_late_accounting_date_rule.yaml', 'post', 422),
      expectStatus: 422,
    }),
  },

  // Obligations 3.0
  {
    name: 'Obligations 3.0: GET income-and-expenditure (default range: today and the next 366 days)',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure`, OB)), schema: ob('retrieve_income_tax_income_expenditure.yaml', 200) }),
  },
  {
    name: 'Obligations 3.0: GET income-and-expenditure for 2024-25 (standard quarters)',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure?fromDate=2024-04-06&toDate=2025-04-05`, OB)),
      schema: ob('retrieve_income_tax_income_expenditure.yaml', 200),
    }),
  },
  {
    name: 'Obligations 3.0: GET income-and-expenditure, Gov-Test-Scenario CUMULATIVE',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure`, OB, { scenario: 'CUMULATIVE' })),
      schema: ob('retrieve_income_tax_income_expenditure.yaml', 200),
    }),
  },
  {
    name: 'Obligations 3.0: 400 INVALID_REQUEST (FORMAT_FROM_DATE and FORMAT_TO_DATE)',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure?fromDate=2025-13-01&toDate=tomorrow`, OB)),
      schema: ob('retrieve_income_tax_income_expenditure.yaml', 400),
      expectStatus: 400,
    }),
  },
  {
    name: 'Obligations 3.0: 400 RULE_DATE_RANGE_INVALID',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure?fromDate=2024-04-06&toDate=2025-06-01`, OB)),
      schema: ob('retrieve_income_tax_income_expenditure.yaml', 400),
      expectStatus: 400,
    }),
  },
  {
    name: 'Obligations 3.0: 404 NO_OBLIGATIONS_FOUND',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/income-and-expenditure`, OB, { scenario: 'NO_OBLIGATIONS_FOUND' })),
      schema: ob('retrieve_income_tax_income_expenditure.yaml', 404),
      expectStatus: 404,
    }),
  },
  {
    name: 'Obligations 3.0: GET crystallisation (final declaration)',
    run: async (env) => ({ ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/crystallisation`, OB)), schema: ob('retrieve_income_tax_crystallisation.yaml', 200) }),
  },
  {
    name: 'Obligations 3.0: GET crystallisation, Gov-Test-Scenario MULTIPLE',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/crystallisation?taxYear=2023-24`, OB, { scenario: 'MULTIPLE' })),
      schema: ob('retrieve_income_tax_crystallisation.yaml', 200),
    }),
  },
  {
    name: 'Obligations 3.0: 400 RULE_TAX_YEAR_RANGE_INVALID',
    run: async (env) => ({
      ...(await asTaxpayer(env, 'GET', `/obligations/details/${nino(env)}/crystallisation?taxYear=2023-25`, OB)),
      schema: ob('retrieve_income_tax_crystallisation.yaml', 400),
      expectStatus: 400,
    }),
  },

  // Self Employment Business 5.0 and Individual Calculations 8.0
  {
    name: 'Self Employment 5.0: PUT then GET a cumulative summary reads back what was sent',
    async run(env) {
      const path = `/individuals/business/self-employment/${nino(env)}/${await defaultBusinessId(env)}/cumulative/2025-26`;
      const body = { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 1000 }, periodExpenses: { consolidatedExpenses: 100 } };
      const put = await asTaxpayer(env, 'PUT', path, SE, { scenario: 'STATEFUL', body });
      if (put.status !== 204) return { ...put, schema: null, expectStatus: 204 };
      const get = await asTaxpayer(env, 'GET', path, SE, { scenario: 'STATEFUL' });
      return { ...get, schema: ok200(SE_SPEC, '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}'), expectStatus: 200, problems: JSON.stringify(get.body) === JSON.stringify(body) ? [] : [`read back ${JSON.stringify(get.body)}`] };
    },
  },
  {
    name: 'Self Employment 5.0: PUT then GET an annual submission reads back what was sent',
    async run(env) {
      const path = `/individuals/business/self-employment/${nino(env)}/${await defaultBusinessId(env)}/annual/2025-26`;
      const body = { allowances: { annualInvestmentAllowance: 100 }, nonFinancials: { businessDetailsChangedRecently: false } };
      const put = await asTaxpayer(env, 'PUT', path, SE, { scenario: 'STATEFUL', body });
      if (put.status !== 204) return { ...put, schema: null, expectStatus: 204 };
      const get = await asTaxpayer(env, 'GET', path, SE, { scenario: 'STATEFUL' });
      return {
        ...get,
        schema: ok200(SE_SPEC, '/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}', TY_2025_26),
        expectStatus: 200,
        problems: JSON.stringify(get.body) === JSON.stringify(body) ? [] : [`read back ${JSON.stringify(get.body)}`],
      };
    },
  },
  {
    name: 'Self Employment 5.0: POST a 2024-25 period summary (200 periodId), then list it',
    async run(env) {
      const base = `/individuals/business/self-employment/${nino(env)}/${await defaultBusinessId(env)}/period`;
      const created = await asTaxpayer(env, 'POST', base, SE, { body: { periodDates: { periodStartDate: '2024-04-06', periodEndDate: '2024-07-05' }, periodIncome: { turnover: 10 } } });
      const problems = (created.body as { periodId?: string }).periodId === '2024-04-06_2024-07-05' ? [] : [`create: ${created.status} ${JSON.stringify(created.body)}`];
      return { ...(await asTaxpayer(env, 'GET', `${base}/2024-25`, SE)), schema: ok200(SE_SPEC, '/individuals/business/self-employment/{nino}/{businessId}/period/{taxYear}'), expectStatus: 200, problems };
    },
  },
  {
    name: 'Individual Calculations 8.0: trigger (202), 404 until 5 s pass on the virtual clock, then retrieve and list',
    async run(env) {
      const base = `/individuals/calculations/${nino(env)}/self-assessment/2025-26`;
      const trigger = await asTaxpayer(env, 'POST', `${base}/trigger/in-year`, CALC, { scenario: 'STATEFUL' });
      const id = (trigger.body as { calculationId?: string }).calculationId ?? '';
      const problems = UUID.test(id) ? [] : [`calculationId ${id} is not a UUID`];
      const early = await asTaxpayer(env, 'GET', `${base}/${id}`, CALC, { scenario: 'STATEFUL' });
      if (early.status !== 404) problems.push(`retrieve before 5 s: ${early.status}, expected 404`);
      await env.request('POST', '/_emulator/clock/advance', { body: { by: 'PT5S' } });
      const list = await asTaxpayer(env, 'GET', base, CALC, { scenario: 'STATEFUL' });
      if (!JSON.stringify(list.body).includes(id)) problems.push(`list does not include ${id}: ${list.status}`);
      const ready = await asTaxpayer(env, 'GET', `${base}/${id}`, CALC, { scenario: 'STATEFUL' });
      const doc = ready.body as { metadata?: { calculationId?: string }; inputs?: unknown };
      if (doc.metadata?.calculationId !== id || !doc.inputs) problems.push('retrieve lacks metadata.calculationId or inputs');
      return { ...ready, schema: ok200('individual-calculations/conf/8.0', '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}', TY_2025_26), expectStatus: 200, problems };
    },
  },

  // Self Assessment Test Support 1.0
  {
    name: 'SA Test Support 1.0: POST business (201)',
    run: async (env) => ({
      ...(await asVendor(env, 'POST', `${SUPPORT}/business/${nino(env)}`, { typeOfBusiness: 'self-employment', tradingName: 'Probe Trading', businessAddressLineOne: '1 Probe St', businessAddressPostcode: 'M1 1AG', businessAddressCountryCode: 'GB', commencementDate: '2024-04-06' })),
      schema: sa('business_create.yaml', '/post/responses/201'),
      expectStatus: 201,
    }),
  },
  {
    name: 'SA Test Support 1.0: 400 RULE_MISSING_TRADING_NAME',
    run: async (env) => ({
      ...(await asVendor(env, 'POST', `${SUPPORT}/business/${nino(env)}`, { typeOfBusiness: 'self-employment', businessAddressLineOne: '1 Probe St', businessAddressCountryCode: 'FR' })),
      schema: sa('business_create.yaml', '/post/responses/400'),
      expectStatus: 400,
    }),
  },
  {
    name: 'SA Test Support 1.0: 400 FORMAT_NINO',
    run: async (env) => ({ ...(await asVendor(env, 'POST', `${SUPPORT}/business/NOPE`, { typeOfBusiness: 'uk-property' })), schema: sa('business_create.yaml', '/post/responses/400'), expectStatus: 400 }),
  },
  {
    name: 'SA Test Support 1.0: 400 RULE_PROPERTY_BUSINESS_ADDED for a second UK property business',
    async run(env) {
      await asVendor(env, 'POST', `${SUPPORT}/business/${nino(env)}`, { typeOfBusiness: 'uk-property' });
      return { ...(await asVendor(env, 'POST', `${SUPPORT}/business/${nino(env)}`, { typeOfBusiness: 'uk-property' })), schema: sa('business_create.yaml', '/post/responses/400'), expectStatus: 400 };
    },
  },
  {
    name: 'SA Test Support 1.0: POST itsa-status (204)',
    run: async (env) => ({
      ...(await asVendor(env, 'POST', `${SUPPORT}/itsa-status/${nino(env)}/2025-26`, {
        itsaStatusDetails: [{ submittedOn: '2025-03-23T16:02:34.039Z', status: 'MTD Mandated', statusReason: 'Sign up - no return available', businessIncome2YearsPrior: 4500.23 }],
      })),
      schema: null,
      expectStatus: 204,
    }),
  },
  {
    name: 'SA Test Support 1.0: 400 FORMAT_STATUS on itsa-status',
    run: async (env) => ({
      ...(await asVendor(env, 'POST', `${SUPPORT}/itsa-status/${nino(env)}/2025-26`, { itsaStatusDetails: [{ submittedOn: '2025-03-23T16:02:34.039Z', status: 'Maybe', statusReason: 'Complex' }] })),
      schema: sa('itsa_status_create_amend.yaml', '/post/responses/400'),
      expectStatus: 400,
    }),
  },
  {
    name: 'SA Test Support 1.0: 403 CLIENT_OR_AGENT_NOT_AUTHORISED for a user not signed up to Income Tax',
    async run(env) {
      const p = env.persona('vat-individual');
      const token = await env.userToken(p.userId, p.password, SCOPES);
      return {
        ...(await env.request('POST', `${SUPPORT}/business/${nino(env)}`, { token, body: { typeOfBusiness: 'foreign-property' } })),
        schema: sa('business_create.yaml', '/post/responses/403'),
        expectStatus: 403,
      };
    },
  },
  {
    name: 'SA Test Support 1.0: POST checkpoint (201)',
    run: async (env) => ({ ...(await asVendor(env, 'POST', `${SUPPORT}/vendor-state/checkpoints?nino=${nino(env)}`)), schema: sa('checkpoints_create.yaml', '/responses/201'), expectStatus: 201 }),
  },
  {
    name: 'SA Test Support 1.0: GET checkpoints (200; UUIDs, see the note on HMRC’s list schema)',
    async run(env) {
      const res = await asVendor(env, 'GET', `${SUPPORT}/vendor-state/checkpoints`);
      const checkpoints = (res.body as { checkpoints?: Array<{ checkpointId: string }> }).checkpoints ?? [];
      const problems = checkpoints.length ? checkpoints.filter((c) => !UUID.test(c.checkpointId)).map((c) => `checkpointId ${c.checkpointId} is not a UUID`) : ['no checkpoints listed'];
      const body = { ...(res.body as object), checkpoints: checkpoints.map((c) => ({ ...c, checkpointId: c.checkpointId.replace(/-/g, '').padEnd(36, '0') })) };
      return { status: res.status, body, schema: sa('checkpoints_list.yaml', '/responses/200'), expectStatus: 200, problems };
    },
  },
  {
    name: 'SA Test Support 1.0: restore a checkpoint (201)',
    async run(env) {
      const created = await asVendor(env, 'POST', `${SUPPORT}/vendor-state/checkpoints?nino=${nino(env)}`);
      const id = (created.body as { checkpointId?: string }).checkpointId;
      return { ...(await asVendor(env, 'POST', `${SUPPORT}/vendor-state/checkpoints/${id}/restore`)), schema: null, expectStatus: 201 };
    },
  },
  {
    name: 'SA Test Support 1.0: DELETE a checkpoint (204), then 404 deleting it again',
    async run(env) {
      const created = await asVendor(env, 'POST', `${SUPPORT}/vendor-state/checkpoints?nino=${nino(env)}`);
      const id = (created.body as { checkpointId?: string }).checkpointId;
      const first = await asVendor(env, 'DELETE', `${SUPPORT}/vendor-state/checkpoints/${id}`);
      if (first.status !== 204) return { ...first, schema: null, expectStatus: 204 };
      return { ...(await asVendor(env, 'DELETE', `${SUPPORT}/vendor-state/checkpoints/${id}`)), schema: sa('checkpoints_delete.yaml', '/delete/responses/404'), expectStatus: 404 };
    },
  },
  {
    name: 'SA Test Support 1.0: 404 restoring an unknown checkpoint',
    run: async (env) => ({
      ...(await asVendor(env, 'POST', `${SUPPORT}/vendor-state/checkpoints/00000000-0000-4000-8000-000000000000/restore`)),
      schema: sa('checkpoints_restore.yaml', '/post/responses/404'),
      expectStatus: 404,
    }),
  },
  {
    name: 'SA Test Support 1.0: 404 deleting an unknown business',
    run: async (env) => ({ ...(await asVendor(env, 'DELETE', `${SUPPORT}/business/${nino(env)}/XAIS99999999999`)), schema: sa('business_delete.yaml', '/delete/responses/404'), expectStatus: 404 }),
  },
  {
    name: 'SA Test Support 1.0: DELETE vendor-state (204), then 404 with nothing left',
    async run(env) {
      const first = await asVendor(env, 'DELETE', `${SUPPORT}/vendor-state`);
      if (first.status !== 204) return { ...first, schema: null, expectStatus: 204 };
      return { ...(await asVendor(env, 'DELETE', `${SUPPORT}/vendor-state`)), schema: sa('vendor_state_delete.yaml', '/responses/404'), expectStatus: 404 };
    },
  },
];

export default probes;
