import type { ApiRequest } from '../../../gateway/api.js';
import { jsonObjectBody, objectSection } from '../../../mtd/mtd-body.js';
import { mtdError, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { isValidDate, MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The body of Create and Amend Self-Employment Annual Submission (5.0): `adjustments`, `allowances`,
 * `nonFinancials`. Rules from HMRC's `common/errors.yaml`, with paths:
 * - amounts 0 to 99999999999.99 (basis, accounting and averaging adjustments may be negative), 2 decimal places,
 *   tradingIncomeAllowance up to 1000 → FORMAT_VALUE; a non-number → RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED;
 * - tradingIncomeAllowance with any other allowance → RULE_BOTH_ALLOWANCES_SUPPLIED;
 * - transitionProfitAccelerationAmount without transitionProfitAmount → RULE_WRONG_TPA_AMOUNT_SUBMITTED;
 * - overlapReliefUsed from 2024-25 → RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED;
 * - structured building allowances: qualifyingDate FORMAT_DATE, a building with a postcode but neither name nor
 *   number → RULE_BUILDING_NAME_NUMBER, strings of 1 to 90 characters → FORMAT_STRING;
 * - nonFinancials.businessDetailsChangedRecently is a boolean; class4NicsExemptionReason one of HMRC's values →
 *   FORMAT_CLASS_4_EXEMPTION_REASON.
 * Unknown fields are dropped.
 */
const SIGNED = ['basisAdjustment', 'accountingAdjustment', 'averagingAdjustment'];
const ADJUSTMENTS = [
  'includedNonTaxableProfits',
  'basisAdjustment',
  'overlapReliefUsed',
  'accountingAdjustment',
  'averagingAdjustment',
  'outstandingBusinessIncome',
  'balancingChargeBpra',
  'balancingChargeOther',
  'goodsAndServicesOwnUse',
  'transitionProfitAmount',
  'transitionProfitAccelerationAmount',
];
const ALLOWANCES = [
  'annualInvestmentAllowance',
  'capitalAllowanceMainPool',
  'capitalAllowanceSpecialRatePool',
  'zeroEmissionsGoodsVehicleAllowance',
  'businessPremisesRenovationAllowance',
  'enhancedCapitalAllowance',
  'allowanceOnSales',
  'capitalAllowanceSingleAssetPool',
  'electricChargePointAllowance',
  'zeroEmissionsCarAllowance',
  'tradingIncomeAllowance',
];
const BUILDING_ALLOWANCES = ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance'];
const EXEMPTIONS = ['non-resident', 'trustee', 'diver', 'ITTOIA-2005', 'over-state-pension-age', 'under-16'];
const MAX = 99_999_999_999.99;
const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export function parseAnnualSubmission(req: ApiRequest, taxYear: number): Record<string, unknown> {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const out: Record<string, Record<string, unknown>> = {};
  const section = (name: string): Record<string, unknown> | undefined => objectSection(body, name, v);
  const amount = (value: unknown, path: string, min: number, max = MAX): value is number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      v.add(mtdError.incorrectOrEmptyBody([path]));
      return false;
    }
    if (value < min || value > max || !twoDecimals(value)) {
      const message = min < 0 ? 'The value must be between -99999999999.99 and 99999999999.99' : max === MAX ? 'The value must be between 0 and 99999999999.99' : `The value must be between 0 and ${max}`;
      v.add({ code: 'FORMAT_VALUE', message, paths: [path] });
      return false;
    }
    return true;
  };
  const rules: MtdErrorDetail[] = [];

  const adjustments = section('adjustments');
  if (adjustments) {
    const kept: Record<string, number> = {};
    for (const f of ADJUSTMENTS) if (adjustments[f] !== undefined && amount(adjustments[f], `/adjustments/${f}`, SIGNED.includes(f) ? -MAX : 0)) kept[f] = adjustments[f] as number;
    if (kept.transitionProfitAccelerationAmount !== undefined && kept.transitionProfitAmount === undefined) {
      rules.push({ code: 'RULE_WRONG_TPA_AMOUNT_SUBMITTED', message: 'Transition profit acceleration value cannot be submitted without a transition profit value', paths: ['/adjustments/transitionProfitAccelerationAmount'] });
    }
    if (kept.overlapReliefUsed !== undefined && taxYear >= 2024) {
      rules.push({ code: 'RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED', message: 'The overlapReliefUsed field is not applicable for this tax year', paths: ['/adjustments/overlapReliefUsed'] });
    }
    if (Object.keys(kept).length) out.adjustments = kept;
  }

  const allowances = section('allowances');
  if (allowances) {
    const kept: Record<string, unknown> = {};
    for (const f of ALLOWANCES) if (allowances[f] !== undefined && amount(allowances[f], `/allowances/${f}`, 0, f === 'tradingIncomeAllowance' ? 1000 : MAX)) kept[f] = allowances[f];
    for (const f of BUILDING_ALLOWANCES) {
      const list = allowances[f];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.length) {
        v.add(mtdError.incorrectOrEmptyBody([`/allowances/${f}`]));
        continue;
      }
      kept[f] = list.map((item: unknown, i) => {
        const at = `/allowances/${f}/${i}`;
        const sba = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
        const first = (sba.firstYear ?? undefined) as Record<string, unknown> | undefined;
        const building = (sba.building && typeof sba.building === 'object' ? sba.building : {}) as Record<string, unknown>;
        amount(sba.amount, `${at}/amount`, 0);
        if (first !== undefined) {
          if (!isValidDate(first?.qualifyingDate)) v.add({ code: 'FORMAT_DATE', message: 'The supplied date format is not valid', paths: [`${at}/firstYear/qualifyingDate`] });
          amount(first?.qualifyingAmountExpenditure, `${at}/firstYear/qualifyingAmountExpenditure`, 0);
        }
        for (const k of ['name', 'number', 'postcode']) {
          const s = building[k];
          if (s !== undefined && (typeof s !== 'string' || !s.length || s.length > 90)) v.add({ code: 'FORMAT_STRING', message: 'The supplied string format is not valid', paths: [`${at}/building/${k}`] });
        }
        if (typeof building.postcode !== 'string' || (building.name === undefined && building.number === undefined)) {
          rules.push({ code: 'RULE_BUILDING_NAME_NUMBER', message: 'Postcode must be supplied along with at least one of name or number', paths: [`${at}/building`] });
        }
        return {
          amount: sba.amount,
          ...(first ? { firstYear: { qualifyingDate: first.qualifyingDate, qualifyingAmountExpenditure: first.qualifyingAmountExpenditure } } : {}),
          building: Object.fromEntries(['name', 'number', 'postcode'].filter((k) => building[k] !== undefined).map((k) => [k, building[k]])),
        };
      });
    }
    if (kept.tradingIncomeAllowance !== undefined && Object.keys(kept).length > 1) {
      rules.push({ code: 'RULE_BOTH_ALLOWANCES_SUPPLIED', message: 'Both allowances and trading allowances must not be present at the same time', paths: ['/allowances'] });
    }
    if (Object.keys(kept).length) out.allowances = kept;
  }

  const nonFinancials = section('nonFinancials');
  if (nonFinancials) {
    if (typeof nonFinancials.businessDetailsChangedRecently !== 'boolean') v.add(mtdError.incorrectOrEmptyBody(['/nonFinancials/businessDetailsChangedRecently']));
    const reason = nonFinancials.class4NicsExemptionReason;
    if (reason !== undefined && !EXEMPTIONS.includes(reason as string)) {
      v.add({ code: 'FORMAT_CLASS_4_EXEMPTION_REASON', message: 'The format of the supplied Class 4 National Insurance exemption reason is not valid', paths: ['/nonFinancials/class4NicsExemptionReason'] });
    }
    out.nonFinancials = { businessDetailsChangedRecently: nonFinancials.businessDetailsChangedRecently, ...(reason !== undefined ? { class4NicsExemptionReason: reason } : {}) };
  }
  if (v.ok && !Object.keys(out).length) v.add(mtdError.incorrectOrEmptyBody());
  v.throwIfAny();
  for (const r of rules) v.add(r);
  v.throwIfAny();
  return out;
}
