import type { FidelityEnv, Probe, ProbeResponse, SchemaRef } from '../probe.js';
import { validHeaders } from '../../../test/http/fraud-header-sets.js';

/**
 * VAT (MTD) 1.0 (hmrc/vat-api): every endpoint's success and error bodies against the response schemas of HMRC's
 * OpenAPI file, as the seeded `organisation` persona (HMRC-MTD-VAT). Probes run in order: the return submitted
 * early on is the one viewed, refused as a duplicate and listed as a liability later. Every call carries valid
 * fraud prevention headers, and each probe also checks the emulator's `X-Emulator-Fraud-Headers` verdict.
 */
const FILE = 'vat/conf/1.0/application.yaml';
const FRAUD = validHeaders('DESKTOP_APP_DIRECT');

const schema = (path: string, method: 'get' | 'post', status: number): SchemaRef => ({
  file: FILE,
  pointer: `/paths/${`/organisations/vat/{vrn}${path}`.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`,
});

/** A return with VAT owed, for a period key outside the generated ones (the sandbox needs no obligation for it). */
const RETURN = {
  periodKey: '#001',
  vatDueSales: 100,
  vatDueAcquisitions: 100,
  totalVatDue: 200,
  vatReclaimedCurrPeriod: 100,
  netVatDue: 100,
  totalValueSalesExVAT: 500,
  totalValuePurchasesExVAT: 500,
  totalValueGoodsSuppliedExVAT: 500,
  totalAcquisitionsExVAT: 500,
  finalised: true,
};

const tokens = new WeakMap<FidelityEnv, Promise<{ vrn: string; token: string }>>();

/** The organisation's VRN and a read:vat write:vat token, fetched once per run. */
function organisation(env: FidelityEnv): Promise<{ vrn: string; token: string }> {
  let t = tokens.get(env);
  if (!t) {
    const persona = env.persona('organisation');
    const vrn = persona.vrn ?? persona.identifiers?.vrn;
    if (!vrn) throw new Error('the organisation persona has no VRN');
    t = env.userToken(persona.userId, persona.password, 'read:vat write:vat').then((token) => ({ vrn, token }));
    tokens.set(env, t);
  }
  return t;
}

interface Call {
  name: string;
  method?: 'GET' | 'POST';
  /** Below `/organisations/vat/{vrn}`, with the query. `{vrn}` stands for the organisation's VRN unless given. */
  path: string;
  vrn?: string;
  scenario?: string;
  body?: unknown;
  expectStatus: number;
  /** The OAS path and status whose schema the body must match. */
  schemaPath: string;
  extra?: (res: ProbeResponse) => string[];
}

function probe(c: Call): Probe {
  return {
    name: `VAT 1.0: ${c.name}`,
    async run(env) {
      const { vrn, token } = await organisation(env);
      const headers: Record<string, string> = { ...FRAUD, ...(c.scenario ? { 'Gov-Test-Scenario': c.scenario } : {}) };
      const res = await env.request(c.method ?? 'GET', `/organisations/vat/${c.vrn ?? vrn}${c.path}`, { token, headers, body: c.body });
      const problems = [...(c.extra?.(res) ?? [])];
      const verdict = res.headers.get('x-emulator-fraud-headers');
      if (verdict !== 'VALID_HEADERS') problems.push(`X-Emulator-Fraud-Headers: expected VALID_HEADERS, got ${verdict}`);
      return { ...res, expectStatus: c.expectStatus, schema: schema(c.schemaPath, c.method === 'POST' ? 'post' : 'get', c.expectStatus), problems };
    },
  };
}

const receiptHeaders = (res: ProbeResponse): string[] =>
  ['x-correlationid', 'receipt-id', 'receipt-timestamp', 'receipt-signature'].filter((h) => !res.headers.get(h)).map((h) => `missing response header ${h}`);

const today = (): string => new Date().toISOString().slice(0, 10);
const yearAgo = (): string => new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);

const probes: Probe[] = [
  probe({ name: 'GET obligations (open, no dates)', path: '/obligations?status=O', expectStatus: 200, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations (dates, all statuses)', get path() { return `/obligations?from=${yearAgo()}&to=${today()}`; }, expectStatus: 200, schemaPath: '/obligations' }),
  ...['QUARTERLY_NONE_MET', 'QUARTERLY_ONE_MET', 'QUARTERLY_TWO_MET', 'QUARTERLY_THREE_MET', 'QUARTERLY_FOUR_MET', 'MONTHLY_NONE_MET', 'MONTHLY_ONE_MET', 'MONTHLY_TWO_MET', 'MONTHLY_THREE_MET'].map((scenario) =>
    probe({ name: `GET obligations with Gov-Test-Scenario ${scenario}`, scenario, path: '/obligations?status=O', expectStatus: 200, schemaPath: '/obligations' }),
  ),
  ...['MONTHLY_OBS_03_OPEN', 'MONTHLY_OBS_12_FULFILLED', 'QUARTERLY_OBS_04_FULFILLED', 'MULTIPLE_OPEN_MONTHLY', 'MULTIPLE_OPEN_QUARTERLY', 'OBS_SPANS_MULTIPLE_YEARS'].map((scenario) =>
    probe({ name: `GET obligations with Gov-Test-Scenario ${scenario}`, scenario, path: '/obligations?from=2018-01-01&to=2018-12-31', expectStatus: 200, schemaPath: '/obligations' }),
  ),
  probe({ name: 'GET obligations with a bad VRN is 400 VRN_INVALID', vrn: '12345', path: '/obligations?status=O', expectStatus: 400, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations over 366 days is 400 INVALID_DATE_RANGE', path: '/obligations?from=2024-01-01&to=2025-06-01', expectStatus: 400, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations with a bad status is 400 INVALID_STATUS', path: '/obligations?from=2025-01-01&to=2025-06-01&status=Z', expectStatus: 400, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations for another VRN is 403 CLIENT_OR_AGENT_NOT_AUTHORISED', vrn: '999999999', path: '/obligations?status=O', expectStatus: 403, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations with Gov-Test-Scenario INSOLVENT_TRADER is 403', scenario: 'INSOLVENT_TRADER', path: '/obligations?status=O', expectStatus: 403, schemaPath: '/obligations' }),
  probe({ name: 'GET obligations with Gov-Test-Scenario NOT_FOUND is 404', scenario: 'NOT_FOUND', path: '/obligations?status=O', expectStatus: 404, schemaPath: '/obligations' }),

  probe({ name: 'POST returns is 201 with a receipt', method: 'POST', path: '/returns', body: RETURN, expectStatus: 201, schemaPath: '/returns', extra: receiptHeaders }),
  probe({ name: 'POST returns again for the period is 403 DUPLICATE_SUBMISSION', method: 'POST', path: '/returns', body: RETURN, expectStatus: 403, schemaPath: '/returns' }),
  probe({ name: 'POST returns with a wrong box 3 is 400 VAT_TOTAL_VALUE', method: 'POST', path: '/returns', body: { ...RETURN, periodKey: '#002', totalVatDue: 1 }, expectStatus: 400, schemaPath: '/returns' }),
  probe({ name: 'POST returns with pence in box 6 is 400 INVALID_MONETARY_AMOUNT', method: 'POST', path: '/returns', body: { ...RETURN, periodKey: '#002', totalValueSalesExVAT: 1.5 }, expectStatus: 400, schemaPath: '/returns' }),
  probe({ name: 'POST returns not finalised is 403 NOT_FINALISED', method: 'POST', path: '/returns', body: { ...RETURN, periodKey: '#002', finalised: false }, expectStatus: 403, schemaPath: '/returns' }),
  ...(
    [
      ['INVALID_VRN', 400],
      ['INVALID_PERIODKEY', 400],
      ['INVALID_PAYLOAD', 400],
      ['DUPLICATE_SUBMISSION', 403],
      ['TAX_PERIOD_NOT_ENDED', 403],
      ['INSOLVENT_TRADER', 403],
    ] as const
  ).map(([scenario, status]) =>
    probe({ name: `POST returns with Gov-Test-Scenario ${scenario} is ${status}`, scenario, method: 'POST', path: '/returns', body: { ...RETURN, periodKey: '#003' }, expectStatus: status, schemaPath: '/returns' }),
  ),

  probe({ name: 'GET returns/{periodKey} shows the submitted return', path: '/returns/%23001', expectStatus: 200, schemaPath: '/returns/{periodKey}' }),
  probe({ name: 'GET returns/{periodKey} for a period with no return is 404', path: '/returns/%23009', expectStatus: 404, schemaPath: '/returns/{periodKey}' }),
  probe({ name: 'GET returns/{periodKey} with a malformed key is 400', path: '/returns/TOOLONG', expectStatus: 400, schemaPath: '/returns/{periodKey}' }),
  probe({ name: 'GET returns/{periodKey} with Gov-Test-Scenario DATE_RANGE_TOO_LARGE is 403', scenario: 'DATE_RANGE_TOO_LARGE', path: '/returns/%23001', expectStatus: 403, schemaPath: '/returns/{periodKey}' }),
  probe({ name: 'GET returns/{periodKey} with Gov-Test-Scenario INSOLVENT_TRADER is 403', scenario: 'INSOLVENT_TRADER', path: '/returns/%23001', expectStatus: 403, schemaPath: '/returns/{periodKey}' }),

  ...['SINGLE_LIABILITY', 'MULTIPLE_LIABILITIES'].map((scenario) =>
    probe({ name: `GET liabilities with Gov-Test-Scenario ${scenario}`, scenario, path: '/liabilities?from=2017-01-02&to=2017-12-21', expectStatus: 200, schemaPath: '/liabilities' }),
  ),
  // With the dates HMRC's scenario table gives for each.
  ...[
    ['SINGLE_LIABILITY_2018_19', '/liabilities?from=2018-01-02&to=2018-02-02'],
    ['MULTIPLE_LIABILITIES_2018_19', '/liabilities?from=2018-04-05&to=2018-12-21'],
  ].map(([scenario, path]) => probe({ name: `GET liabilities with Gov-Test-Scenario ${scenario}`, scenario, path: path!, expectStatus: 200, schemaPath: '/liabilities' })),
  probe({ name: 'GET liabilities with Gov-Test-Scenario INSOLVENT_TRADER is 403', scenario: 'INSOLVENT_TRADER', path: '/liabilities?from=2017-01-02&to=2017-12-21', expectStatus: 403, schemaPath: '/liabilities' }),
  probe({ name: 'GET liabilities with nothing owed is 404', path: '/liabilities?from=2017-01-02&to=2017-12-21', expectStatus: 404, schemaPath: '/liabilities' }),
  probe({ name: 'GET liabilities over a year is 400 DATE_RANGE_INVALID', path: '/liabilities?from=2017-01-01&to=2018-06-01', expectStatus: 400, schemaPath: '/liabilities' }),
  ...['SINGLE_PAYMENT', 'MULTIPLE_PAYMENTS'].map((scenario) =>
    probe({ name: `GET payments with Gov-Test-Scenario ${scenario}`, scenario, path: '/payments?from=2017-01-02&to=2017-12-21', expectStatus: 200, schemaPath: '/payments' }),
  ),
  ...[
    ['SINGLE_PAYMENT_2018_19', '/payments?from=2018-01-02&to=2018-02-02'],
    ['MULTIPLE_PAYMENTS_2018_19', '/payments?from=2018-02-27&to=2018-12-21'],
  ].map(([scenario, path]) => probe({ name: `GET payments with Gov-Test-Scenario ${scenario}`, scenario, path: path!, expectStatus: 200, schemaPath: '/payments' })),
  probe({ name: 'GET payments with no payment is 404', path: '/payments?from=2017-01-02&to=2017-12-21', expectStatus: 404, schemaPath: '/payments' }),
  probe({ name: 'GET payments with a bad from date is 400 DATE_FROM_INVALID', path: '/payments?from=2017-1-2&to=2017-12-21', expectStatus: 400, schemaPath: '/payments' }),
  probe({ name: 'GET payments with Gov-Test-Scenario INSOLVENT_TRADER is 403', scenario: 'INSOLVENT_TRADER', path: '/payments?from=2017-01-02&to=2017-12-21', expectStatus: 403, schemaPath: '/payments' }),
  ...[undefined, 'NO_EFFECTREGISTRATIONDATE', 'NO_FLATRATESCHEME', 'NO_EFFECTREGISTRATIONDATE_NO_FRS'].map((scenario) =>
    probe({ name: `GET information${scenario ? ` with Gov-Test-Scenario ${scenario}` : ''}`, scenario, path: '/information', expectStatus: 200, schemaPath: '/information' }),
  ),
  probe({ name: 'GET information with Gov-Test-Scenario CUSTOMER_INFO_NOT_FOUND is 404', scenario: 'CUSTOMER_INFO_NOT_FOUND', path: '/information', expectStatus: 404, schemaPath: '/information' }),
  ...[
    'DEFAULT',
    'NO_PENALTIES',
    'LATE_SUBMISSION',
    'LATE_PAYMENT',
    'MULTIPLE_PENALTIES',
    'MULTIPLE_LATE_PAYMENT_PENALTIES',
    'MULTIPLE_LATE_SUBMISSION_PENALTIES',
    'MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES',
    'THRESHOLD_LATE_SUBMISSION_PENALTIES',
    'CHARGE_LATE_SUBMISSION_PENALTIES',
  ].map((scenario) =>
    probe({ name: `GET penalties with Gov-Test-Scenario ${scenario}`, scenario, path: '/penalties', expectStatus: 200, schemaPath: '/penalties' }),
  ),
  probe({ name: 'GET penalties for a bad VRN is 400 VRN_INVALID', vrn: 'ABC', path: '/penalties', expectStatus: 400, schemaPath: '/penalties' }),
  {
    name: 'VAT 1.0: GET financial-details/{penaltyChargeReference} for a posted late payment penalty',
    async run(env) {
      const { vrn, token } = await organisation(env);
      const list = await env.request('GET', `/organisations/vat/${vrn}/penalties`, { token, headers: FRAUD });
      const details = (list.body as { latePaymentPenalty?: { details: Array<{ penaltyChargeReference?: string }> } }).latePaymentPenalty?.details ?? [];
      const reference = details.find((d) => d.penaltyChargeReference)?.penaltyChargeReference;
      if (!reference) throw new Error(`no posted late payment penalty in ${JSON.stringify(list.body).slice(0, 200)}`);
      const res = await env.request('GET', `/organisations/vat/${vrn}/financial-details/${reference}`, { token, headers: FRAUD });
      return { ...res, expectStatus: 200, schema: schema('/financial-details/{penaltyChargeReference}', 'get', 200) };
    },
  },
  probe({ name: 'GET financial-details with a bad reference is 400 CHARGE_REFERENCE_INVALID', path: '/financial-details/XP1', expectStatus: 400, schemaPath: '/financial-details/{penaltyChargeReference}' }),
  probe({ name: 'GET financial-details for an unknown charge is 404', path: '/financial-details/XP000000000000', expectStatus: 404, schemaPath: '/financial-details/{penaltyChargeReference}' }),

  // HMRC publishes no schema for the Test Fraud Prevention Headers API: status and verdicts only.
  {
    name: 'Test FPH 1.0: GET /test/fraud-prevention-headers/validate answers VALID_HEADERS for valid headers',
    async run(env) {
      const res = await env.request('GET', '/test/fraud-prevention-headers/validate', { token: await env.appToken(), headers: FRAUD });
      const code = (res.body as { code?: string }).code;
      return { ...res, expectStatus: 200, schema: null, problems: code === 'VALID_HEADERS' ? [] : [`code ${code}, expected VALID_HEADERS`] };
    },
  },
  {
    name: 'Test FPH 1.0: GET /test/fraud-prevention-headers/vat-mtd/validation-feedback lists the VAT calls above',
    async run(env) {
      const res = await env.request('GET', '/test/fraud-prevention-headers/vat-mtd/validation-feedback?connectionMethod=DESKTOP_APP_DIRECT', { token: await env.appToken() });
      const requests = (res.body as { requests?: Array<{ path: string }> }).requests ?? [];
      return { ...res, expectStatus: 200, schema: null, problems: requests.length >= 5 ? [] : [`${requests.length} requests in the feedback, expected one per VAT endpoint called`] };
    },
  },
];

export default probes;
