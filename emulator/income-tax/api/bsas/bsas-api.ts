import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { BsasSummary } from '../../model.js';
import { quarterlyObligations } from '../../obligations.js';
import { summariesForYear } from '../../year-summaries.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtdError, mtdErrors } from '../../../mtd/mtd-errors.js';
import { isoDate, taxYearEndDate, taxYearLabel, taxYearOf, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import { bsasAccess, MINIMUM_TAX_YEAR, summaryStatus } from './bsas-access.js';
import { bsasErrors } from './bsas-errors.js';
import { adjustForeignProperty, adjustUkProperty, retrieveForeignProperty, retrieveUkProperty } from './property-summary.js';
import { adjustSelfEmployment, retrieveSelfEmployment } from './self-employment-summary.js';

/**
 * Business Source Adjustable Summary (MTD) 7.0: trigger (POST, `write:self-assessment`, 200 `{calculationId}`),
 * list (GET `/{nino}/{taxYear}[?typeOfBusiness=&businessId=]`), and retrieve and adjust a self-employment summary
 * (self-employment-summary.ts) or a UK or foreign property summary (property-summary.ts). Up to 2024-25 a property
 * business's FHL part has its own summaries (`uk-property-fhl`, `foreign-property-fhl-eea`, triggered with the
 * property business's ID); from 2025-26 those types are FORMAT_TYPE_OF_BUSINESS.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default (trigger: a fixed calculation ID, nothing stored;
 * list: one summary per business type). Stateful with `data: realistic` or `STATEFUL`: a trigger freezes the
 * business's submissions for the accounting period's tax year (the tax year its end date falls in). The business must
 * be the taxpayer's and of the type given (404); the period must have ended on the virtual clock
 * (RULE_ACCOUNTING_PERIOD_NOT_ENDED); a self-employment's quarterly obligations for the year must all be fulfilled
 * (RULE_OBLIGATIONS_NOT_MET); not after the year's final declaration (RULE_OUTSIDE_AMENDMENT_WINDOW). A new summary
 * for the same business and year supersedes the earlier ones. Supporting agents may not use BSAS (year-end work;
 * the emulator's choice).
 */
const BASE = '/individuals/self-assessment/adjustable-summary/:nino';
export const bsasApi: Api = {
  name: 'Business Source Adjustable Summary (MTD)',
  context: 'individuals/self-assessment/adjustable-summary',
  versions: ['7.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('self-assessment-bsas-api', [
    { method: 'POST', path: `${BASE}/trigger`, auth: 'user', scopes: ['write:self-assessment'], handler: trigger },
    { method: 'GET', path: `${BASE}/self-employment/:calculationId/:taxYear`, auth: 'user', scopes: ['read:self-assessment'], handler: retrieveSelfEmployment },
    { method: 'POST', path: `${BASE}/self-employment/:calculationId/adjust/:taxYear`, auth: 'user', scopes: ['write:self-assessment'], handler: adjustSelfEmployment },
    { method: 'GET', path: `${BASE}/uk-property/:calculationId/:taxYear`, auth: 'user', scopes: ['read:self-assessment'], handler: retrieveUkProperty },
    { method: 'POST', path: `${BASE}/uk-property/:calculationId/adjust/:taxYear`, auth: 'user', scopes: ['write:self-assessment'], handler: adjustUkProperty },
    { method: 'GET', path: `${BASE}/foreign-property/:calculationId/:taxYear`, auth: 'user', scopes: ['read:self-assessment'], handler: retrieveForeignProperty },
    { method: 'POST', path: `${BASE}/foreign-property/:calculationId/adjust/:taxYear`, auth: 'user', scopes: ['write:self-assessment'], handler: adjustForeignProperty },
    { method: 'GET', path: `${BASE}/:taxYear`, auth: 'user', scopes: ['read:self-assessment'], handler: list },
  ]),
};

export const DEFAULT_BSAS_ID = '717f3a7a-db8e-11e9-8a34-2a2ae2dbcce4';
const TYPES = ['self-employment', 'uk-property-fhl', 'uk-property', 'foreign-property-fhl-eea', 'foreign-property'] as const;
/** The business type an FHL summary type belongs to. */
const BUSINESS_TYPE: Record<string, string> = { 'uk-property-fhl': 'uk-property', 'foreign-property-fhl-eea': 'foreign-property' };
const TRIGGER_SCENARIOS = ['NO_ACCOUNTING_PERIOD', 'OBLIGATIONS_NOT_MET', 'ACCOUNTING_PERIOD_NOT_ENDED', 'OUTSIDE_AMENDMENT_WINDOW', 'NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'REQUEST_CANNOT_BE_FULFILLED'] as const;
const LIST_SCENARIOS = ['SELF_EMPLOYMENT', 'UK_PROPERTY', 'UK_PROPERTY_FHL', 'FOREIGN_PROPERTY', 'FOREIGN_PROPERTY_FHL', 'NOT_FOUND', 'REQUEST_CANNOT_BE_FULFILLED', 'DYNAMIC'] as const;

async function trigger(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = await bsasAccess(req, ctx);
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const period = (body.accountingPeriod ?? {}) as Record<string, unknown>;
  if (typeof body.accountingPeriod !== 'object' || body.accountingPeriod === null) v.add(mtdError.incorrectOrEmptyBody(['/accountingPeriod']));
  else {
    v.date(period.startDate, { code: 'FORMAT_START_DATE', message: 'The provided Start date is invalid' });
    v.date(period.endDate, { code: 'FORMAT_END_DATE', message: 'The provided End date is invalid' });
  }
  if (!TYPES.includes(body.typeOfBusiness as (typeof TYPES)[number])) v.add({ code: 'FORMAT_TYPE_OF_BUSINESS', message: 'The provided type of business is invalid' });
  v.businessId(typeof body.businessId === 'string' ? body.businessId : '', 'The supplied business ID is invalid');
  v.throwIfAny();
  const startDate = period.startDate as string;
  const endDate = period.endDate as string;
  if (endDate < startDate) v.add({ code: 'RULE_END_DATE_BEFORE_START_DATE', message: 'The supplied accounting period end date is before the start date' });
  v.throwIfAny();
  const taxYear = taxYearOf(endDate);
  if (taxYear < MINIMUM_TAX_YEAR) throw bsasErrors.TAX_YEAR_NOT_SUPPORTED();
  if (taxYear >= 2025 && BUSINESS_TYPE[body.typeOfBusiness as string]) throw mtdErrors([{ code: 'FORMAT_TYPE_OF_BUSINESS', message: 'The provided type of business is invalid' }]);
  const scenario = testScenario(req, ctx, TRIGGER_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 200, body: { calculationId: DEFAULT_BSAS_ID } };
  if (scenario !== 'STATEFUL') throw bsasErrors[scenario]();

  const now = ctx.clock.now();
  const businessId = body.businessId as string;
  const calculationId = await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const type = body.typeOfBusiness as BsasSummary['typeOfBusiness'];
    const business = state.businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness === (BUSINESS_TYPE[type] ?? type))?.details;
    if (!business) throw bsasErrors.NOT_FOUND();
    if (isoDate(now) <= endDate) throw bsasErrors.ACCOUNTING_PERIOD_NOT_ENDED();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw bsasErrors.OUTSIDE_AMENDMENT_WINDOW();
    if (business.typeOfBusiness === 'self-employment' && quarterlyObligations(state, business, taxYear).some((o) => o.status === 'open')) throw bsasErrors.OBLIGATIONS_NOT_MET();
    const summary: BsasSummary = {
      calculationId: randomUUID(),
      businessId,
      typeOfBusiness: type,
      taxYear,
      accountingPeriod: { startDate, endDate },
      requestedAt: now,
      summary: summariesForYear(state, taxYear).find((s) => s.businessId === businessId),
      annual: state.annual?.find((a) => a.businessId === businessId && a.taxYear === taxYear),
    };
    state.bsas = [...(state.bsas ?? []), summary];
    return summary.calculationId;
  });
  return { status: 200, body: { calculationId } };
}

async function list(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const v = new MtdValidation();
  const nino = await bsasAccess(req, ctx, v);
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  const type = queryParam(req.query, 'typeOfBusiness');
  if (type !== undefined && !TYPES.includes(type as (typeof TYPES)[number])) v.add({ code: 'FORMAT_TYPE_OF_BUSINESS', message: 'The provided type of business is invalid' });
  const businessId = queryParam(req.query, 'businessId');
  if (businessId !== undefined) v.businessId(businessId ?? '', 'The supplied business ID is invalid');
  v.throwIfAny();
  const scenario = testScenario(req, ctx, LIST_SCENARIOS);
  if (scenario === 'NOT_FOUND' || scenario === 'REQUEST_CANNOT_BE_FULFILLED') throw bsasErrors[scenario]();
  if (scenario !== 'STATEFUL') return { status: 200, body: { businessSources: cannedList(scenario, taxYear!, ctx.clock.now(), businessId ?? undefined) } };

  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const summaries = (state.bsas ?? []).filter((b) => b.taxYear === taxYear && (!type || b.typeOfBusiness === type) && (!businessId || b.businessId === businessId));
  if (!summaries.length) throw bsasErrors.NOT_FOUND();
  const sources = new Map<string, BsasSummary[]>();
  for (const s of summaries) {
    const key = `${s.businessId}|${s.typeOfBusiness}|${s.accountingPeriod.startDate}|${s.accountingPeriod.endDate}`;
    sources.set(key, [...(sources.get(key) ?? []), s]);
  }
  const businessSources = [...sources.values()].map((group) => ({
    businessId: group[0]!.businessId,
    typeOfBusiness: group[0]!.typeOfBusiness,
    accountingPeriod: group[0]!.accountingPeriod,
    taxYear: taxYearLabel(taxYear!),
    summaries: group.map((s) => {
      const adjustment = state.bsasAdjustments?.find((a) => a.calculationId === s.calculationId);
      return {
        calculationId: s.calculationId,
        requestedDateTime: new Date(s.requestedAt).toISOString(),
        summaryStatus: summaryStatus(state, s),
        adjustedSummary: Boolean(adjustment),
        ...(adjustment ? { adjustedDateTime: new Date(adjustment.submittedAt).toISOString() } : {}),
      };
    }),
  }));
  return { status: 200, body: { businessSources } };
}

/** HMRC's canned lists: one source per business type the scenario names (DEFAULT: the three current types). */
function cannedList(scenario: string, taxYear: number, now: number, businessId?: string): Array<Record<string, unknown>> {
  const fhl = taxYear < 2025;
  const types: Record<string, string[]> = {
    DEFAULT: ['self-employment', 'uk-property', 'foreign-property'],
    SELF_EMPLOYMENT: ['self-employment'],
    UK_PROPERTY: ['uk-property'],
    FOREIGN_PROPERTY: ['foreign-property'],
    UK_PROPERTY_FHL: [fhl ? 'uk-property-fhl' : 'uk-property'],
    FOREIGN_PROPERTY_FHL: [fhl ? 'foreign-property-fhl-eea' : 'foreign-property'],
  };
  const dynamicType = { XBIS12345678902: 'uk-property', XBIS12345678915: 'foreign-property', XBIS12345678903: 'foreign-property-fhl-eea', XBIS12345678904: 'uk-property-fhl' }[businessId ?? ''];
  const chosen = scenario === 'DYNAMIC' ? [dynamicType ?? 'self-employment'] : (types[scenario] ?? types.DEFAULT!);
  const requested = scenario === 'DYNAMIC' ? new Date(now).toISOString() : `${taxYear + 1}-05-01T10:10:10.000Z`;
  return chosen.map((typeOfBusiness, i) => ({
    businessId: scenario === 'DYNAMIC' && businessId ? businessId : `XBIS1234567890${i + 1}`,
    typeOfBusiness,
    accountingPeriod: { startDate: taxYearStartDate(taxYear), endDate: taxYearEndDate(taxYear) },
    taxYear: taxYearLabel(taxYear),
    summaries: [{ calculationId: DEFAULT_BSAS_ID, requestedDateTime: requested, summaryStatus: 'valid', adjustedSummary: false }],
  }));
}
