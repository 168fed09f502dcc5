import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { BsasAdjustment, BsasSummary, TaxpayerState } from '../../model.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtdFailures } from '../../../mtd/mtd-errors.js';
import { taxYearEndDate, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { bsasPath, summaryStatus } from './bsas-access.js';
import { bsasErrors } from './bsas-errors.js';
import { adjustedType, parseForeignAdjustments, parseUkAdjustments } from './property-adjustments.js';
import { calculations, partOf, propertyDocument } from './property-document.js';

/**
 * Retrieve (GET) and adjust (POST, 200) a UK or foreign property BSAS,
 * `…/adjustable-summary/{nino}/{uk-property|foreign-property}/{calculationId}[/adjust]/{taxYear}`.
 *
 * Retrieve: HMRC's default is "no data found" (404); its canned scenarios answer a summary of a £12,000 rent (£1,000 for
 * the loss scenarios) for the calculation ID, NINO and tax year asked for, DYNAMIC_ or not; the FHL scenarios exist up
 * to 2024-25 (RULE_INCORRECT_GOV_TEST_SCENARIO after), zero adjustments from 2024-25. Stateful: the summary must be
 * of this kind (RULE_TYPE_OF_BUSINESS_INCORRECT), FHL or not.
 *
 * Adjust: body rules in property-adjustments.ts. Stateful: the summary must exist (404) and be of this kind, FHL as
 * the body says; once per summary (RULE_ALREADY_ADJUSTED), not a superseded one, not after the final declaration;
 * no expenses where the annual submission claims the property income allowance (RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED);
 * consolidated expenses only while the property income is within the consolidated expenses threshold (£85,000 to
 * 2023-24, £90,000 from 2024-25); no income (or UK expense or residential finance cost) below zero afterwards
 * (RULE_RESULTING_VALUE_NOT_PERMITTED); 2026-27 property IDs must be the business's (RULE_PROPERTY_ID_MISMATCH). The
 * adjustment reaches the next calculation for the year (income-tax/bsas-adjustments.ts).
 */
type Kind = 'uk' | 'foreign';
type Json = Record<string, unknown>;
const PREFIX = { uk: 'UK_PROPERTY', foreign: 'FOREIGN_PROPERTY' } as const;
const withDynamic = (names: string[]): string[] => names.flatMap((n) => [n, `DYNAMIC_${n}`]);
const retrieveScenarios = (kind: Kind): string[] => {
  const p = PREFIX[kind];
  const fhlAllowance = kind === 'uk' ? 'UK_FHL_PROPERTY_ALLOWANCE' : 'FOREIGN_FHL_PROPERTY_ALLOWANCE';
  return [
    ...(kind === 'uk' ? ['TAX_YEAR_NOT_SUPPORTED', 'NOT_UK_PROPERTY'] : []),
    'REQUEST_CANNOT_BE_FULFILLED',
    ...withDynamic([`${p}_STATUS_INVALID`, `${p}_STATUS_SUPERSEDED`, `${p}_PROFIT`, `${p}_LOSS`, `${p}_CONSOLIDATED`, `${p}_ALLOWANCE`]),
    ...withDynamic([`${p}_FHL_PROFIT`, `${p}_FHL_LOSS`, `${p}_FHL_CONSOLIDATED`, fhlAllowance]),
    `${p}_ZERO_ADJUSTMENTS`,
  ];
};
const ADJUST_SCENARIOS = ['TYPE_OF_BUSINESS_INCORRECT', 'SUMMARY_STATUS_INVALID', 'SUMMARY_STATUS_SUPERSEDED', 'ALREADY_ADJUSTED', 'RESULTING_VALUE_NOT_PERMITTED', 'OUTSIDE_AMENDMENT_WINDOW', 'NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'REQUEST_CANNOT_BE_FULFILLED'] as const;
const adjustScenarios = (kind: Kind): string[] => [
  ...ADJUST_SCENARIOS,
  `${PREFIX[kind]}_OVER_CONSOLIDATED_EXPENSES_THRESHOLD`,
  `${PREFIX[kind]}_INCOME_ALLOWANCE_CLAIMED`,
  ...(kind === 'foreign' ? ['PROPERTY_ID_MISMATCH'] : []),
];

const isKind = (kind: Kind, type: BsasSummary['typeOfBusiness']): boolean => (kind === 'uk' ? type === 'uk-property' || type === 'uk-property-fhl' : type === 'foreign-property' || type === 'foreign-property-fhl-eea');

/** A 2026-27 foreign property's country, from Foreign Property Details (`ZZZ` for an ID it does not know). */
const countryLookup = (state: TaxpayerState) => (propertyId: string): string => state.property?.foreignDetails.find((d) => d.propertyId === propertyId)?.countryCode ?? 'ZZZ';

export const retrieveUkProperty = (req: ApiRequest, ctx: EmulatorContext) => retrieve('uk', req, ctx);
export const retrieveForeignProperty = (req: ApiRequest, ctx: EmulatorContext) => retrieve('foreign', req, ctx);
export const adjustUkProperty = (req: ApiRequest, ctx: EmulatorContext) => adjust('uk', req, ctx);
export const adjustForeignProperty = (req: ApiRequest, ctx: EmulatorContext) => adjust('foreign', req, ctx);

async function retrieve(kind: Kind, req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, calculationId, taxYear } = await bsasPath(req, ctx);
  const scenario = testScenario(req, ctx, retrieveScenarios(kind));
  if (scenario === 'DEFAULT') throw bsasErrors.NOT_FOUND();
  if (scenario === 'NOT_UK_PROPERTY') throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
  if (scenario === 'TAX_YEAR_NOT_SUPPORTED' || scenario === 'REQUEST_CANNOT_BE_FULFILLED') throw bsasErrors[scenario]();
  if (scenario !== 'STATEFUL') return { status: 200, body: cannedDocument(kind, scenario.replace(/^DYNAMIC_/, ''), nino, calculationId, taxYear, ctx.clock.now()) };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const summary = state.bsas?.find((b) => b.calculationId === calculationId && b.taxYear === taxYear);
  if (!summary) throw bsasErrors.NOT_FOUND();
  if (!isKind(kind, summary.typeOfBusiness)) throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
  const adjustment = state.bsasAdjustments?.find((a) => a.calculationId === calculationId);
  return { status: 200, body: propertyDocument(summary, nino, summaryStatus(state, summary), adjustment, countryLookup(state)) };
}

/** HMRC's canned summaries: a year's rent with itemised (or consolidated) expenses, adjusted as the scenario says. */
function cannedDocument(kind: Kind, scenario: string, nino: string, calculationId: string, taxYear: number, now: number): Json {
  const fhl = scenario.includes('FHL');
  if (fhl && taxYear >= 2025) throw mtdFailures.incorrectGovTestScenario();
  if (scenario.endsWith('ZERO_ADJUSTMENTS') && taxYear < 2024) throw mtdFailures.incorrectGovTestScenario();
  const type = adjustedType(kind, fhl);
  const rent = scenario.endsWith('_LOSS') ? 1000 : 12_000;
  const consolidated = scenario.endsWith('CONSOLIDATED');
  const expenses = consolidated ? { consolidatedExpenses: 3000 } : { premisesRunningCosts: 1500, repairsAndMaintenance: 1500 };
  const start = taxYearStartDate(taxYear);
  const end = taxYearEndDate(taxYear);
  const foreignKey = taxYear >= 2026 ? { propertyId: '717f3a7a-db8e-11e9-8a34-2a2ae2dbcce4' } : { countryCode: 'FRA' };
  const section: unknown =
    kind === 'uk'
      ? { income: fhl ? { periodAmount: rent } : { periodAmount: rent, otherIncome: 500 }, expenses }
      : fhl
        ? { income: { rentAmount: rent }, expenses }
        : [{ ...foreignKey, income: { rentIncome: { rentAmount: rent }, otherPropertyIncome: 500 }, expenses }];
  const keys: Record<string, string> = { 'uk-property': 'ukProperty', 'uk-property-fhl': 'ukFhlProperty', 'foreign-property': 'foreignProperty', 'foreign-property-fhl-eea': 'foreignFhlEea' };
  const key = keys[type]!;
  const allowance = scenario.endsWith('ALLOWANCE');
  const annualPart = allowance ? { allowances: { propertyIncomeAllowance: 1000 } } : { adjustments: { privateUseAdjustment: 100 } };
  const summary: BsasSummary = {
    calculationId,
    businessId: 'XPIS12345678901',
    typeOfBusiness: type,
    taxYear,
    accountingPeriod: { startDate: start, endDate: end },
    requestedAt: now,
    summary: { businessId: 'XPIS12345678901', taxYear, body: { fromDate: start, toDate: end, [key]: section }, submissions: [{ periodEndDate: end, submittedAt: now }] },
    annual: { businessId: 'XPIS12345678901', taxYear, body: { [key]: kind === 'foreign' && !fhl ? [{ ...foreignKey, ...annualPart }] : annualPart }, submittedAt: now },
  };
  const delta = { income: { totalRentsReceived: 100 }, expenses: consolidated ? { consolidatedExpenses: 50 } : allowance ? {} : { premisesRunningCosts: 50 } };
  const detail = kind === 'foreign' && !fhl ? { [taxYear >= 2026 ? 'propertyLevelDetail' : 'countryLevelDetail']: [{ ...foreignKey, ...delta }] } : delta;
  const incomeOnly = kind === 'foreign' && !fhl ? { [taxYear >= 2026 ? 'propertyLevelDetail' : 'countryLevelDetail']: [{ ...foreignKey, income: delta.income }] } : { income: delta.income };
  const body = scenario.endsWith('ZERO_ADJUSTMENTS')
    ? { zeroAdjustments: true }
    : scenario.endsWith('ALLOWANCE')
      ? incomeOnly
      : scenario.endsWith('PROFIT') || scenario.endsWith('CONSOLIDATED')
        ? detail
        : undefined;
  const adjustment: BsasAdjustment | undefined = body && { calculationId, businessId: summary.businessId, taxYear, typeOfBusiness: type, body, submittedAt: now };
  const status = scenario.endsWith('STATUS_INVALID') ? 'invalid' : scenario.endsWith('STATUS_SUPERSEDED') ? 'superseded' : 'valid';
  return propertyDocument(summary, nino, status, adjustment, () => 'FRA');
}

async function adjust(kind: Kind, req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, calculationId, taxYear } = await bsasPath(req, ctx);
  const { fhl, adjustments } = kind === 'uk' ? parseUkAdjustments(req, taxYear) : parseForeignAdjustments(req, taxYear);
  const scenario = testScenario(req, ctx, adjustScenarios(kind));
  if (scenario === 'DEFAULT') return { status: 200 };
  if (scenario.endsWith('_OVER_CONSOLIDATED_EXPENSES_THRESHOLD')) throw bsasErrors.OVER_CONSOLIDATED_EXPENSES_THRESHOLD();
  if (scenario.endsWith('_INCOME_ALLOWANCE_CLAIMED')) throw bsasErrors.PROPERTY_INCOME_ALLOWANCE_CLAIMED();
  if (scenario !== 'STATEFUL') throw bsasErrors[scenario as keyof typeof bsasErrors]();
  const now = ctx.clock.now();
  const type = adjustedType(kind, fhl);
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const summary = state.bsas?.find((b) => b.calculationId === calculationId && b.taxYear === taxYear);
    if (!summary) throw bsasErrors.NOT_FOUND();
    if (summary.typeOfBusiness !== type) throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
    if (summaryStatus(state, summary) === 'superseded') throw bsasErrors.SUMMARY_STATUS_SUPERSEDED();
    if (state.bsasAdjustments?.some((a) => a.calculationId === calculationId)) throw bsasErrors.ALREADY_ADJUSTED();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw bsasErrors.OUTSIDE_AMENDMENT_WINDOW();
    checkAgainstSummary(kind, summary, adjustments, state);
    const adjustment: BsasAdjustment = { calculationId, businessId: summary.businessId, taxYear, typeOfBusiness: type, body: adjustments, submittedAt: now };
    state.bsasAdjustments = [...(state.bsasAdjustments ?? []), adjustment];
  });
  return { status: 200 };
}

/** The rules that need the summary: property IDs, the allowance, the threshold, and no negative results. */
function checkAgainstSummary(kind: Kind, summary: BsasSummary, adjustments: Json, state: TaxpayerState): void {
  const properties = (Array.isArray(adjustments.propertyLevelDetail) ? adjustments.propertyLevelDetail : []) as Json[];
  const known = new Set(state.property?.foreignDetails.filter((d) => d.businessId === summary.businessId).map((d) => d.propertyId));
  if (properties.some((p) => !known.has(String(p.propertyId)))) throw bsasErrors.PROPERTY_ID_MISMATCH();
  const entries = [adjustments, ...((adjustments.countryLevelDetail ?? []) as Json[]), ...properties];
  const hasExpenses = entries.some((e) => e.expenses !== undefined);
  const annual = partOf(summary.typeOfBusiness, summary.annual?.body);
  const annualParts = (Array.isArray(annual) ? annual : [annual]) as Array<Json | undefined>;
  const allowanceClaimed = annualParts.some((a) => typeof (a?.allowances as Json | undefined)?.propertyIncomeAllowance === 'number');
  if (hasExpenses && allowanceClaimed) throw bsasErrors.PROPERTY_INCOME_ALLOWANCE_CLAIMED();
  const { adjustedFigures: after } = calculations(summary, adjustments, countryLookup(state));
  const consolidated = entries.some((e) => (e.expenses as Json | undefined)?.consolidatedExpenses !== undefined);
  if (consolidated && after.totals.income > (summary.taxYear >= 2024 ? 90_000 : 85_000)) throw bsasErrors.OVER_CONSOLIDATED_EXPENSES_THRESHOLD();
  // Only what the adjustment touches: a summary may already hold negative expenses (Property Business allows them).
  const touched = (section: 'income' | 'expenses') => new Set(entries.flatMap((e) => Object.keys((e[section] ?? {}) as Json)));
  const below = (o: Record<string, number>, fields: Set<string>) => [...fields].some((f) => (o[f] ?? 0) < 0);
  const expenses = touched('expenses');
  const checked = kind === 'uk' ? expenses : new Set([...expenses].filter((f) => f === 'residentialFinancialCost'));
  if (after.totals.income < 0 || below(after.income, touched('income')) || below(after.expenses, checked)) throw bsasErrors.RESULTING_VALUE_NOT_PERMITTED();
}
