import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../gateway/api.js';
import { withFraudHeaderCheck } from '../fraud-prevention/check.js';
import { requireClientAccess } from '../shared/client-access.js';
import { liabilitiesFor, paymentsFor } from './financial-data.js';
import { applySubmissions, filterObligations, isClockDerived, periodOfKey, scenarioObligations } from './obligations.js';
import { financialDetailsFor, isPenaltyScenario, penaltiesFor } from './penalties.js';
import { addDays, addMonths, daysBetween, isIsoDate, toIsoDate } from './vat-dates.js';
import { vatErrors } from './vat-errors.js';
import { validateSubmission } from './validate-submission.js';

/**
 * HMRC's VAT (MTD) API v1.0 (context `organisations/vat`; reference §7 rows 9–12; VAT OAS): obligations, submit
 * return, view return, liabilities, payments, customer information, penalties and a penalty's financial details.
 * User-restricted: `read:vat` to read, `write:vat` to submit. A VRN is nine digits (400 VRN_INVALID), then the token
 * must reach it (403 CLIENT_OR_AGENT_NOT_AUTHORISED: the VRN's own organisation, or an agent with an MTD-VAT
 * relationship). Sandbox `Gov-Test-Scenario` values are applied after validation, as HMRC's stubs see them. A value
 * an endpoint does not document is ignored (the default data), since the VAT OAS documents no error for it — except
 * penalties and financial details, where vat-api answers 400 RULE_INCORRECT_GOV_TEST_SCENARIO (emulator's choice,
 * easy to change in each handler). Every call's fraud prevention headers are validated in passing (api name
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

function scenarioOf(req: ApiRequest): string | undefined {
  const value = req.headers['gov-test-scenario'];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
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
  await requireClientAccess(ctx, req.caller, { service: 'MTD-VAT', clientId: vrn });
  return vrn;
}

/**
 * GET obligations: `from`/`to` mandatory unless `status=O`; dates YYYY-MM-DD (INVALID_DATE_FROM/TO); status O or
 * F, omitted for all (INVALID_STATUS); `from` ≤ `to`, at most 366 days apart (INVALID_DATE_RANGE). No obligation
 * left → 404 NOT_FOUND.
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

  const scenario = scenarioOf(req);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  if (scenario === 'NOT_FOUND') throw vatErrors.notFound();
  const base = scenarioObligations(scenario, today(ctx)) ?? scenarioObligations(undefined, today(ctx))!;
  const all = applySubmissions(base, await ctx.vat.returnsOf(vrn));
  const dated = isClockDerived(scenario) ? { from, to } : {};
  const list = filterObligations(all, { ...dated, status: status ?? undefined });
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { obligations: list } };
}

/**
 * POST returns: validated (validate-submission.ts), then the scenario, then the sandbox's own rules: a generated
 * period that has not ended → 403 TAX_PERIOD_NOT_ENDED; a second return for a period → 403 DUPLICATE_SUBMISSION.
 * 201 with processingDate, formBundleNumber, paymentIndicator (DD when VAT is owed, else BANK) and, when VAT is
 * owed, chargeRefNumber; headers Receipt-ID, Receipt-Timestamp, Receipt-Signature.
 */
async function submitReturn(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const vatReturn = validateSubmission(req);
  switch (scenarioOf(req)) {
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
  if (period && period.end >= today(ctx)) throw vatErrors.taxPeriodNotEnded();

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
  const scenario = scenarioOf(req);
  if (scenario === 'DATE_RANGE_TOO_LARGE') throw vatErrors.dateRangeTooLarge();
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const stored = await ctx.vat.findReturn(vrn, periodKey);
  if (!stored) throw vatErrors.notFound();
  return { status: 200, body: stored.return };
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
  const scenario = scenarioOf(req);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const list = liabilitiesFor(scenario, await ctx.vat.returnsOf(vrn), from, to);
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { liabilities: list } };
}

async function payments(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  await authorisedVrn(req, ctx);
  const { from, to } = financialDates(req, ctx);
  const scenario = scenarioOf(req);
  if (scenario === 'INSOLVENT_TRADER') throw vatErrors.insolventTrader();
  const list = paymentsFor(scenario, from, to);
  if (!list.length) throw vatErrors.notFound();
  return { status: 200, body: { payments: list } };
}

/**
 * GET information: the VRN's effective registration date (the account's `vatRegistrationDate`) and, by default, a
 * Flat Rate Scheme from the same date (category 001, as HMRC's example). Scenarios CUSTOMER_INFO_NOT_FOUND (404),
 * NO_EFFECTREGISTRATIONDATE, NO_FLATRATESCHEME, NO_EFFECTREGISTRATIONDATE_NO_FRS leave the parts out.
 */
async function information(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const scenario = scenarioOf(req);
  if (scenario === 'CUSTOMER_INFO_NOT_FOUND') throw vatErrors.notFound();
  const owner = (await ctx.accounts.list()).find((a) => a.enrolments.some((e) => e.key === 'HMRC-MTD-VAT' && e.identifiers.some((i) => i.value === vrn)));
  const registered = owner?.identifiers.vatRegistrationDate;
  const date = isIsoDate(registered) ? registered : undefined;
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

/** GET penalties: 24 months of late submission and late payment penalties for the scenario (penalties.ts). */
async function penalties(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const scenario = scenarioOf(req) ?? 'DEFAULT';
  if (!isPenaltyScenario(scenario)) throw vatErrors.incorrectGovTestScenario();
  return { status: 200, body: penaltiesFor(vrn, today(ctx), scenario) };
}

/**
 * GET financial-details/{penaltyChargeReference}: reference `^X[a-zA-Z]\d{12}$` (400 CHARGE_REFERENCE_INVALID);
 * the charge of a penalty listed by GET penalties, else 404 MATCHING_RESOURCE_NOT_FOUND. Only DEFAULT is a scenario.
 */
async function financialDetails(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const vrn = await authorisedVrn(req, ctx);
  const reference = req.params.penaltyChargeReference ?? '';
  if (!/^X[a-zA-Z]\d{12}$/.test(reference)) throw vatErrors.chargeReferenceInvalid();
  const scenario = scenarioOf(req);
  if (scenario !== undefined && scenario !== 'DEFAULT') throw vatErrors.incorrectGovTestScenario();
  const details = financialDetailsFor(vrn, today(ctx), reference);
  if (!details) throw vatErrors.matchingResourceNotFound();
  return { status: 200, body: details };
}
