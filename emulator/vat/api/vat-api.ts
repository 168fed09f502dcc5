import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../gateway/api.js';
import { withFraudHeaderCheck } from '../../apis/fraud-prevention/check.js';
import { requireClientAccess } from '../../mtd/client-access.js';
import { testScenario, type Scenario } from '../../mtd/mtd-test-scenario.js';
import { LIABILITY_SCENARIO_NAMES, liabilitiesFor, PAYMENT_SCENARIO_NAMES, paymentsFor } from './financial-data.js';
import { type Obligation, applySubmissions, filterObligations, isClockDerived, OBLIGATION_SCENARIOS, periodOfKey, SANDBOX_DEFAULT_OBLIGATIONS, scenarioObligations } from './obligations.js';
import { financialDetailsFor, PENALTY_SCENARIOS, penaltiesFor } from './penalties.js';
import { addDays, addMonths, daysBetween, isIsoDate, toIsoDate } from './vat-dates.js';
import { vatErrors } from './vat-errors.js';
import { validateSubmission } from './validate-submission.js';

/**
 * HMRC's VAT (MTD) API v1.0 (context `organisations/vat`; reference §7 rows 9–12; VAT OAS): obligations, submit
 * return, view return, liabilities, payments, customer information, penalties and a penalty's financial details.
 * User-restricted: `read:vat` to read, `write:vat` to submit. A VRN is nine digits (400 VRN_INVALID), then the token
 * must reach it (403 CLIENT_OR_AGENT_NOT_AUTHORISED: the VRN's own organisation, or an agent with an MTD-VAT
 * relationship; and never while the VRN's Making Tax Digital sign-up awaits approval, vat/sign-up/). Sandbox
 * `Gov-Test-Scenario` values are applied after validation, as HMRC's stubs see them
 * (shared/mtd-test-scenario.ts): no header gives HMRC's sandbox default with `data: sandbox`, the realistic data with
 * `data: realistic` or `STATEFUL`. A value an endpoint does not document is ignored (no header), since the VAT OAS
 * documents no error for it — except penalties and financial details, where vat-api answers 400
 * RULE_INCORRECT_GOV_TEST_SCENARIO (emulator's choice, easy to change in each handler). Every call's fraud prevention headers are validated in passing (api name
 * `vat-mtd` for the validation-feedback endpoint).
 */
export const vatApi: Api = {
  name: 'VAT (MTD)',
  context: 'organisations/vat',
  versions: ['1.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('vat-mtd', [
    { method: 'GET', path: '/organisations/vat/:vrn/obligations', auth: 'user', scopes: ['read:vat'], handler: obligations },
    { method: 'POST', path: '/organisations/vat/:vrn/returns', auth: 'user', scopes: ['write:vat'], handler: submitReturn },
    { method: 'GET', path: '/organisations/vat/:vrn/returns/:periodKey', auth: 'user', scopes: ['read:vat'], handler: viewReturn },
    { method: 'GET', path: '/organisations/vat/:vrn/liabilities', auth: 'user', scopes: ['read:vat'], handler: liabilities },
    { method: 'GET', path: '/organisations/vat/:vrn/payments', auth: 'user', scopes: ['read:vat'], handler: payments },
    { method: 'GET', path: '/organisations/vat/:vrn/information', auth: 'user', scopes: ['read:vat'], handler: information },
    { method: 'GET', path: '/organisations/vat/:vrn/penalties', auth: 'user', scopes: ['read:vat'], handler: penalties },
    { method: 'GET', path: '/organisations/vat/:vrn/financial-details/:penaltyChargeReference', auth: 'user', scopes: ['read:vat'], handler: financialDetails },
  ]),
};

const today = (ctx: EmulatorContext): string => toIsoDate(ctx.clock.now());

/** The request's scenario among `allowed` (see testScenario); an undocumented value counts as no header. */
function scenarioOf<T extends string>(req: ApiRequest, ctx: EmulatorContext, allowed: readonly T[]): Scenario<T> {
  return testScenario(req, ctx, allowed, { unknown: 'ignore' });
}

/** A query parameter given once, else undefined (a repeated parameter counts as invalid). */
function queryParam(req: ApiRequest, name: string): string | undefined | null {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}

async function authorisedVrn(req: ApiRequest, ctx: EmulatorContext): Promise<string> {
  const vrn = req.params.vrn ?? '';
  if (!/^\d{9}$/.test(vrn)) throw vatErrors.vrnInvalid();
  if (await ctx.vatSignUps.awaitingApproval(vrn)) throw vatErrors.notAuthorised(); // signed up, not approved yet (decision 0015)
  await requireClientAccess(ctx, req.caller, { service: 'MTD-VAT', clientId: vrn });
  return vrn;
}

/**
 * GET obligations: `from`/`to` mandatory unless `status=O`; dates YYYY-MM-DD (INVALID_DATE_FROM/TO); status O or
 * F, omitted for all (INVALID_STATUS); `from` ≤ `to`, at most 366 days apart (INVALID_DATE_RANGE). No obligation
 * left → 404 NOT_FOUND. Which obligations: obligations.ts.
 */
async function obligations(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const from = queryParam(req, 'from');
  const to = queryParam(req, 'to');
  const status = queryParam(req, 'status');
  const open = status === 'O';
  if (from === null || (from === undefined && !open) || (from !== undefined && !isIsoDate(from))) throw vatErrors.dateFromInvalid();
  if (to === null || (to === undefined && !open) || (to !== undefined && !isIsoDate(to))) throw vatErrors.dateToInvalid();
  if (status === null || (status !== undefined && status !== 'O' && status !== 'F')) throw vatErrors.statusInvalid();
  if (from && to && (to < from || daysBetween(from, to) > 366)) throw vatErrors.dateRangeInvalid();

  const scenario = scenarioOf(req, ctx, OBLIGATION_SCENARIOS);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  if (scenario === 'NOT_FOUND') throw vatErrors.notFound();
  let list: Obligation[];
  if (scenario === 'DEFAULT') list = filterObligations([...SANDBOX_DEFAULT_OBLIGATIONS], { status: status ?? undefined });
  else {
    const named = scenario === 'STATEFUL' ? undefined : scenario;
    const all = applySubmissions(scenarioObligations(named, today(ctx)) ?? [], await ctx.vat.returnsOf(vrn));
    const dated = isClockDerived(named) ? { from, to } : {};
    list = filterObligations(all, { ...dated, status: status ?? undefined });
  }
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { obligations: list } };
}

/**
 * POST returns: validated (validate-submission.ts), then the scenario, then the sandbox's own rules: the return is
 * stored ("Using this endpoint in the sandbox environment will store the data submitted") and a second return for a
 * period → 403 DUPLICATE_SUBMISSION (emulator's choice where HMRC is silent). HMRC's default accepts any period key
 * ("no requirement to use the periodKeys in the obligation response"); realistic data also refuses a generated
 * period that has not ended on the virtual clock → 403 TAX_PERIOD_NOT_ENDED.
 * 201 with processingDate, formBundleNumber, paymentIndicator (DD when VAT is owed, else BANK) and, when VAT is
 * owed, chargeRefNumber; headers Receipt-ID, Receipt-Timestamp, Receipt-Signature.
 */
async function submitReturn(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const vatReturn = validateSubmission(req);
  const scenario = scenarioOf(req, ctx, SUBMIT_SCENARIOS);
  switch (scenario) {
    case 'INVALID_VRN':
      throw vatErrors.vrnInvalid();
    case 'INVALID_PERIODKEY':
      throw vatErrors.periodKeyInvalid();
    case 'INVALID_PAYLOAD':
      throw vatErrors.invalidRequest();
    case 'DUPLICATE_SUBMISSION':
      throw vatErrors.duplicateSubmission();
    case 'TAX_PERIOD_NOT_ENDED':
      throw vatErrors.taxPeriodNotEnded();
    case 'INSOLVENT_TRADER':
      throw vatErrors.insolventTrader();
  }
  const period = periodOfKey(vatReturn.periodKey);
  if (scenario === 'STATEFUL' && period && period.end >= today(ctx)) throw vatErrors.taxPeriodNotEnded();

  const owed = vatReturn.totalVatDue > vatReturn.vatReclaimedCurrPeriod;
  const stored = await ctx.vat.submit(vrn, {
    return: vatReturn,
    formBundleNumber: String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999)),
    paymentIndicator: owed ? 'DD' : 'BANK',
    chargeRefNumber: owed ? randomBytes(12).toString('base64url').replace(/[-_]/g, 'X').slice(0, 16) : undefined,
  });
  if (!stored) throw vatErrors.duplicateSubmission();
  const now = new Date(ctx.clock.now()).toISOString();
  return {
    status: 201,
    body: {
      processingDate: now.replace('Z', '+0000'),
      paymentIndicator: stored.paymentIndicator,
      formBundleNumber: stored.formBundleNumber,
      ...(stored.chargeRefNumber ? { chargeRefNumber: stored.chargeRefNumber } : {}),
    },
    headers: {
      'Receipt-ID': randomUUID(),
      'Receipt-Timestamp': `${now.slice(0, 19)}Z`,
      // "This header is not currently used" (VAT OAS): a placeholder signature.
      'Receipt-Signature': randomBytes(32).toString('base64'),
    },
  };
}

/** GET returns/{periodKey}: period key `^[#0-9A-Z]{4}$` (`#` URL-encoded); the stored return, else 404 NOT_FOUND. */
async function viewReturn(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const periodKey = req.params.periodKey ?? '';
  if (!/^[#0-9A-Z]{4}$/.test(periodKey)) throw vatErrors.periodKeyInvalidWrapped();
  const scenario = scenarioOf(req, ctx, ['DATE_RANGE_TOO_LARGE', 'INSOLVENT_TRADER']);
  if (scenario === 'DATE_RANGE_TOO_LARGE') throw vatErrors.dateRangeTooLarge();
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const stored = await ctx.vat.findReturn(vrn, periodKey);
  if (!stored) throw vatErrors.notFound();
  return { status: 200, body: stored.return };
}

const SUBMIT_SCENARIOS = ['INVALID_VRN', 'INVALID_PERIODKEY', 'INVALID_PAYLOAD', 'DUPLICATE_SUBMISSION', 'TAX_PERIOD_NOT_ENDED', 'INSOLVENT_TRADER'];
const INFORMATION_SCENARIOS = ['DEFAULT', 'CUSTOMER_INFO_NOT_FOUND', 'NO_EFFECTREGISTRATIONDATE', 'NO_FLATRATESCHEME', 'NO_EFFECTREGISTRATIONDATE_NO_FRS'];

/** The registration date of the account holding the VRN's MTD-VAT enrolment, if it has a valid one. */
async function registrationDate(ctx: EmulatorContext, vrn: string): Promise<string | undefined> {
  const owner = (await ctx.accounts.list()).find((a) => a.enrolments.some((e) => e.key === 'HMRC-MTD-VAT' && e.identifiers.some((i) => i.value === vrn)));
  const registered = owner?.identifiers.vatRegistrationDate;
  return isIsoDate(registered) ? registered : undefined;
}

/**
 * Liabilities and payments share their date rules (vat-api `FinancialDataDateFormatValidation`,
 * `PaymentsLiabilitiesDateRangeValidation`): both dates required and valid (DATE_FROM_INVALID, DATE_TO_INVALID;
 * `to` no later than today), `from` before `to` and less than a year apart (DATE_RANGE_INVALID).
 */
function financialDates(req: ApiRequest, ctx: EmulatorContext): { from: string; to: string } {
  const from = queryParam(req, 'from');
  const to = queryParam(req, 'to');
  if (!isIsoDate(from)) throw vatErrors.financialDateFromInvalid();
  if (!isIsoDate(to) || to > today(ctx)) throw vatErrors.financialDateToInvalid();
  if (from >= to || addDays(addMonths(from, 12), -1) < to) throw vatErrors.financialDateRangeInvalid();
  return { from, to };
}

async function liabilities(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const { from, to } = financialDates(req, ctx);
  const scenario = scenarioOf(req, ctx, LIABILITY_SCENARIO_NAMES);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const list = liabilitiesFor(scenario, await ctx.vat.returnsOf(vrn), from, to);
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { liabilities: list } };
}

async function payments(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  await authorisedVrn(req, ctx);
  const { from, to } = financialDates(req, ctx);
  const scenario = scenarioOf(req, ctx, PAYMENT_SCENARIO_NAMES);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const list = paymentsFor(scenario, from, to);
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { payments: list } };
}

/**
 * GET information: an effective registration date and a Flat Rate Scheme from the same date (category 001). HMRC's
 * default (no header, `DEFAULT`): its example's date, 2001-01-01; otherwise the account's `vatRegistrationDate`.
 * Scenarios CUSTOMER_INFO_NOT_FOUND (404), NO_EFFECTREGISTRATIONDATE, NO_FLATRATESCHEME,
 * NO_EFFECTREGISTRATIONDATE_NO_FRS leave the parts out.
 */
async function information(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const scenario = scenarioOf(req, ctx, INFORMATION_SCENARIOS);
  if (scenario === 'CUSTOMER_INFO_NOT_FOUND') throw vatErrors.notFound();
  const date = scenario === 'DEFAULT' ? '2001-01-01' : await registrationDate(ctx, vrn);
  const noDate = scenario === 'NO_EFFECTREGISTRATIONDATE' || scenario === 'NO_EFFECTREGISTRATIONDATE_NO_FRS' || !date;
  const noFrs = scenario === 'NO_FLATRATESCHEME' || scenario === 'NO_EFFECTREGISTRATIONDATE_NO_FRS';
  return {
    status: 200,
    body: {
      customerDetails: noDate ? {} : { effectiveRegistrationDate: date },
      ...(noFrs ? {} : { flatRateScheme: { frsCategory: '001', ...(date ? { startDate: date } : {}) } }),
    },
  };
}

/**
 * GET penalties: 24 months of late submission and late payment penalties for the scenario (penalties.ts). HMRC's
 * default is the DEFAULT scenario, realistic data too: "multiple penalties in the last 2 years" reads the clock.
 */
async function penalties(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const scenario = testScenario(req, ctx, PENALTY_SCENARIOS, { unknown: 'reject' });
  return { status: 200, body: penaltiesFor(vrn, today(ctx), scenario === 'STATEFUL' ? 'DEFAULT' : scenario) };
}

/**
 * GET financial-details/{penaltyChargeReference}: reference `^X[a-zA-Z]\d{12}$` (400 CHARGE_REFERENCE_INVALID);
 * the charge of a penalty listed by GET penalties, else 404 MATCHING_RESOURCE_NOT_FOUND. Only DEFAULT is a scenario.
 */
async function financialDetails(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const reference = req.params.penaltyChargeReference ?? '';
  if (!/^X[a-zA-Z]\d{12}$/.test(reference)) throw vatErrors.chargeReferenceInvalid();
  testScenario(req, ctx, ['DEFAULT'], { unknown: 'reject' });
  const details = financialDetailsFor(vrn, today(ctx), reference);
  if (!details) throw vatErrors.matchingResourceNotFound();
  return { status: 200, body: details };
}
