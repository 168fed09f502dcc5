import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { propertyStateOf } from '../../property.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { periodRules } from './body-rules.js';
import { placePeriod } from './period-placement.js';
import { propertyBody, propertyBusiness, propertyErrors, propertyPath, requireAmendable, type PropertyType } from './property-request.js';
import { foreignPeriodShape, ukPeriodShape } from './property-shapes.js';
import { foreignPeriod, periodList, ukPeriod } from './sandbox-defaults.js';

/**
 * UK and Foreign Property Income & Expenses Period Summaries, tax years 2022-23 to 2024-25 (from 2025-26 software sends
 * cumulative summaries): Create (POST `/{uk|foreign}/{nino}/{businessId}/period/{taxYear}`, 201 `{submissionId}`),
 * Retrieve and Amend (GET, PUT `…/period/{taxYear}/{submissionId}`; Amend answers 200 without a body, as HMRC
 * documents) and List either kind (GET `/individuals/business/property/{nino}/{businessId}/period/{taxYear}`).
 * HMRC's default for Retrieve is "no data found" (404); its named scenarios answer canned summaries. Stateful with
 * `data: realistic` or `STATEFUL`: periods are placed as period-placement.ts says (in the path's tax year), fulfil the
 * quarterly obligations they cover and are added together for the year's calculation.
 */
const CREATE_SCENARIOS = ['NOT_FOUND', 'OVERLAPPING', 'MISALIGNED', 'NOT_CONTIGUOUS', 'DUPLICATE_SUBMISSION', 'TYPE_OF_BUSINESS_INCORRECT'] as const;
const AMEND_SCENARIOS = ['NOT_FOUND', 'TYPE_OF_BUSINESS_INCORRECT'] as const;
const UK_GET_SCENARIOS = ['UK_PROPERTY', 'NOT_FOUND', 'UK_FHL_FULL_EXPENSES', 'UK_FHL_CONSOLIDATED', 'UK_NON_FHL_FULL_EXPENSES', 'UK_NON_FHL_CONSOLIDATED', 'FOREIGN_PROPERTY'] as const;
const FOREIGN_GET_SCENARIOS = ['FOREIGN_PROPERTY', 'FOREIGN_FHL_FULL_EXPENSES', 'FOREIGN_FHL_CONSOLIDATED', 'FOREIGN_NON_FHL_FULL_EXPENSES', 'FOREIGN_NON_FHL_CONSOLIDATED', 'UK_PROPERTY'] as const;
const RANGE = { minimum: 2022, maximum: 2024 };
const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES = {
  OVERLAPPING_PERIOD: rule('RULE_OVERLAPPING_PERIOD', 'Period summary overlaps with any of the existing period summaries'),
  MISALIGNED_PERIOD: rule('RULE_MISALIGNED_PERIOD', 'Period summary is not within the accounting period'),
  NOT_CONTIGUOUS_PERIOD: rule('RULE_NOT_CONTIGUOUS_PERIOD', 'Period summaries are not contiguous'),
  DUPLICATE_SUBMISSION: rule('RULE_DUPLICATE_SUBMISSION', 'A summary has already been submitted for the period specified'),
  TYPE_OF_BUSINESS_INCORRECT: propertyErrors.typeOfBusinessIncorrect,
  NOT_FOUND: propertyErrors.notFound,
};
/** HMRC's create scenarios are named without the `_PERIOD` their error codes carry. */
const CREATE_RULES = { ...RULES, OVERLAPPING: RULES.OVERLAPPING_PERIOD, MISALIGNED: RULES.MISALIGNED_PERIOD, NOT_CONTIGUOUS: RULES.NOT_CONTIGUOUS_PERIOD };

const shapeOf = (type: PropertyType, withDates: boolean) => (type === 'uk-property' ? ukPeriodShape(withDates) : foreignPeriodShape(withDates));

const create =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear } = await propertyPath(req, ctx, RANGE);
    const body = propertyBody(req, shapeOf(type, true), periodRules) as Record<string, unknown> & { fromDate: string; toDate: string };
    const scenario = testScenario(req, ctx, CREATE_SCENARIOS);
    if (scenario === 'DEFAULT') return { status: 201, body: { submissionId: randomUUID() } };
    if (scenario !== 'STATEFUL') throw CREATE_RULES[scenario]();
    const now = ctx.clock.now();
    const submissionId = await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      propertyBusiness(state, businessId, type);
      requireAmendable(state, taxYear);
      const property = propertyStateOf(state);
      const problem = placePeriod(property.periods.filter((p) => p.businessId === businessId).map((p) => p.body), body, taxYear);
      if (problem) throw RULES[problem]();
      const id = randomUUID();
      property.periods.push({ businessId, taxYear, submissionId: id, body, submittedAt: now });
      return id;
    });
    return { status: 201, body: { submissionId } };
  };

const retrieve =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear, submissionId } = await propertyPath(req, ctx, RANGE);
    const uk = type === 'uk-property';
    const scenario = testScenario<string>(req, ctx, uk ? UK_GET_SCENARIOS : FOREIGN_GET_SCENARIOS);
    if (scenario === 'DEFAULT' || scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if ((uk && scenario === 'FOREIGN_PROPERTY') || (!uk && scenario === 'UK_PROPERTY')) throw propertyErrors.typeOfBusinessIncorrect();
    if (scenario !== 'STATEFUL') {
      const which = scenario.includes('NON_FHL') ? 'non-fhl' : scenario.includes('FHL') ? 'fhl' : 'both';
      const expenses = scenario.endsWith('CONSOLIDATED') ? 'consolidated' : 'full';
      return { status: 200, body: uk ? ukPeriod(taxYear, which, expenses) : foreignPeriod(taxYear, which, expenses) };
    }
    const state = await ctx.incomeTax.read(vendorOf(req), nino);
    propertyBusiness(state, businessId, type);
    const found = state.property?.periods.find((p) => p.businessId === businessId && p.taxYear === taxYear && p.submissionId === submissionId);
    if (!found) throw propertyErrors.notFound();
    return { status: 200, body: { submittedOn: new Date(found.submittedAt).toISOString(), ...found.body } };
  };

/** Amend replaces the income and expenses; the dates stay as created. */
const amend =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear, submissionId } = await propertyPath(req, ctx, RANGE);
    const body = propertyBody(req, shapeOf(type, false), periodRules);
    const scenario = testScenario(req, ctx, AMEND_SCENARIOS);
    if (scenario === 'DEFAULT') return { status: 200 };
    if (scenario !== 'STATEFUL') throw RULES[scenario]();
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      propertyBusiness(state, businessId, type);
      const found = state.property?.periods.find((p) => p.businessId === businessId && p.taxYear === taxYear && p.submissionId === submissionId);
      if (!found) throw propertyErrors.notFound();
      requireAmendable(state, taxYear);
      found.body = { fromDate: found.body.fromDate, toDate: found.body.toDate, ...body };
      found.submittedAt = now;
    });
    return { status: 200 };
  };

export const createUkPeriod = create('uk-property');
export const retrieveUkPeriod = retrieve('uk-property');
export const amendUkPeriod = amend('uk-property');
export const createForeignPeriod = create('foreign-property');
export const retrieveForeignPeriod = retrieve('foreign-property');
export const amendForeignPeriod = amend('foreign-property');

export async function listPropertyPeriods(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await propertyPath(req, ctx, RANGE);
  const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
  if (scenario === 'DEFAULT') return { status: 200, body: periodList(taxYear) };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  if (!state.businesses.some((b) => b.details.businessId === businessId && b.details.typeOfBusiness !== 'self-employment')) throw propertyErrors.notFound();
  const submissions = (state.property?.periods ?? [])
    .filter((p) => p.businessId === businessId && p.taxYear === taxYear)
    .map((p) => ({ submissionId: p.submissionId, fromDate: p.body.fromDate, toDate: p.body.toDate }));
  return { status: 200, body: { submissions } };
}
