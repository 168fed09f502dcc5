import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { cumulativeDates, storeCumulative, type CumulativeDateProblem } from '../../cumulative-dates.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { periodRules } from './body-rules.js';
import { foreignPropertyIds } from './foreign-property-details.js';
import { propertyBody, propertyBusiness, propertyErrors, propertyPath, requireAmendable, type PropertyType } from './property-request.js';
import { foreignCumulativeShape, ukCumulativeShape } from './property-shapes.js';
import { foreignCumulative, ukCumulative } from './sandbox-defaults.js';

/**
 * Create or Amend (PUT, 204) and Retrieve (GET, 200) a UK or Foreign Property Cumulative Period Summary
 * (`/individuals/business/property/{uk|foreign}/{nino}/{businessId}/cumulative/{taxYear}`), from 2025-26.
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, PUT validates and succeeds, GET answers a canned
 * summary. Stateful with `data: realistic` or `STATEFUL`, as Self Employment's: the business must be the taxpayer's
 * UK (or foreign) property business; the dates are checked against its quarters (shared/cumulative-dates.ts); what is
 * PUT replaces the year's summary, is read back with `submittedOn`, fulfils the property business's quarterly
 * obligations and feeds the next calculation (income-tax/property-figures.ts). From 2026-27 foreign properties are
 * identified by the property IDs of Foreign Property Details (RULE_PROPERTY_ID_MISMATCH for any other); GET takes an
 * optional `propertyId` to return one property.
 */
const PUT_SCENARIOS = [
  'NOT_FOUND',
  'TAX_YEAR_NOT_SUPPORTED',
  'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
  'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
  'MISSING_SUBMISSION_DATES',
  'START_AND_END_DATE_NOT_ALLOWED',
  'EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
  'OUTSIDE_AMENDMENT_WINDOW',
  'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
  'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
  'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
  'PROPERTY_ID_MISMATCH',
] as const;
const UK_GET_SCENARIOS = ['NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'UK_PROPERTY_CONSOLIDATED', 'UK_PROPERTY_FULL_EXPENSES', 'FOREIGN_PROPERTY'] as const;
const FOREIGN_GET_SCENARIOS = ['NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'FOREIGN_PROPERTY_FULL_EXPENSES', 'FOREIGN_PROPERTY_CONSOLIDATED', 'UK_PROPERTY'] as const;
const FIRST = 2025;

const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES: Record<CumulativeDateProblem | 'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE' | 'OUTSIDE_AMENDMENT_WINDOW' | 'PROPERTY_ID_MISMATCH' | 'TAX_YEAR_NOT_SUPPORTED' | 'NOT_FOUND', () => Error> = {
  START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE: rule('RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE', 'Start date does not align with the commencement date'),
  START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: rule('RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'Start date does not align with the reporting type'),
  END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: rule('RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'End date does not align with the reporting type'),
  MISSING_SUBMISSION_DATES: rule('RULE_MISSING_SUBMISSION_DATES', 'Submission start/end date not provided'),
  START_AND_END_DATE_NOT_ALLOWED: rule('RULE_START_AND_END_DATE_NOT_ALLOWED', 'Start/end date not accepted for annual/latent submission'),
  EARLY_DATA_SUBMISSION_NOT_ACCEPTED: rule('RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED', 'Cannot submit data more than 10 days before end of Period'),
  SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS: rule('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS', 'Submission end date cannot be earlier than existing submission'),
  ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE: rule('RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE', 'For advance submission, end date must be the end of the period'),
  PROPERTY_ID_MISMATCH: rule('RULE_PROPERTY_ID_MISMATCH', 'The supplied property ID is not valid for this income source'),
  OUTSIDE_AMENDMENT_WINDOW: propertyErrors.outsideAmendmentWindow,
  TAX_YEAR_NOT_SUPPORTED: propertyErrors.taxYearNotSupported,
  NOT_FOUND: propertyErrors.notFound,
};

const createAmend =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear } = await propertyPath(req, ctx, { minimum: FIRST });
    const body = propertyBody(req, type === 'uk-property' ? ukCumulativeShape() : foreignCumulativeShape(taxYear), periodRules);
    const scenario = testScenario(req, ctx, type === 'uk-property' ? PUT_SCENARIOS.filter((s) => s !== 'PROPERTY_ID_MISMATCH') : PUT_SCENARIOS);
    if (scenario === 'DEFAULT') return { status: 204 };
    if (scenario !== 'STATEFUL') throw RULES[scenario]();
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      const business = propertyBusiness(state, businessId, type).details;
      requireAmendable(state, taxYear);
      if (type === 'foreign-property' && taxYear >= 2026) {
        const known = foreignPropertyIds(state, businessId, taxYear);
        if ((body.foreignProperty as Array<{ propertyId: string }>).some((p) => !known.includes(p.propertyId))) throw RULES.PROPERTY_ID_MISMATCH();
      }
      const requested = typeof body.fromDate === 'string' && typeof body.toDate === 'string' ? { periodStartDate: body.fromDate, periodEndDate: body.toDate } : undefined;
      if (!requested && (body.fromDate !== undefined || body.toDate !== undefined)) throw RULES.MISSING_SUBMISSION_DATES();
      const existing = state.cumulative.find((s) => s.businessId === businessId && s.taxYear === taxYear);
      const checked = cumulativeDates(state, business, taxYear, requested, now, existing);
      if ('problem' in checked) throw RULES[checked.problem]();
      const { fromDate: _from, toDate: _to, ...amounts } = body;
      storeCumulative(state, businessId, taxYear, { fromDate: checked.dates.periodStartDate, toDate: checked.dates.periodEndDate, ...amounts }, checked.dates.periodEndDate, now);
    });
    return { status: 204 };
  };

const retrieve =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear, propertyId } = await propertyPath(req, ctx, { minimum: FIRST });
    const uk = type === 'uk-property';
    const scenario = testScenario<string>(req, ctx, uk ? UK_GET_SCENARIOS : FOREIGN_GET_SCENARIOS);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario === 'TAX_YEAR_NOT_SUPPORTED') throw propertyErrors.taxYearNotSupported();
    if (scenario === 'FOREIGN_PROPERTY' || scenario === 'UK_PROPERTY') throw propertyErrors.typeOfBusinessIncorrect();
    if (scenario !== 'STATEFUL') {
      const expenses = scenario.endsWith('CONSOLIDATED') ? 'consolidated' : 'full';
      return { status: 200, body: uk ? ukCumulative(taxYear, expenses) : foreignCumulative(taxYear, expenses) };
    }
    const state = await ctx.incomeTax.read(vendorOf(req), nino);
    propertyBusiness(state, businessId, type);
    const summary = state.cumulative.find((s) => s.businessId === businessId && s.taxYear === taxYear);
    if (!summary) throw propertyErrors.notFound();
    const submittedOn = new Date(Math.max(...summary.submissions.map((s) => s.submittedAt))).toISOString();
    const body: Record<string, unknown> = { submittedOn, ...summary.body };
    if (propertyId && !uk) {
      const properties = (body.foreignProperty as Array<{ propertyId?: string }>).filter((p) => p.propertyId === propertyId);
      if (!properties.length) throw propertyErrors.notFound();
      body.foreignProperty = properties;
    }
    return { status: 200, body };
  };

export const createAmendUkCumulative = createAmend('uk-property');
export const retrieveUkCumulative = retrieve('uk-property');
export const createAmendForeignCumulative = createAmend('foreign-property');
export const retrieveForeignCumulative = retrieve('foreign-property');
