import { jsonObjectBody, objectSection } from '../../../mtd/mtd-body.js';
import { mtdError } from '../../../mtd/mtd-errors.js';
import { isValidDate, MtdValidation } from '../../../mtd/mtd-validation.js';
import type { ApiRequest } from '../../../gateway/api.js';

/**
 * The body of Create and Amend a Self-Employment Cumulative Period Summary (5.0): `periodDates`,
 * `periodIncome`, `periodExpenses` (itemised or `consolidatedExpenses`, not both), `periodDisallowableExpenses`.
 * Rules (HMRC's request schema and `common/errors.yaml`):
 * - a section that is not an object, a field that is not a number, or a body with no known section →
 *   RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED with `paths`;
 * - income 0 to 99999999999.99, expenses -99999999999.99 to 99999999999.99, at most 2 decimal places →
 *   FORMAT_VALUE with `paths`;
 * - dates `YYYY-MM-DD` → FORMAT_START_DATE / FORMAT_END_DATE; end before start → RULE_END_DATE_BEFORE_START_DATE;
 * - consolidated and itemised expenses together → RULE_BOTH_EXPENSES_SUPPLIED.
 * Unknown fields are dropped, as HMRC's JSON readers ignore them. Returns the body as stored and read back.
 */
const INCOME_FIELDS = ['turnover', 'other', 'taxTakenOffTradingIncome'];
const ITEMISED = [
  'costOfGoods',
  'paymentsToSubcontractors',
  'wagesAndStaffCosts',
  'carVanTravelExpenses',
  'premisesRunningCosts',
  'maintenanceCosts',
  'adminCosts',
  'businessEntertainmentCosts',
  'advertisingCosts',
  'interestOnBankOtherLoans',
  'financeCharges',
  'irrecoverableDebts',
  'professionalFees',
  'depreciation',
  'otherExpenses',
];
const EXPENSE_FIELDS = ['consolidatedExpenses', ...ITEMISED];
const DISALLOWABLE_FIELDS = ITEMISED.map((f) => `${f}Disallowable`);

const MAX = 99_999_999_999.99;
const POSITIVE = 'The value must be between 0 and 99999999999.99';
const SIGNED = 'The value must be between -99999999999.99 and 99999999999.99';
const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export interface CumulativeSummaryBody {
  periodDates?: { periodStartDate: string; periodEndDate: string };
  periodIncome?: Record<string, number>;
  periodExpenses?: Record<string, number>;
  periodDisallowableExpenses?: Record<string, number>;
}

export function parseCumulativeSummary(req: ApiRequest): CumulativeSummaryBody {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const out: CumulativeSummaryBody = {};
  const section = (name: keyof CumulativeSummaryBody): Record<string, unknown> | undefined => objectSection(body, name, v);
  const amounts = (name: 'periodIncome' | 'periodExpenses' | 'periodDisallowableExpenses', fields: string[], min: number): void => {
    const s = section(name);
    if (!s) return;
    const kept: Record<string, number> = {};
    for (const field of fields) {
      const value = s[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) v.add(mtdError.incorrectOrEmptyBody([`/${name}/${field}`]));
      else if (value < min || value > MAX || !twoDecimals(value)) v.add({ code: 'FORMAT_VALUE', message: min === 0 ? POSITIVE : SIGNED, paths: [`/${name}/${field}`] });
      else kept[field] = value;
    }
    if (Object.keys(kept).length) out[name] = kept;
  };

  const dates = section('periodDates');
  if (dates) {
    const start = dates.periodStartDate;
    const end = dates.periodEndDate;
    if (!isValidDate(start)) v.add({ code: 'FORMAT_START_DATE', message: 'The provided Start date is invalid', paths: ['/periodDates/periodStartDate'] });
    if (!isValidDate(end)) v.add({ code: 'FORMAT_END_DATE', message: 'The provided End date is invalid', paths: ['/periodDates/periodEndDate'] });
    if (isValidDate(start) && isValidDate(end)) out.periodDates = { periodStartDate: start, periodEndDate: end };
  }
  amounts('periodIncome', INCOME_FIELDS, 0);
  amounts('periodExpenses', EXPENSE_FIELDS, -MAX);
  amounts('periodDisallowableExpenses', DISALLOWABLE_FIELDS, -MAX);
  if (v.ok && !out.periodDates && !out.periodIncome && !out.periodExpenses && !out.periodDisallowableExpenses) v.add(mtdError.incorrectOrEmptyBody());
  v.throwIfAny();

  if (out.periodDates && out.periodDates.periodEndDate < out.periodDates.periodStartDate) {
    v.add({ code: 'RULE_END_DATE_BEFORE_START_DATE', message: 'The supplied accounting period end date is before the start date', paths: ['/periodDates'] });
  }
  const expenses = out.periodExpenses;
  if (expenses && expenses.consolidatedExpenses !== undefined && ITEMISED.some((f) => expenses[f] !== undefined)) {
    v.add({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidatedExpenses can not be present at the same time', paths: ['/periodExpenses'] });
  }
  v.throwIfAny();
  return out;
}
