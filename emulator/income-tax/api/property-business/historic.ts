import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { TaxpayerState } from '../../model.js';
import { propertyStateOf, type HistoricKind } from '../../property.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd } from '../../../mtd/mtd-errors.js';
import { taxYearOf } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { periodRules } from './body-rules.js';
import { placePeriod } from './period-placement.js';
import { propertyBody, propertyErrors, propertyPath } from './property-request.js';
import { historicAnnualShape, historicPeriodShape } from './property-shapes.js';
import { historicAnnual, historicPeriod, historicPeriodList } from './sandbox-defaults.js';

/**
 * Historic FHL (furnished holiday lettings) and non-FHL UK property submissions, tax years 2017-18 to 2021-22, keyed by
 * NINO alone as HMRC's historic endpoints are (`/uk/annual/{kind}/{nino}/{taxYear}`, `/uk/period/{kind}/{nino}[/{periodId}]`,
 * kind `furnished-holiday-lettings` or `non-furnished-holiday-lettings`). Annual: create and amend (PUT, 200),
 * retrieve, delete (204). Periods: list, create (FHL 201, non-FHL 200, `{periodId}` = `from_to`, placed as
 * period-placement.ts says; a period outside 2017-18 to 2021-22 is RULE_TAX_YEAR_NOT_SUPPORTED), retrieve, amend (200).
 * Stateful with `data: realistic` or `STATEFUL`: the taxpayer must have a UK property business (else 404).
 */
const RANGE = { minimum: 2017, maximum: 2021 };
const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES = {
  OVERLAPPING_PERIOD: rule('RULE_OVERLAPPING_PERIOD', 'Period summary overlaps with any of the existing period summaries'),
  MISALIGNED_PERIOD: rule('RULE_MISALIGNED_PERIOD', 'Period summary is not within the accounting period'),
  NOT_CONTIGUOUS_PERIOD: rule('RULE_NOT_CONTIGUOUS_PERIOD', 'Period summaries are not contiguous'),
  DUPLICATE_SUBMISSION: rule('RULE_DUPLICATE_SUBMISSION', 'A summary has already been submitted for the period specified'),
  TAX_YEAR_NOT_SUPPORTED: propertyErrors.taxYearNotSupported,
  NOT_FOUND: propertyErrors.notFound,
};
const CREATE_SCENARIOS = ['NOT_FOUND', 'DUPLICATE_SUBMISSION', 'MISALIGNED_PERIOD', 'OVERLAPPING_PERIOD', 'NOT_CONTIGUOUS_PERIOD', 'TAX_YEAR_NOT_SUPPORTED'] as const;

function requireUkProperty(state: TaxpayerState): void {
  if (!state.businesses.some((b) => b.details.typeOfBusiness === 'uk-property' || b.details.typeOfBusiness === 'property-unspecified')) throw propertyErrors.notFound();
}

export const historicAnnualHandlers = (kind: HistoricKind) => ({
  async createAmend(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino, taxYear } = await propertyPath(req, ctx, RANGE);
    const body = propertyBody(req, historicAnnualShape(kind === 'fhl'));
    const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario === 'DEFAULT') return { status: 200 };
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      requireUkProperty(state);
      const property = propertyStateOf(state);
      property.historicAnnual = [...property.historicAnnual.filter((a) => !(a.kind === kind && a.taxYear === taxYear)), { kind, taxYear, body, submittedAt: now }];
    });
    return { status: 200 };
  },

  async retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino, taxYear } = await propertyPath(req, ctx, RANGE);
    const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario === 'DEFAULT') return { status: 200, body: historicAnnual(kind === 'fhl') };
    const found = (await ctx.incomeTax.read(vendorOf(req), nino)).property?.historicAnnual.find((a) => a.kind === kind && a.taxYear === taxYear);
    if (!found) throw propertyErrors.notFound();
    return { status: 200, body: found.body };
  },

  /** `DELETE` simulates success; `STATEFUL_DELETE`, which HMRC replaced by `STATEFUL`, still deletes. */
  async delete(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino, taxYear } = await propertyPath(req, ctx, RANGE);
    const scenario = testScenario(req, ctx, ['DELETE', 'NOT_FOUND', 'STATEFUL_DELETE'] as const);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario === 'DELETE' || scenario === 'DEFAULT') return { status: 204 };
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      const property = propertyStateOf(state);
      const before = property.historicAnnual.length;
      property.historicAnnual = property.historicAnnual.filter((a) => !(a.kind === kind && a.taxYear === taxYear));
      if (property.historicAnnual.length === before) throw propertyErrors.notFound();
    });
    return { status: 204 };
  },
});

export const historicPeriodHandlers = (kind: HistoricKind) => ({
  async list(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino } = await propertyPath(req, ctx);
    const scenario = testScenario(req, ctx, ['EMPTY'] as const);
    if (scenario === 'EMPTY') return { status: 200, body: { submissions: [] } };
    if (scenario === 'DEFAULT') return { status: 200, body: historicPeriodList() };
    const periods = (await ctx.incomeTax.read(vendorOf(req), nino)).property?.historicPeriods ?? [];
    return { status: 200, body: { submissions: periods.filter((p) => p.kind === kind).map((p) => ({ periodId: p.periodId, fromDate: p.body.fromDate, toDate: p.body.toDate })) } };
  },

  async create(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino } = await propertyPath(req, ctx);
    const body = propertyBody(req, historicPeriodShape(kind === 'fhl', true), periodRules) as Record<string, unknown> & { fromDate: string; toDate: string };
    const status = kind === 'fhl' ? 201 : 200;
    const periodId = `${body.fromDate}_${body.toDate}`;
    const scenario = testScenario(req, ctx, CREATE_SCENARIOS);
    if (scenario !== 'STATEFUL' && scenario !== 'DEFAULT') throw RULES[scenario]();
    const taxYear = taxYearOf(body.fromDate);
    if (taxYear < RANGE.minimum || taxYear > RANGE.maximum) throw RULES.TAX_YEAR_NOT_SUPPORTED();
    if (scenario === 'DEFAULT') return { status, body: { periodId } };
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      requireUkProperty(state);
      const property = propertyStateOf(state);
      const problem = placePeriod(property.historicPeriods.filter((p) => p.kind === kind).map((p) => p.body), body);
      if (problem) throw RULES[problem]();
      property.historicPeriods.push({ kind, periodId, body, submittedAt: now });
    });
    return { status, body: { periodId } };
  },

  async retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino, periodId } = await propertyPath(req, ctx);
    const scenario = testScenario(req, ctx, ['NOT_FOUND', 'CONSOLIDATED'] as const);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario !== 'STATEFUL') return { status: 200, body: historicPeriod(periodId, kind === 'fhl', scenario === 'CONSOLIDATED' ? 'consolidated' : 'full') };
    const found = (await ctx.incomeTax.read(vendorOf(req), nino)).property?.historicPeriods.find((p) => p.kind === kind && p.periodId === periodId);
    if (!found) throw propertyErrors.notFound();
    return { status: 200, body: found.body };
  },

  /** Amend replaces the income and expenses; the dates stay as created. */
  async amend(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
    const { nino, periodId } = await propertyPath(req, ctx);
    const body = propertyBody(req, historicPeriodShape(kind === 'fhl', false), periodRules);
    const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
    if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
    if (scenario === 'DEFAULT') return { status: 200 };
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      const found = state.property?.historicPeriods.find((p) => p.kind === kind && p.periodId === periodId);
      if (!found) throw propertyErrors.notFound();
      found.body = { fromDate: found.body.fromDate, toDate: found.body.toDate, ...body };
      found.submittedAt = now;
    });
    return { status: 200 };
  },
});
