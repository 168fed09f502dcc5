import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { mtd, mtdError, mtdErrors, mtdFailures, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { taxYearEndDate, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { isValidDate, MtdValidation } from '../../../mtd/mtd-validation.js';
import { validateBusinessYear } from './validate-business-year.js';

/**
 * Create or Update (`PUT`, 204) and Retrieve (`GET`, 200) Periods of Account, Business Details 2.0,
 * `/{nino}/{businessId}/{taxYear}/periods-of-account`, for self-employment businesses ("Property business IDs
 * will return a 404"), tax years from 2024-25 (the sandbox minimum). Stateful as HMRC documents.
 * Body rules, from HMRC's errors: `periodsOfAccount` boolean (else RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED); dates
 * given exactly when it is true (RULE_PERIODS_OF_ACCOUNT); FORMAT_START_DATE / FORMAT_END_DATE;
 * RULE_END_DATE_BEFORE_START_DATE; starts within or before the tax year (RULE_START_DATE); ends within it
 * (RULE_END_DATE); no overlaps (RULE_PERIODS_OVERLAP); nothing after the cessation date (RULE_CESSATION_DATE);
 * not after the year's final declaration (RULE_OUTSIDE_AMENDMENT_WINDOW, "has to be submitted before final declaration").
 * HMRC's default (no header, `data: sandbox`): Create or Update validates and succeeds, storing nothing; Retrieve
 * answers HMRC's example shape, one period of account covering the requested tax year.
 */
const PUT_SCENARIOS = ['CESSATION_DATE', 'NOT_FOUND', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const GET_SCENARIOS = ['NO_PERIODS_OF_ACCOUNT', 'NOT_FOUND'] as const;
const rule = (code: PlatformCode, message: string, paths?: string[]): MtdErrorDetail => ({ code, message, ...(paths ? { paths } : {}) });
const RULES = {
  periodsOfAccount: () =>
    rule('RULE_PERIODS_OF_ACCOUNT', 'Periods of account dates must be supplied if periodsOfAccount is set to true. They should not be supplied of periodsOfAccount is set to false'),
  endBeforeStart: (paths: string[]) => rule('RULE_END_DATE_BEFORE_START_DATE', 'The supplied values for periods of account endDate must not be earlier than the startDate', paths),
  start: (paths: string[]) => rule('RULE_START_DATE', 'One or more of the supplied periods of account start dates do not fall within or before the tax year provided', paths),
  end: (paths: string[]) => rule('RULE_END_DATE', 'One or more of the supplied periods of account end dates do not fall within the tax year provided', paths),
  overlap: (paths: string[]) => rule('RULE_PERIODS_OVERLAP', 'One or more of the supplied periods of account start and end dates overlap', paths),
  cessation: (paths?: string[]) => rule('RULE_CESSATION_DATE', 'One or more of the supplied periods of account end dates exceeds the business cessation date', paths),
};
const outsideAmendmentWindow = () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window');

function parse(req: ApiRequest, taxYear: number): { periodsOfAccount: boolean; periodsOfAccountDates?: Array<{ startDate: string; endDate: string }> } {
  const body = jsonObjectBody(req);
  const flag = body.periodsOfAccount;
  const list = body.periodsOfAccountDates;
  if (typeof flag !== 'boolean') throw mtdErrors([mtdError.incorrectOrEmptyBody(['/periodsOfAccount'])]);
  if (list !== undefined && !Array.isArray(list)) throw mtdErrors([mtdError.incorrectOrEmptyBody(['/periodsOfAccountDates'])]);
  const v = new MtdValidation();
  const dates = (list ?? []) as unknown[];
  dates.forEach((d, i) => {
    const item = d as Record<string, unknown> | null;
    if (!item || typeof item !== 'object') return v.add(mtdError.incorrectOrEmptyBody([`/periodsOfAccountDates/${i}`]));
    if (!isValidDate(item.startDate)) v.add({ code: 'FORMAT_START_DATE', message: 'The start date field format is invalid', paths: [`/periodsOfAccountDates/${i}/startDate`] });
    if (!isValidDate(item.endDate)) v.add({ code: 'FORMAT_END_DATE', message: 'The end date field format is invalid', paths: [`/periodsOfAccountDates/${i}/endDate`] });
  });
  v.throwIfAny();
  if (flag !== dates.length > 0) v.add(RULES.periodsOfAccount());
  v.throwIfAny();
  const periods = (dates as Array<{ startDate: string; endDate: string }>).map(({ startDate, endDate }) => ({ startDate, endDate }));
  periods.forEach((p, i) => {
    const at = `/periodsOfAccountDates/${i}`;
    if (p.endDate < p.startDate) v.add(RULES.endBeforeStart([`${at}/endDate`]));
    if (p.startDate > taxYearEndDate(taxYear)) v.add(RULES.start([`${at}/startDate`]));
    if (p.endDate < taxYearStartDate(taxYear) || p.endDate > taxYearEndDate(taxYear)) v.add(RULES.end([`${at}/endDate`]));
    periods.forEach((q, j) => {
      if (j > i && p.startDate <= q.endDate && q.startDate <= p.endDate) v.add(RULES.overlap([at, `/periodsOfAccountDates/${j}`]));
    });
  });
  v.throwIfAny();
  return flag ? { periodsOfAccount: true, periodsOfAccountDates: periods } : { periodsOfAccount: false };
}

export async function createUpdatePeriodsOfAccount(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx, 2024);
  const declared = parse(req, taxYear);
  const scenario = testScenario(req, ctx, PUT_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'OUTSIDE_AMENDMENT_WINDOW') throw outsideAmendmentWindow();
  if (scenario === 'CESSATION_DATE') throw mtdErrors([RULES.cessation()]);
  if (scenario === 'DEFAULT') return { status: 204 };
  const now = new Date(ctx.clock.now()).toISOString();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment');
    if (!business) throw mtdFailures.matchingResourceNotFound();
    const cessation = business.details.cessationDate;
    const late = (declared.periodsOfAccountDates ?? []).map((p, i) => ({ p, i })).filter(({ p }) => cessation !== undefined && p.endDate > cessation);
    if (late.length) throw mtdErrors([RULES.cessation(late.map(({ i }) => `/periodsOfAccountDates/${i}/endDate`))]);
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw outsideAmendmentWindow();
    business.periodsOfAccount = [...(business.periodsOfAccount ?? []).filter((p) => p.taxYear !== taxYear), { taxYear, submittedOn: now, ...declared }];
  });
  return { status: 204 };
}

export async function retrievePeriodsOfAccount(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx, 2024);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'NO_PERIODS_OF_ACCOUNT') return { status: 200, body: { submittedOn: new Date(ctx.clock.now()).toISOString(), periodsOfAccount: false } };
  if (scenario === 'DEFAULT') {
    const period = { startDate: taxYearStartDate(taxYear), endDate: taxYearEndDate(taxYear) };
    return { status: 200, body: { submittedOn: `${period.endDate}T14:15:22.802Z`, periodsOfAccount: true, periodsOfAccountDates: [period] } };
  }
  const business = (await ctx.incomeTax.read(vendorOf(req), nino)).businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment');
  const stored = business?.periodsOfAccount?.find((p) => p.taxYear === taxYear);
  if (!stored) throw mtdFailures.matchingResourceNotFound();
  const { taxYear: _omit, ...body } = stored;
  return { status: 200, body };
}
