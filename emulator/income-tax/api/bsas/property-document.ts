import { propertyFigures } from '../../property-figures.js';
import type { AnnualSubmission, BsasAdjustment, BsasSummary } from '../../model.js';
import { taxYearEndDate, taxYearStartDate } from '../../tax-year.js';
import { summaryMetadata } from './bsas-access.js';

/**
 * The Retrieve a UK / Foreign Property BSAS document (BSAS 7.0), from the summary frozen at trigger time: the part of
 * the property business's year-to-date summary and annual submission the summary is for (FHL or not, to 2024-25), its
 * income and expenses field by field under BSAS's names (`periodAmount`/`rentAmount` → `totalRentsReceived`,
 * `otherIncome` → `otherPropertyIncome`, `rentARoom.rentsReceived` → `rarRentReceived`), the annual submission's
 * balancing charges and private use as `additions` and its allowances as `deductions`; foreign property per country
 * in `countryLevelDetail` (a 2026-27 property ID reads as the country Foreign Property Details gave it). Totals follow
 * the Individual Calculation's rules (income-tax/property-figures.ts): residential finance costs are shown, not counted.
 * Shapes per tax year as HMRC's: to 2024-25 `inputs.typeOfBusiness` and `submissionPeriods` (an array), from 2025-26
 * one `submissionPeriod`. UK property's schema requires `adjustedSummaryCalculation`; before any adjustment the emulator
 * answers it equal to the adjustable one.
 */
type Json = Record<string, unknown>;
const round2 = (n: number): number => Math.round(n * 100) / 100;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const compact = (o: Record<string, number | undefined>): Record<string, number> | undefined => {
  const out = Object.fromEntries(Object.entries(o).filter((e): e is [string, number] => e[1] !== undefined));
  return Object.keys(out).length ? out : undefined;
};
const EXPENSES = ['consolidatedExpenses', 'premisesRunningCosts', 'repairsAndMaintenance', 'financialCosts', 'professionalFees', 'costOfServices', 'residentialFinancialCost', 'broughtFwdResidentialFinancialCost', 'other', 'travelCosts'];
const buildings = (v: unknown): number | undefined => (Array.isArray(v) ? round2(v.reduce<number>((s, b) => s + (num(obj(b).amount) ?? 0), 0)) : undefined);

/** The summary's part of a submitted body: FHL or non-FHL, UK or foreign. */
export function partOf(type: BsasSummary['typeOfBusiness'], body: Json | undefined): unknown {
  const b = body ?? {};
  if (type === 'uk-property-fhl') return b.ukFhlProperty;
  if (type === 'uk-property') return b.ukNonFhlProperty ?? b.ukProperty;
  if (type === 'foreign-property-fhl-eea') return b.foreignFhlEea;
  return b.foreignNonFhlProperty ?? b.foreignProperty;
}

interface Figures {
  income: Record<string, number>;
  expenses: Record<string, number>;
  additions: Record<string, number>;
  deductions: Record<string, number>;
  totals: { income: number; expenses: number; additions: number; deductions: number };
}

/** One property's (or country's, or the FHL part's) figures from its period and annual sections. */
function figuresOf(period: unknown, annual: unknown, foreign: boolean): Figures {
  const p = obj(period);
  const a = obj(annual);
  const totals = propertyFigures({ businessId: '', taxYear: 0, body: { part: p }, submissions: [] }, { businessId: '', taxYear: 0, body: { part: a }, submittedAt: 0 } as AnnualSubmission);
  const i = obj(p.income);
  const e = obj(p.expenses);
  const adj = obj(a.adjustments);
  const al = obj(a.allowances);
  return {
    income: compact({
      totalRentsReceived: num(i.periodAmount) ?? num(obj(i.rentIncome).rentAmount) ?? num(i.rentAmount),
      premiumsOfLeaseGrant: num(i.premiumsOfLeaseGrant),
      ...(foreign ? {} : { reversePremiums: num(i.reversePremiums) }),
      otherPropertyIncome: num(i.otherIncome) ?? num(i.otherPropertyIncome),
      ...(foreign ? {} : { rarRentReceived: num(obj(i.rentARoom).rentsReceived) }),
    }) ?? {},
    expenses: compact(Object.fromEntries(EXPENSES.map((f) => [f, num(e[f])]))) ?? {},
    additions: compact({
      privateUseAdjustment: num(adj.privateUseAdjustment),
      balancingCharge: num(adj.balancingCharge),
      ...(foreign ? {} : { bpraBalancingCharge: num(adj.businessPremisesRenovationAllowanceBalancingCharges) }),
    }) ?? {},
    deductions: compact({
      annualInvestmentAllowance: num(al.annualInvestmentAllowance),
      costOfReplacingDomesticItems: num(al.costOfReplacingDomesticItems),
      zeroEmissionGoods: num(al.zeroEmissionsGoodsVehicleAllowance),
      propertyAllowance: num(al.propertyIncomeAllowance),
      otherCapitalAllowance: num(al.otherCapitalAllowance),
      structuredBuildingAllowance: buildings(al.structuredBuildingAllowance),
      zeroEmissionsCarAllowance: num(al.zeroEmissionsCarAllowance),
      ...(foreign
        ? {}
        : {
            businessPremisesRenovationAllowance: num(al.businessPremisesRenovationAllowance),
            electricChargePointAllowance: num(al.electricChargePointAllowance),
            enhancedStructuredBuildingAllowance: buildings(al.enhancedStructuredBuildingAllowance),
          }),
    }) ?? {},
    totals: { income: totals.income, expenses: totals.expenses, additions: totals.additions, deductions: totals.deductions },
  };
}

/** The figures after an adjustment's `income` and `expenses` (field by field; residential finance costs not in the total). */
export function adjusted(f: Figures, adjustment: Json | undefined): Figures {
  if (!adjustment) return f;
  const add = (base: Record<string, number>, delta: Json): Record<string, number> => {
    const out = { ...base };
    for (const [k, v] of Object.entries(delta)) if (typeof v === 'number') out[k] = round2((out[k] ?? 0) + v);
    return out;
  };
  const sum = (o: Json, skip: string[] = []) => Object.entries(o).reduce<number>((s, [k, v]) => s + (typeof v === 'number' && !skip.includes(k) ? v : 0), 0);
  const di = obj(adjustment.income);
  const de = obj(adjustment.expenses);
  return {
    ...f,
    income: add(f.income, di),
    expenses: add(f.expenses, de),
    totals: { ...f.totals, income: round2(f.totals.income + sum(di)), expenses: round2(f.totals.expenses + sum(de, ['residentialFinancialCost', 'broughtFwdResidentialFinancialCost'])) },
  };
}

function calculationBody(f: Figures): Json {
  const net = round2(f.totals.income - f.totals.expenses);
  const taxable = Math.floor(net + f.totals.additions - f.totals.deductions);
  const section = (o: Record<string, number>) => (Object.keys(o).length ? o : undefined);
  return {
    totalIncome: f.totals.income,
    ...(section(f.income) ? { income: f.income } : {}),
    totalExpenses: f.totals.expenses,
    ...(section(f.expenses) ? { expenses: f.expenses } : {}),
    ...(net >= 0 ? { netProfit: net } : { netLoss: round2(-net) }),
    totalAdditions: f.totals.additions,
    ...(section(f.additions) ? { additions: f.additions } : {}),
    totalDeductions: f.totals.deductions,
    ...(section(f.deductions) ? { deductions: f.deductions } : {}),
    ...(taxable >= 0 ? { taxableProfit: taxable } : { adjustedIncomeTaxLoss: -taxable }),
  };
}

const sumFigures = (all: Figures[]): Figures => {
  const merge = (key: 'income' | 'expenses' | 'additions' | 'deductions') => {
    const out: Record<string, number> = {};
    for (const f of all) for (const [k, v] of Object.entries(f[key])) out[k] = round2((out[k] ?? 0) + v);
    return out;
  };
  const total = (key: keyof Figures['totals']) => round2(all.reduce((s, f) => s + f.totals[key], 0));
  return {
    income: merge('income'),
    expenses: merge('expenses'),
    additions: merge('additions'),
    deductions: merge('deductions'),
    totals: { income: total('income'), expenses: total('expenses'), additions: total('additions'), deductions: total('deductions') },
  };
};

/** The adjustable (and adjusted) calculation of a summary: one body, or for foreign property its countries too. */
export function summaryFigures(summary: BsasSummary, countryOf: (propertyId: string) => string): { whole: Figures; byCountry?: Map<string, Figures> } {
  const period = partOf(summary.typeOfBusiness, summary.summary?.body);
  const annual = partOf(summary.typeOfBusiness, summary.annual?.body);
  if (summary.typeOfBusiness !== 'foreign-property') return { whole: figuresOf(period, annual, summary.typeOfBusiness === 'foreign-property-fhl-eea') };
  const countryOfEntry = (e: Json): string => (typeof e.countryCode === 'string' ? e.countryCode : countryOf(String(e.propertyId)));
  const byCountry = new Map<string, Figures>();
  const periods = (Array.isArray(period) ? period : []).map(obj);
  const annuals = (Array.isArray(annual) ? annual : []).map(obj);
  for (const country of new Set([...periods, ...annuals].map(countryOfEntry))) {
    const parts = [...periods.filter((p) => countryOfEntry(p) === country).map((p) => figuresOf(p, undefined, true)), ...annuals.filter((a) => countryOfEntry(a) === country).map((a) => figuresOf(undefined, a, true))];
    byCountry.set(country, sumFigures(parts));
  }
  return { whole: sumFigures([...byCountry.values()]), byCountry };
}

/** A foreign adjustment's amounts per country (property IDs read as their countries). */
function adjustmentByCountry(adjustments: Json, countryOf: (propertyId: string) => string): Map<string, Json> {
  const out = new Map<string, Json>();
  const entries = [...(Array.isArray(adjustments.countryLevelDetail) ? adjustments.countryLevelDetail : []), ...(Array.isArray(adjustments.propertyLevelDetail) ? adjustments.propertyLevelDetail : [])].map(obj);
  for (const e of entries) {
    const country = typeof e.countryCode === 'string' ? e.countryCode : countryOf(String(e.propertyId));
    const prev = out.get(country) ?? { income: {}, expenses: {} };
    const add = (a: Json, b: Json) => {
      const r = { ...a };
      for (const [k, v] of Object.entries(b)) if (typeof v === 'number') r[k] = round2((num(r[k]) ?? 0) + v);
      return r;
    };
    out.set(country, { income: add(obj(prev.income), obj(e.income)), expenses: add(obj(prev.expenses), obj(e.expenses)) });
  }
  return out;
}

/** The adjustable and adjusted calculations (foreign: with their `countryLevelDetail`). */
export function calculations(summary: BsasSummary, adjustment: Json | undefined, countryOf: (propertyId: string) => string): { adjustable: Json; adjusted: Json; adjustedFigures: Figures } {
  const { whole, byCountry } = summaryFigures(summary, countryOf);
  if (!byCountry) {
    const after = adjusted(whole, adjustment);
    return { adjustable: calculationBody(whole), adjusted: calculationBody(after), adjustedFigures: after };
  }
  const deltas = adjustment ? adjustmentByCountry(adjustment, countryOf) : new Map<string, Json>();
  const countries = [...new Set([...byCountry.keys(), ...deltas.keys()])];
  const empty = sumFigures([]);
  const afterByCountry = countries.map((c) => [c, adjusted(byCountry.get(c) ?? empty, deltas.get(c))] as const);
  const after = sumFigures(afterByCountry.map(([, f]) => f));
  const withCountries = (f: Figures, list: ReadonlyArray<readonly [string, Figures]>): Json => ({
    ...calculationBody(f),
    ...(list.length ? { countryLevelDetail: list.map(([countryCode, cf]) => ({ countryCode, ...calculationBody(cf) })) } : {}),
  });
  return { adjustable: withCountries(whole, [...byCountry.entries()]), adjusted: withCountries(after, afterByCountry), adjustedFigures: after };
}

export function propertyDocument(summary: BsasSummary, nino: string, status: string, adjustment: BsasAdjustment | undefined, countryOf: (propertyId: string) => string): Json {
  const kind = summary.typeOfBusiness.startsWith('uk-') ? 'uk' : 'foreign';
  const source = summary.summary;
  const body = source?.body ?? {};
  const received = source?.submissions.at(-1)?.submittedAt ?? summary.requestedAt;
  const period = {
    submissionId: summary.calculationId.length === 36 ? summary.calculationId : '617f3a7a-db8e-11e9-8a34-2a2ae2dbeed4',
    startDate: typeof body.fromDate === 'string' ? body.fromDate : taxYearStartDate(summary.taxYear),
    endDate: typeof body.toDate === 'string' ? body.toDate : taxYearEndDate(summary.taxYear),
    receivedDateTime: new Date(received).toISOString(),
  };
  const before2025 = summary.taxYear < 2025;
  const { adjustable, adjusted: after } = calculations(summary, adjustment?.body, countryOf);
  return {
    metadata: summaryMetadata(summary, nino, status, adjustment),
    inputs: {
      businessId: summary.businessId,
      ...(before2025 ? { typeOfBusiness: summary.typeOfBusiness } : {}),
      accountingPeriodStartDate: summary.accountingPeriod.startDate,
      accountingPeriodEndDate: summary.accountingPeriod.endDate,
      source: 'MTD-SA',
      ...(before2025 ? { submissionPeriods: [period] } : { submissionPeriod: period }),
    },
    adjustableSummaryCalculation: adjustable,
    ...(adjustment ? { adjustments: adjustment.body } : {}),
    ...(adjustment || kind === 'uk' ? { adjustedSummaryCalculation: after } : {}),
  };
}
