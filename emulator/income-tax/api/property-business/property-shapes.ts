import { amount, array, bool, date, fieldsOf, object, signed, type ObjectShape, type Shape } from './body-shape.js';

/**
 * The request bodies of Property Business (MTD) 6.0, as HMRC's request schemas declare them, per tax year where they
 * differ (HMRC's `def1`/`def2`/`def3` schemas): income 0 to 99999999999.99; expenses -99999999999.99 to
 * 99999999999.99 except residential finance costs and rent-a-room relief (from 0); allowances and adjustments from 0;
 * propertyIncomeAllowance at most 1000. FHL sections exist up to 2024-25 only; foreign properties are identified by
 * country code up to 2025-26 and by property ID (Foreign Property Details) from 2026-27.
 */
const PROPERTY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BUILDING_TEXT = /^[0-9a-zA-Z{\u00C0-\u02FF\u2019}\- _&`():.'^]{1,90}$/;

const fromTo = { fromDate: date('FORMAT_FROM_DATE', 'The provided From date is invalid'), toDate: date('FORMAT_TO_DATE', 'The provided To date is invalid') };
const rentsReceived = () => object({ rentsReceived: amount() });
const amountClaimed = () => object({ amountClaimed: amount() });
const propertyId: Shape = { t: 'text', pattern: PROPERTY_ID, code: 'FORMAT_PROPERTY_ID', message: 'The provided property ID is invalid' };
const country: Shape = { t: 'country' };
/** A foreign property's key: its country up to 2025-26, its property ID from 2026-27. */
const foreignKey = (taxYear: number): Record<string, Shape> => (taxYear >= 2026 ? { propertyId } : { countryCode: country });
const foreignKeyName = (taxYear: number): string => (taxYear >= 2026 ? 'propertyId' : 'countryCode');

const COMMON_EXPENSES = ['premisesRunningCosts', 'repairsAndMaintenance', 'financialCosts', 'professionalFees', 'costOfServices', 'other', 'travelCosts', 'consolidatedExpenses'];

const ukIncome = (fhl: boolean) =>
  object({
    ...(fhl ? {} : fieldsOf(['premiumsOfLeaseGrant', 'reversePremiums', 'otherIncome'], amount)),
    ...fieldsOf(['periodAmount', 'taxDeducted'], amount),
    rentARoom: rentsReceived(),
  });
const ukExpenses = (fhl: boolean) =>
  object({
    ...fieldsOf(COMMON_EXPENSES, signed),
    ...(fhl ? {} : fieldsOf(['residentialFinancialCost', 'residentialFinancialCostsCarriedForward'], amount)),
    rentARoom: amountClaimed(),
  });
const ukProperty = (fhl: boolean) => object({ income: ukIncome(fhl), expenses: ukExpenses(fhl) });

const foreignIncome = (required: readonly string[] = []) =>
  object(
    {
      rentIncome: object({ rentAmount: amount() }, required.length ? ['rentAmount'] : []),
      foreignTaxCreditRelief: bool(),
      ...fieldsOf(['premiumsOfLeaseGrant', 'otherPropertyIncome', 'foreignTaxPaidOrDeducted', 'specialWithholdingTaxOrUkTaxPaid'], amount),
    },
    required,
  );
const foreignExpenses = () => object({ ...fieldsOf(COMMON_EXPENSES, signed), ...fieldsOf(['residentialFinancialCost', 'broughtFwdResidentialFinancialCost'], amount) });

/** Create or Amend a UK Property Cumulative Period Summary (2025-26 on). */
export const ukCumulativeShape = (): ObjectShape => object({ ...fromTo, ukProperty: ukProperty(false) }, ['ukProperty']);

/** Create or Amend a Foreign Property Cumulative Period Summary (2025-26 on). */
export const foreignCumulativeShape = (taxYear: number): ObjectShape =>
  object({ ...fromTo, foreignProperty: array(object({ ...foreignKey(taxYear), income: foreignIncome(), expenses: foreignExpenses() }, [foreignKeyName(taxYear)])) }, ['foreignProperty']);

/** Create (with dates) or Amend (without) a UK Property Income & Expenses Period Summary (2022-23 to 2024-25). */
export const ukPeriodShape = (withDates: boolean): ObjectShape =>
  object({ ...(withDates ? fromTo : {}), ukFhlProperty: ukProperty(true), ukNonFhlProperty: ukProperty(false) }, withDates ? ['fromDate', 'toDate'] : []);

/** Create (with dates) or Amend (without) a Foreign Property Income & Expenses Period Summary (2022-23 to 2024-25). */
export const foreignPeriodShape = (withDates: boolean): ObjectShape =>
  object(
    {
      ...(withDates ? fromTo : {}),
      foreignFhlEea: object({ income: object({ rentAmount: amount() }, ['rentAmount']), expenses: object(fieldsOf(COMMON_EXPENSES, signed)) }),
      foreignNonFhlProperty: array(object({ countryCode: country, income: foreignIncome(['rentIncome', 'foreignTaxCreditRelief']), expenses: foreignExpenses() }, ['countryCode', 'income'])),
    },
    withDates ? ['fromDate', 'toDate'] : [],
  );

const building = () =>
  object({
    amount: amount(),
    firstYear: object({ qualifyingDate: date(), qualifyingAmountExpenditure: amount() }, ['qualifyingDate', 'qualifyingAmountExpenditure']),
    building: object(fieldsOf(['name', 'number', 'postcode'], () => ({ t: 'text', pattern: BUILDING_TEXT, code: 'FORMAT_STRING', message: 'The supplied string format is not valid' })), ['postcode']),
  }, ['amount', 'building']);
const propertyIncomeAllowance = () => amount(0, 1000);
/** Allowances that stopped with FHL (2025-26 on they are not accepted). */
const PRE_2025_ALLOWANCES = ['zeroEmissionsGoodsVehicleAllowance', 'electricChargePointAllowance'];

/** Create and Amend a UK Property Business Annual Submission (2022-23 on). */
export function ukAnnualShape(taxYear: number): ObjectShape {
  const fhl = object({
    adjustments: object(
      { ...fieldsOf(['privateUseAdjustment', 'balancingCharge', 'businessPremisesRenovationAllowanceBalancingCharges'], amount), periodOfGraceAdjustment: bool(), nonResidentLandlord: bool(), rentARoom: object({ jointlyLet: bool() }, ['jointlyLet']) },
      ['periodOfGraceAdjustment', 'nonResidentLandlord'],
    ),
    allowances: object({ ...fieldsOf(['annualInvestmentAllowance', 'businessPremisesRenovationAllowance', 'otherCapitalAllowance', 'electricChargePointAllowance', 'zeroEmissionsCarAllowance'], amount), propertyIncomeAllowance: propertyIncomeAllowance() }),
  });
  const allowances = ['annualInvestmentAllowance', 'businessPremisesRenovationAllowance', 'otherCapitalAllowance', 'costOfReplacingDomesticItems', 'zeroEmissionsCarAllowance', ...(taxYear < 2025 ? PRE_2025_ALLOWANCES : [])];
  const uk = object({
    adjustments: object(
      { ...fieldsOf(['balancingCharge', 'privateUseAdjustment', 'businessPremisesRenovationAllowanceBalancingCharges'], amount), nonResidentLandlord: bool(), rentARoom: object({ jointlyLet: bool() }, ['jointlyLet']) },
      ['nonResidentLandlord'],
    ),
    allowances: object({ ...fieldsOf(allowances, amount), propertyIncomeAllowance: propertyIncomeAllowance(), structuredBuildingAllowance: array(building()), enhancedStructuredBuildingAllowance: array(building()) }),
  });
  return taxYear < 2025 ? object({ ukFhlProperty: fhl, ukProperty: uk }) : object({ ukProperty: uk }, ['ukProperty']);
}

/** Create and Amend a Foreign Property Annual Submission (2022-23 on). */
export function foreignAnnualShape(taxYear: number): ObjectShape {
  const fhl = object({
    adjustments: object({ ...fieldsOf(['privateUseAdjustment', 'balancingCharge'], amount), periodOfGraceAdjustment: bool() }, ['periodOfGraceAdjustment']),
    allowances: object({ ...fieldsOf(['annualInvestmentAllowance', 'otherCapitalAllowance', 'electricChargePointAllowance', 'zeroEmissionsCarAllowance'], amount), propertyIncomeAllowance: propertyIncomeAllowance() }),
  });
  const allowances = ['annualInvestmentAllowance', 'costOfReplacingDomesticItems', 'otherCapitalAllowance', 'zeroEmissionsCarAllowance', ...(taxYear < 2025 ? PRE_2025_ALLOWANCES : [])];
  const property = array(
    object(
      {
        ...foreignKey(taxYear),
        adjustments: object(fieldsOf(['privateUseAdjustment', 'balancingCharge'], amount)),
        allowances: object({ ...fieldsOf(allowances, amount), propertyIncomeAllowance: propertyIncomeAllowance(), structuredBuildingAllowance: array(building()) }),
      },
      [foreignKeyName(taxYear)],
    ),
  );
  return taxYear < 2025 ? object({ foreignFhlEea: fhl, foreignProperty: property }) : object({ foreignProperty: property }, ['foreignProperty']);
}

/** Historic FHL (furnished) or non-FHL UK property annual submission, 2017-18 to 2021-22. */
export function historicAnnualShape(fhl: boolean): ObjectShape {
  const adjustments = object(
    {
      ...fieldsOf(['lossBroughtForward', 'privateUseAdjustment', 'balancingCharge', 'businessPremisesRenovationAllowanceBalancingCharges'], amount),
      ...(fhl ? { periodOfGraceAdjustment: bool() } : {}),
      nonResidentLandlord: bool(),
      rentARoom: object({ jointlyLet: bool() }, ['jointlyLet']),
    },
    fhl ? ['periodOfGraceAdjustment', 'nonResidentLandlord'] : ['nonResidentLandlord'],
  );
  const allowances = fhl
    ? object({ ...fieldsOf(['annualInvestmentAllowance', 'businessPremisesRenovationAllowance', 'otherCapitalAllowance'], amount), propertyIncomeAllowance: propertyIncomeAllowance() })
    : object({
        ...fieldsOf(['annualInvestmentAllowance', 'zeroEmissionGoodsVehicleAllowance', 'businessPremisesRenovationAllowance', 'otherCapitalAllowance', 'costOfReplacingDomesticGoods'], amount),
        propertyIncomeAllowance: propertyIncomeAllowance(),
      });
  return object({ annualAdjustments: adjustments, annualAllowances: allowances });
}

/** Historic FHL or non-FHL UK property period summary, 2017-18 to 2021-22: create with dates, amend without. */
export const historicPeriodShape = (fhl: boolean, withDates: boolean): ObjectShape =>
  object({ ...(withDates ? fromTo : {}), income: ukIncome(fhl), expenses: ukExpenses(fhl) }, withDates ? ['fromDate', 'toDate'] : []);

/** Create (countryCode required) or Update a foreign property's details (2026-27 on). */
export function foreignDetailsShape(create: boolean): ObjectShape {
  const endReasons = create ? ['no-longer-renting-property-out', 'disposal'] : ['no-longer-renting-property-out', 'disposal', 'added-in-error'];
  return object(
    {
      propertyName: { t: 'text', pattern: /^.{1,105}$/, code: 'FORMAT_PROPERTY_NAME', message: 'The provided property name is invalid' },
      ...(create ? { countryCode: country } : {}),
      endDate: date('FORMAT_END_DATE', 'The provided end date is invalid'),
      endReason: { t: 'text', pattern: new RegExp(`^(${endReasons.join('|')})$`), code: 'FORMAT_END_REASON', message: 'The provided end reason is invalid' },
    },
    create ? ['propertyName', 'countryCode'] : ['propertyName'],
  );
}
