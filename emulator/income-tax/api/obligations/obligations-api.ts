import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { finalDeclarationObligation, quarterlyObligations, type ObligationDetail } from '../../obligations.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { addDays, daysBetween, isoDate, taxYearOf } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import { cannedBusinessObligations, cannedFinalDeclarationObligations, CRYSTALLISATION_SCENARIOS, DEFAULT_FINAL_DECLARATION_YEAR, INCOME_AND_EXPENDITURE_SCENARIOS } from './obligations-scenarios.js';

/**
 * Obligations (MTD) 3.0, `read:self-assessment`: income and expenditure (quarterly) obligations and
 * final declaration (crystallisation) obligations.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default (obligations-scenarios.ts).
 * Stateful with `data: realistic` or `STATEFUL` (an emulator extension here): obligations follow the taxpayer's businesses and what was
 * submitted (income-tax/obligations.ts): a cumulative summary fulfils the quarters it covers, a final
 * declaration fulfils the year. Without fromDate/toDate the range is today to 366 days on (HMRC's
 * `ObligationsDateRangeSupport.defaultDateRange`, on the virtual clock), or, with status=open, every open obligation. Without taxYear, final declaration obligations run
 * from four tax years back to the current one (HMRC's rule), limited to years in which the taxpayer had a
 * business. The other documented scenarios return HMRC's canned data.
 */
export const obligationsApi: Api = {
  name: 'Obligations (MTD)',
  context: 'obligations/details',
  versions: ['3.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('obligations-api', [
    { method: 'GET', path: '/obligations/details/:nino/income-and-expenditure', auth: 'user', scopes: ['read:self-assessment'], handler: incomeAndExpenditure },
    { method: 'GET', path: '/obligations/details/:nino/crystallisation', auth: 'user', scopes: ['read:self-assessment'], handler: crystallisation },
  ]),
};

const TYPES = ['self-employment', 'uk-property', 'foreign-property'];
const STATUSES = ['open', 'fulfilled'];
const err = (code: PlatformCode, message: string) => ({ code, message });
const insolventTrader = () => mtd(400, 'RULE_INSOLVENT_TRADER', 'The remote endpoint has indicated that the Trader is insolvent');
const noObligations = () => mtd(404, 'NO_OBLIGATIONS_FOUND', 'No obligations found using this filter');

async function incomeAndExpenditure(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const first = new MtdValidation();
  first.nino(nino);
  first.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);

  const typeOfBusiness = queryParam(req.query, 'typeOfBusiness');
  const businessId = queryParam(req.query, 'businessId');
  const fromDate = queryParam(req.query, 'fromDate');
  const toDate = queryParam(req.query, 'toDate');
  const status = queryParam(req.query, 'status');
  const v = new MtdValidation();
  if (typeOfBusiness !== undefined && !TYPES.includes(typeOfBusiness ?? '')) v.add(err('FORMAT_TYPE_OF_BUSINESS', 'The provided typeOfBusiness field is invalid'));
  if (businessId !== undefined) v.businessId(businessId ?? '', 'The provided businessId is invalid');
  if (fromDate !== undefined) v.date(fromDate, err('FORMAT_FROM_DATE', 'The provided fromDate is invalid'));
  if (toDate !== undefined) v.date(toDate, err('FORMAT_TO_DATE', 'The provided toDate is invalid'));
  if (status !== undefined && !STATUSES.includes(status ?? '')) v.add(err('FORMAT_STATUS', 'The provided status is invalid'));
  v.throwIfAny();
  if (businessId && !typeOfBusiness) v.add(err('MISSING_TYPE_OF_BUSINESS', 'The type of business query parameter must be provided when an incomeSourceId is supplied'));
  if (toDate && !fromDate) v.add(err('MISSING_FROM_DATE', 'The From date parameter is missing'));
  if (fromDate && !toDate) v.add(err('MISSING_TO_DATE', 'The To date parameter is missing'));
  if (fromDate && toDate) {
    // HMRC's ObligationsDateRangeSupport: to ≥ from; from ≥ 2018-04-06; to ≤ 2099-12-31; to < from + 366 days; to ≠ from.
    if (toDate < fromDate) v.add(err('RANGE_TO_DATE_BEFORE_FROM_DATE', 'The To date must be after the From date'));
    if (toDate > '2099-12-31') v.add(err('FORMAT_TO_DATE', 'The provided toDate is invalid'));
    if (toDate >= fromDate && (daysBetween(fromDate, toDate) >= 366 || toDate === fromDate)) v.add(err('RULE_DATE_RANGE_INVALID', 'The specified date range is invalid'));
    if (fromDate < '2018-04-06') v.add(err('RULE_FROM_DATE_NOT_SUPPORTED', 'The specified From date is not supported as too early'));
  }
  v.throwIfAny();

  const scenario = testScenario(req, ctx, INCOME_AND_EXPENDITURE_SCENARIOS);
  switch (scenario) {
    case 'INSOLVENT_TRADER':
      throw insolventTrader();
    case 'NOT_FOUND':
      throw mtdFailures.matchingResourceNotFound();
    case 'NO_OBLIGATIONS_FOUND':
      throw noObligations();
    case 'OPEN':
    case 'FULFILLED':
    case 'DYNAMIC':
    case 'CUMULATIVE':
      return { status: 200, body: { obligations: cannedBusinessObligations(scenario, businessId ?? undefined, { fromDate: fromDate ?? undefined, toDate: toDate ?? undefined, status: status ?? undefined }) } };
    case 'DEFAULT': {
      // HMRC's example, kept to the status asked for (emulator's choice, so `status=open` finds the quarter to send).
      const obligations = cannedBusinessObligations('CUMULATIVE', businessId ?? undefined, {}).map((b) => ({ ...b, obligationDetails: b.obligationDetails.filter((d) => !status || d.status === status) }));
      return { status: 200, body: { obligations } };
    }
  }

  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const today = isoDate(ctx.clock.now());
  // No dates: HMRC's default range, today to 366 days on; with status=open and no dates, every open obligation.
  const allOpen = !fromDate && status === 'open';
  const from = fromDate ?? (allOpen ? '2017-04-06' : today);
  const to = toDate ?? addDays(today, 366);
  const businesses = state.businesses
    .map((b) => b.details)
    .filter((b) => TYPES.includes(b.typeOfBusiness) && (!typeOfBusiness || b.typeOfBusiness === typeOfBusiness) && (!businessId || b.businessId === businessId));
  if (businessId && !businesses.length) throw mtdFailures.matchingResourceNotFound();

  const obligations = businesses
    .map((business) => {
      const firstYear = Math.max(2017, taxYearOf(business.commencementDate ?? '2017-04-06'), taxYearOf(from));
      const details: ObligationDetail[] = [];
      for (let ty = firstYear; ty <= Math.min(taxYearOf(to), taxYearOf(today) + 1); ty++) details.push(...quarterlyObligations(state, business, ty));
      const obligationDetails = details.filter(
        (d) => d.periodEndDate >= from && d.periodStartDate <= to && (!business.cessationDate || d.periodStartDate <= business.cessationDate) && (!status || d.status === status),
      );
      return { typeOfBusiness: business.typeOfBusiness, businessId: business.businessId, obligationDetails };
    })
    .filter((o) => o.obligationDetails.length);
  if (!obligations.length) throw noObligations();
  return { status: 200, body: { obligations } };
}

async function crystallisation(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const first = new MtdValidation();
  first.nino(nino);
  first.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);

  const taxYearParam = queryParam(req.query, 'taxYear');
  const status = queryParam(req.query, 'status');
  const v = new MtdValidation();
  const taxYear = taxYearParam === undefined ? undefined : v.taxYear(taxYearParam ?? '', { minimum: 2017 });
  if (status !== undefined && !STATUSES.includes(status ?? '')) v.add(err('FORMAT_STATUS', 'The provided status is invalid'));
  v.throwIfAny();

  const current = taxYearOf(isoDate(ctx.clock.now()));
  const scenario = testScenario(req, ctx, CRYSTALLISATION_SCENARIOS);
  switch (scenario) {
    case 'INSOLVENT_TRADER':
      throw insolventTrader();
    case 'NOT_FOUND':
      throw mtdFailures.matchingResourceNotFound();
    case 'MULTIPLE':
    case 'DYNAMIC':
      return { status: 200, body: { obligations: cannedFinalDeclarationObligations(scenario, taxYear ?? current) } };
    case 'DEFAULT':
      return { status: 200, body: { obligations: cannedFinalDeclarationObligations('DYNAMIC', taxYear ?? DEFAULT_FINAL_DECLARATION_YEAR) } };
  }

  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const firstBusinessYear = Math.min(...state.businesses.map((b) => taxYearOf(b.details.commencementDate ?? '2017-04-06')), current + 1);
  const years: number[] = [];
  for (let ty = Math.max(2017, current - 4, firstBusinessYear); ty <= current; ty++) years.push(ty);
  const selected = taxYear === undefined ? years : years.filter((y) => y === taxYear);
  const obligations = selected.map((ty) => finalDeclarationObligation(state, ty)).filter((o) => !status || o.status === status);
  if (!obligations.length) throw noObligations();
  return { status: 200, body: { obligations } };
}

