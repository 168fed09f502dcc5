import { randomUUID } from 'node:crypto';

/**
 * The canned bodies of Property Business 6.0's sandbox answers: HMRC's default (no `Gov-Test-Scenario` under
 * `data: sandbox`) and its named success scenarios (`UK_PROPERTY_CONSOLIDATED`, `FOREIGN_FHL_FULL_EXPENSES`, …),
 * shaped as HMRC's examples for them, with round amounts, on the requested tax year's dates (emulator's choice: HMRC's
 * stubs answer fixed example years). Sections that exist only in some years (FHL up to 2024-25, property IDs from
 * 2026-27) follow the tax year asked for.
 */
type Json = Record<string, unknown>;
export type Expenses = 'full' | 'consolidated';

const SUBMITTED_ON = (taxYear: number): string => `${taxYear + 1}-04-06T12:00:00.000Z`;
const firstQuarter = (taxYear: number) => ({ fromDate: `${taxYear}-04-06`, toDate: `${taxYear}-07-05` });
/** A fixed property ID for canned foreign properties (2026-27 on). */
export const CANNED_PROPERTY_ID = '8e8b8450-dc1b-4360-8109-7067337b42cb';

const ukIncome = (fhl: boolean): Json => ({ ...(fhl ? {} : { premiumsOfLeaseGrant: 200, reversePremiums: 200, otherIncome: 200 }), periodAmount: 1000, taxDeducted: 100, rentARoom: { rentsReceived: 200 } });
const ukExpenses = (fhl: boolean, e: Expenses): Json =>
  e === 'consolidated'
    ? { consolidatedExpenses: 300, ...(fhl ? {} : { residentialFinancialCost: 100 }) }
    : { premisesRunningCosts: 100, repairsAndMaintenance: 100, financialCosts: 100, professionalFees: 100, costOfServices: 100, other: 100, travelCosts: 100, ...(fhl ? {} : { residentialFinancialCost: 100 }) };

const foreignKey = (taxYear: number): Json => (taxYear >= 2026 ? { propertyId: CANNED_PROPERTY_ID } : { countryCode: 'FRA' });
const foreignIncome = (): Json => ({ rentIncome: { rentAmount: 1000 }, foreignTaxCreditRelief: false, premiumsOfLeaseGrant: 200, otherPropertyIncome: 200, foreignTaxPaidOrDeducted: 100, specialWithholdingTaxOrUkTaxPaid: 100 });
const foreignExpenses = (e: Expenses): Json =>
  e === 'consolidated' ? { consolidatedExpenses: 300 } : { premisesRunningCosts: 100, repairsAndMaintenance: 100, financialCosts: 100, professionalFees: 100, travelCosts: 100, costOfServices: 100, other: 100 };

/** Retrieve a UK Property Cumulative Period Summary. */
export function ukCumulative(taxYear: number, e: Expenses = 'full'): Json {
  return { submittedOn: SUBMITTED_ON(taxYear), ...firstQuarter(taxYear), ukProperty: { income: ukIncome(false), expenses: ukExpenses(false, e) } };
}

/** Retrieve a Foreign Property Cumulative Period Summary. */
export function foreignCumulative(taxYear: number, e: Expenses = 'full'): Json {
  return { submittedOn: SUBMITTED_ON(taxYear), ...firstQuarter(taxYear), foreignProperty: [{ ...foreignKey(taxYear), income: foreignIncome(), expenses: foreignExpenses(e) }] };
}

/** Retrieve a UK Property Income & Expenses Period Summary (2022-23 to 2024-25): FHL, non-FHL or both. */
export function ukPeriod(taxYear: number, which: 'fhl' | 'non-fhl' | 'both', e: Expenses = 'full'): Json {
  return {
    submittedOn: SUBMITTED_ON(taxYear),
    ...firstQuarter(taxYear),
    ...(which !== 'non-fhl' ? { ukFhlProperty: { income: ukIncome(true), expenses: ukExpenses(true, e) } } : {}),
    ...(which !== 'fhl' ? { ukNonFhlProperty: { income: ukIncome(false), expenses: ukExpenses(false, e) } } : {}),
  };
}

/** Retrieve a Foreign Property Income & Expenses Period Summary (2022-23 to 2024-25): FHL EEA, non-FHL or both. */
export function foreignPeriod(taxYear: number, which: 'fhl' | 'non-fhl' | 'both', e: Expenses = 'full'): Json {
  return {
    submittedOn: SUBMITTED_ON(taxYear),
    ...firstQuarter(taxYear),
    ...(which !== 'non-fhl' ? { foreignFhlEea: { income: { rentAmount: 1000 }, expenses: foreignExpenses(e) } } : {}),
    ...(which !== 'fhl' ? { foreignNonFhlProperty: [{ countryCode: 'FRA', income: foreignIncome(), expenses: foreignExpenses(e) }] } : {}),
  };
}

/** List period summaries: the year's first two quarters. */
export function periodList(taxYear: number): Json {
  return {
    submissions: [
      { submissionId: '4557ecb5-fd32-48cc-81f5-e6acd1099f3c', fromDate: `${taxYear}-04-06`, toDate: `${taxYear}-07-05` },
      { submissionId: '5a1bbd4e-6e3c-4e5f-9d6a-1c2b3d4e5f60', fromDate: `${taxYear}-07-06`, toDate: `${taxYear}-10-05` },
    ],
  };
}

const building = { amount: 500, firstYear: { qualifyingDate: '2020-03-29', qualifyingAmountExpenditure: 3000 }, building: { name: 'Green Oak House', number: '1', postcode: 'GF49JH' } };

/** Retrieve a UK Property Business Annual Submission: all other allowances or the property income allowance, with FHL (before 2025-26) or not. */
export function ukAnnual(taxYear: number, allowance: 'other' | 'property', fhl: boolean): Json {
  const uk =
    allowance === 'property'
      ? { adjustments: { balancingCharge: 100, nonResidentLandlord: false, rentARoom: { jointlyLet: false } }, allowances: { propertyIncomeAllowance: 1000 } }
      : {
          adjustments: { balancingCharge: 100, privateUseAdjustment: 100, businessPremisesRenovationAllowanceBalancingCharges: 100, nonResidentLandlord: false, rentARoom: { jointlyLet: false } },
          allowances: { annualInvestmentAllowance: 500, businessPremisesRenovationAllowance: 500, otherCapitalAllowance: 500, costOfReplacingDomesticItems: 500, zeroEmissionsCarAllowance: 500, structuredBuildingAllowance: [building] },
        };
  const ukFhl =
    allowance === 'property'
      ? { adjustments: { balancingCharge: 100, periodOfGraceAdjustment: false, nonResidentLandlord: false }, allowances: { propertyIncomeAllowance: 1000 } }
      : { adjustments: { privateUseAdjustment: 100, balancingCharge: 100, periodOfGraceAdjustment: false, nonResidentLandlord: false }, allowances: { annualInvestmentAllowance: 500, otherCapitalAllowance: 500 } };
  return { submittedOn: SUBMITTED_ON(taxYear), ...(fhl && taxYear < 2025 ? { ukFhlProperty: ukFhl } : {}), ukProperty: uk };
}

/** Retrieve a Foreign Property Annual Submission: all other allowances or the property income allowance, with FHL EEA (before 2025-26) or not. */
export function foreignAnnual(taxYear: number, allowance: 'other' | 'property', fhl: boolean): Json {
  const property =
    allowance === 'property'
      ? { ...foreignKey(taxYear), adjustments: { balancingCharge: 100 }, allowances: { propertyIncomeAllowance: 1000 } }
      : { ...foreignKey(taxYear), adjustments: { privateUseAdjustment: 100, balancingCharge: 100 }, allowances: { annualInvestmentAllowance: 500, costOfReplacingDomesticItems: 500, otherCapitalAllowance: 500, zeroEmissionsCarAllowance: 500, structuredBuildingAllowance: [building] } };
  const fhlEea =
    allowance === 'property'
      ? { adjustments: { balancingCharge: 100, periodOfGraceAdjustment: false }, allowances: { propertyIncomeAllowance: 1000 } }
      : { adjustments: { privateUseAdjustment: 100, balancingCharge: 100, periodOfGraceAdjustment: false }, allowances: { annualInvestmentAllowance: 500, otherCapitalAllowance: 500 } };
  return { submittedOn: SUBMITTED_ON(taxYear), ...(fhl && taxYear < 2025 ? { foreignFhlEea: fhlEea } : {}), foreignProperty: [property] };
}

/** Retrieve a historic FHL or non-FHL UK property annual submission (2017-18 to 2021-22). */
export function historicAnnual(fhl: boolean): Json {
  return {
    annualAdjustments: { lossBroughtForward: 100, privateUseAdjustment: 100, balancingCharge: 100, ...(fhl ? { periodOfGraceAdjustment: false } : {}), nonResidentLandlord: false, rentARoom: { jointlyLet: false } },
    annualAllowances: fhl ? { annualInvestmentAllowance: 500, otherCapitalAllowance: 500 } : { annualInvestmentAllowance: 500, otherCapitalAllowance: 500, costOfReplacingDomesticGoods: 500 },
  };
}

/** Retrieve a historic FHL or non-FHL UK property period summary, for the dates its period ID names. */
export function historicPeriod(periodId: string, fhl: boolean, e: Expenses = 'full'): Json {
  const [fromDate, toDate] = periodId.split('_');
  return { fromDate, toDate, income: ukIncome(fhl), expenses: ukExpenses(fhl, e) };
}

/** List historic FHL or non-FHL UK property period summaries: two periods of 2019-20. */
export function historicPeriodList(): Json {
  return {
    submissions: [
      ['2019-04-06', '2019-07-05'],
      ['2019-07-06', '2019-10-05'],
    ].map(([fromDate, toDate]) => ({ periodId: `${fromDate}_${toDate}`, fromDate, toDate })),
  };
}

/** Retrieve Foreign Property Details: one property in France. */
export function foreignDetails(taxYear: number): Json {
  return { foreignPropertyDetails: [{ submittedOn: SUBMITTED_ON(taxYear - 1), propertyId: CANNED_PROPERTY_ID, propertyName: 'Maison des Fleurs', countryCode: 'FRA' }] };
}

/** A new identifier for a sandbox default that creates something (HMRC's stubs answer a fixed one; a fresh one is as valid). */
export const newSubmissionId = (): string => randomUUID();
