import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { StoredBusiness, TaxpayerState } from '../../model.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { taxYearEnded, taxYearLabel } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { validateBusinessYear } from './validate-business-year.js';

/**
 * Late Accounting Date Rule (Business Details 2.0), `/{nino}/{businessId}/{taxYear}/late-accounting-date-rule-election`:
 * Retrieve (GET, 200 `{disapply, eligible, taxYearOfElection?, taxYearElectionExpires?}`), Disapply (POST
 * `…/disapply`, 204) and Withdraw (DELETE `…/withdraw`, 204). Stateful as HMRC documents.
 * - Eligible: "Only businesses with an accounting date (Period of Account) that falls between 31 March and
 *   4 April inclusive", read from the periods of account declared for the year.
 * - An election runs five tax years from the year it is made ("will remain in place for 5 years").
 * - Disapply and withdraw "can only be used after the tax year has ended" (RULE_TAX_YEAR_NOT_ENDED), not after the
 *   year's final declaration (RULE_OUTSIDE_AMENDMENT_WINDOW); disapply needs an eligible self-employment business
 *   (422 RULE_NO_ACCOUNTING_DATE_FOUND, RULE_TYPE_OF_BUSINESS_INCORRECT) and no election still running
 *   (422 RULE_ELECTION_PERIOD_NOT_EXPIRED); withdraw needs an election made for that year (404 otherwise).
 * - HMRC's default (no header, `data: sandbox`): Retrieve answers HMRC's example (an election made in 2025-26,
 *   expiring 2029-30); Disapply and Withdraw succeed and store nothing.
 */
const GET_SCENARIOS = ['NOT_FOUND'] as const;
const DISAPPLY_SCENARIOS = ['NOT_FOUND', 'NO_ACCOUNTING_DATE_FOUND', 'ELECTION_PERIOD_NOT_EXPIRED', 'OUTSIDE_AMENDMENT_WINDOW', 'TYPE_OF_BUSINESS_INCORRECT'] as const;
const WITHDRAW_SCENARIOS = ['NOT_FOUND', 'ELECTION_PERIOD_NOT_EXPIRED', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const DEFAULT_ELECTION = { disapply: true, eligible: true, taxYearOfElection: '2025-26', taxYearElectionExpires: '2029-30' };
const ERRORS = {
  NOT_FOUND: () => mtdFailures.matchingResourceNotFound(),
  NO_ACCOUNTING_DATE_FOUND: () => mtd(422, 'RULE_NO_ACCOUNTING_DATE_FOUND', 'Cannot disapply LADR. No Accounting Date found between 31 March and 4 April inclusive'),
  ELECTION_PERIOD_NOT_EXPIRED: () => mtd(422, 'RULE_ELECTION_PERIOD_NOT_EXPIRED', 'Cannot change LADR disapplication. Existing status has not expired'),
  OUTSIDE_AMENDMENT_WINDOW: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  TYPE_OF_BUSINESS_INCORRECT: () => mtd(422, 'RULE_TYPE_OF_BUSINESS_INCORRECT', 'The businessId is not for a self-employment business'),
  TAX_YEAR_NOT_ENDED: () => mtd(400, 'RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
};
const YEARS = 5;

function eligible(business: StoredBusiness, taxYear: number): boolean {
  const dates = business.periodsOfAccount?.find((p) => p.taxYear === taxYear)?.periodsOfAccountDates ?? [];
  return dates.some((d) => d.endDate >= `${taxYear + 1}-03-31` && d.endDate <= `${taxYear + 1}-04-04`);
}

const covers = (election: { taxYear: number } | undefined, taxYear: number): boolean => !!election && taxYear >= election.taxYear && taxYear < election.taxYear + YEARS;

function business(state: TaxpayerState, businessId: string): StoredBusiness {
  const found = state.businesses.find((b) => b.details.businessId === businessId);
  if (!found) throw mtdFailures.matchingResourceNotFound();
  return found;
}

export async function retrieveLateAccountingDateRule(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw ERRORS.NOT_FOUND();
  if (scenario === 'DEFAULT') return { status: 200, body: DEFAULT_ELECTION };
  const b = business(await ctx.incomeTax.read(vendorOf(req), nino), businessId);
  if (b.details.typeOfBusiness !== 'self-employment') throw ERRORS.NOT_FOUND();
  const election = b.ladrElection;
  const body = covers(election, taxYear)
    ? { disapply: true, eligible: eligible(b, taxYear), taxYearOfElection: taxYearLabel(election!.taxYear), taxYearElectionExpires: taxYearLabel(election!.taxYear + YEARS - 1) }
    : { disapply: false, eligible: eligible(b, taxYear) };
  return { status: 200, body };
}

export async function disapplyLateAccountingDateRule(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx, 2024);
  const scenario = testScenario(req, ctx, DISAPPLY_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const b = business(state, businessId);
    if (b.details.typeOfBusiness !== 'self-employment') throw ERRORS.TYPE_OF_BUSINESS_INCORRECT();
    if (!taxYearEnded(taxYear, now)) throw ERRORS.TAX_YEAR_NOT_ENDED();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
    if (covers(b.ladrElection, taxYear)) throw ERRORS.ELECTION_PERIOD_NOT_EXPIRED();
    if (!eligible(b, taxYear)) throw ERRORS.NO_ACCOUNTING_DATE_FOUND();
    b.ladrElection = { taxYear };
  });
  return { status: 204 };
}

export async function withdrawLateAccountingDateRule(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx, 2024);
  const scenario = testScenario(req, ctx, WITHDRAW_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const b = business(state, businessId);
    if (!taxYearEnded(taxYear, now)) throw ERRORS.TAX_YEAR_NOT_ENDED();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
    if (b.ladrElection?.taxYear !== taxYear) throw ERRORS.NOT_FOUND();
    b.ladrElection = undefined;
  });
  return { status: 204 };
}
