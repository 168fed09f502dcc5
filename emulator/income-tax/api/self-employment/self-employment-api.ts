import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { isSelfEmployment } from '../../model.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { cumulativeDates, storeCumulative } from '../../cumulative-dates.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { createAmendAnnual, deleteAnnual, retrieveAnnual } from './annual-submission.js';
import { amendPeriodSummary, createPeriodSummary, listPeriodSummaries, retrievePeriodSummary } from './period-summaries.js';
import { parseCumulativeSummary } from './cumulative-summary-body.js';
import { requireNinoFormat, validatePath } from './path-parameters.js';
import { defaultCumulativeSummary } from './sandbox-defaults.js';
import { consolidatedExpensesSummary } from './scenario-bodies.js';

/**
 * Self-Employment Business (MTD) 5.0: Create and Amend (PUT, `write:self-assessment`, 204) and Retrieve
 * (GET, `read:self-assessment`) a Self-Employment Cumulative Period Summary, tax years from 2025-26; the annual
 * submission is in annual-submission.ts, period summaries (before 2025-26) in period-summaries.ts.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, PUT validates and succeeds, GET answers a canned
 * summary (sandbox-defaults.ts). Stateful with `data: realistic` or `STATEFUL`: what is PUT is read back by GET for that business and tax
 * year, fulfils quarterly obligations and feeds the next triggered calculation. The business must be one
 * of the taxpayer's self-employment businesses (else 404 MATCHING_RESOURCE_NOT_FOUND). The emulator checks
 * the dates against the business's quarters (HMRC's error scenarios, made real): periodDates are required
 * (RULE_MISSING_SUBMISSION_DATES); the start is 6 April, or the commencement date when the business started
 * in the year (RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE / …_TO_COMMENCEMENT_DATE); the end is a
 * quarter end — 5 July, 5 October, 5 January, 5 April — or the cessation date
 * (RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE); no earlier than 10 days before the period ends, on the
 * virtual clock (RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED); never earlier than an end already submitted
 * (RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS). A business that chose calendar quarters for the year reports
 * from 1 April to 30 June, 30 September, 31 December or 31 March (income-tax/obligations.ts). When the taxpayer's
 * test ITSA status for the year is Annual (SA Test Support), dates are refused (RULE_START_AND_END_DATE_NOT_ALLOWED)
 * and the summary covers the whole year.
 */
export const selfEmploymentApi: Api = {
  name: 'Self Employment Business (MTD)',
  context: 'individuals/business/self-employment',
  versions: ['5.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('self-employment-business-api', [
    { method: 'PUT', path: '/individuals/business/self-employment/:nino/:businessId/cumulative/:taxYear', auth: 'user', scopes: ['write:self-assessment'], handler: createAmend },
    { method: 'GET', path: '/individuals/business/self-employment/:nino/:businessId/cumulative/:taxYear', auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
    { method: 'PUT', path: '/individuals/business/self-employment/:nino/:businessId/annual/:taxYear', auth: 'user', scopes: ['write:self-assessment'], handler: createAmendAnnual },
    { method: 'GET', path: '/individuals/business/self-employment/:nino/:businessId/annual/:taxYear', auth: 'user', scopes: ['read:self-assessment'], handler: retrieveAnnual },
    { method: 'DELETE', path: '/individuals/business/self-employment/:nino/:businessId/annual/:taxYear', auth: 'user', scopes: ['write:self-assessment'], handler: deleteAnnual },
    { method: 'POST', path: '/individuals/business/self-employment/:nino/:businessId/period', auth: 'user', scopes: ['write:self-assessment'], handler: createPeriodSummary },
    { method: 'GET', path: '/individuals/business/self-employment/:nino/:businessId/period/:taxYear', auth: 'user', scopes: ['read:self-assessment'], handler: listPeriodSummaries },
    { method: 'GET', path: '/individuals/business/self-employment/:nino/:businessId/period/:taxYear/:periodId', auth: 'user', scopes: ['read:self-assessment'], handler: retrievePeriodSummary },
    { method: 'PUT', path: '/individuals/business/self-employment/:nino/:businessId/period/:taxYear/:periodId', auth: 'user', scopes: ['write:self-assessment'], handler: amendPeriodSummary },
  ]),
};

const PUT_SCENARIOS = [
  'NOT_FOUND',
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
] as const;
const GET_SCENARIOS = ['CONSOLIDATED_EXPENSES', 'NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED'] as const;

const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES = {
  TAX_YEAR_NOT_SUPPORTED: rule('RULE_TAX_YEAR_NOT_SUPPORTED', 'The tax year specified does not lie within the supported range'),
  BOTH_EXPENSES_SUPPLIED: rule('RULE_BOTH_EXPENSES_SUPPLIED', 'Both expenses and consolidatedExpenses can not be present at the same time'),
  START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE: rule('RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE', 'Start date does not align to the commencement date'),
  END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: rule('RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'End date does not align to the reporting type'),
  MISSING_SUBMISSION_DATES: rule('RULE_MISSING_SUBMISSION_DATES', 'Submission start/end date not provided'),
  START_AND_END_DATE_NOT_ALLOWED: rule('RULE_START_AND_END_DATE_NOT_ALLOWED', 'Start/end date not accepted for annual/latent submission'),
  EARLY_DATA_SUBMISSION_NOT_ACCEPTED: rule('RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED', 'Cannot submit data more than 10 days before end of Period'),
  OUTSIDE_AMENDMENT_WINDOW: rule('RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE: rule('RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE', 'For advance submission end date must be the end of the period'),
  SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS: rule('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS', 'Submission end date cannot be earlier than existing submission'),
  START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: rule('RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'Start date does not align to the reporting type'),
};

async function createAmend(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  requireNinoFormat(nino);
  await requireIncomeTaxAccess(ctx, req, nino);
  const { businessId, taxYear } = validatePath(req);
  const body = parseCumulativeSummary(req);
  const scenario = testScenario(req, ctx, PUT_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();

  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment')?.details;
    if (!business) throw mtdFailures.matchingResourceNotFound();
    const existing = state.cumulative.find((s) => s.businessId === businessId && s.taxYear === taxYear);
    const checked = cumulativeDates(state, business, taxYear, body.periodDates, now, existing);
    if ('problem' in checked) throw RULES[checked.problem]();
    storeCumulative(state, businessId, taxYear, body as Record<string, unknown>, checked.dates.periodEndDate, now);
  });
  return { status: 204 };
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  requireNinoFormat(nino);
  await requireIncomeTaxAccess(ctx, req, nino);
  const { businessId, taxYear } = validatePath(req);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'TAX_YEAR_NOT_SUPPORTED') throw RULES.TAX_YEAR_NOT_SUPPORTED();
  if (scenario === 'CONSOLIDATED_EXPENSES') return { status: 200, body: consolidatedExpensesSummary(taxYear) };
  if (scenario === 'DEFAULT') return { status: 200, body: defaultCumulativeSummary(taxYear) };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  // Property businesses keep their cumulative summaries beside these (Property Business API); they are not read here.
  const summary = isSelfEmployment(state, businessId) ? state.cumulative.find((s) => s.businessId === businessId && s.taxYear === taxYear) : undefined;
  if (!summary) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: summary.body };
}
