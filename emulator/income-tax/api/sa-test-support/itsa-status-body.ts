import type { ApiRequest } from '../../../gateway/api.js';
import type { ItsaStatusDetail } from '../../model.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { mtdError } from '../../../mtd/mtd-errors.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The body of Create and Amend Test ITSA Status (SA Test Support 1.0): `{itsaStatusDetails: [{submittedOn,
 * status, statusReason, businessIncome2YearsPrior?}]}`. Errors with paths, as HMRC's spec lists them:
 * FORMAT_SUBMITTED_ON (`YYYY-MM-DDThh:mm:ss.SSSZ`), FORMAT_STATUS, FORMAT_STATUS_REASON,
 * FORMAT_BUSINESS_INCOME_2_YEARS_PRIOR (0 to 99999999999.99), DUPLICATE_SUBMITTED_ON; a missing or empty array
 * or a non-object entry is RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED.
 */
const ITSA_STATUSES = ['No Status', 'MTD Mandated', 'MTD Voluntary', 'Annual', 'Non Digital', 'Dormant', 'MTD Exempt'];
const REASONS = [
  'Sign up - return available',
  'Sign up - no return available',
  'ITSA final declaration',
  'ITSA Q4 declaration',
  'CESA SA return',
  'Complex',
  'Ceased income source',
  'Reinstated income source',
  'Rollover',
  'Income Source Latency Changes',
  'MTD ITSA Opt-Out',
  'MTD ITSA Opt-In',
  'Digitally Exempt',
];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseItsaStatus(req: ApiRequest): ItsaStatusDetail[] {
  const body = jsonObjectBody(req);
  const list = body.itsaStatusDetails;
  const v = new MtdValidation();
  if (!Array.isArray(list) || !list.length) {
    v.add(mtdError.incorrectOrEmptyBody(['/itsaStatusDetails']));
    v.throwIfAny();
  }
  const details: ItsaStatusDetail[] = [];
  (list as unknown[]).forEach((item, i) => {
    const at = `/itsaStatusDetails/${i}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return v.add(mtdError.incorrectOrEmptyBody([at]));
    const { submittedOn, status, statusReason, businessIncome2YearsPrior } = item as Record<string, unknown>;
    if (typeof submittedOn !== 'string' || !TIMESTAMP.test(submittedOn) || Number.isNaN(Date.parse(submittedOn))) {
      v.add({ code: 'FORMAT_SUBMITTED_ON', message: 'The provided submitted on date is invalid', paths: [`${at}/submittedOn`] });
    }
    if (!ITSA_STATUSES.includes(status as string)) v.add({ code: 'FORMAT_STATUS', message: 'The provided status is invalid', paths: [`${at}/status`] });
    if (!REASONS.includes(statusReason as string)) v.add({ code: 'FORMAT_STATUS_REASON', message: 'The provided status reason is invalid', paths: [`${at}/statusReason`] });
    const income = businessIncome2YearsPrior;
    if (income !== undefined && (typeof income !== 'number' || income < 0 || income > 99_999_999_999.99 || Math.abs(Math.round(income * 100) - income * 100) > 1e-6)) {
      v.add({ code: 'FORMAT_BUSINESS_INCOME_2_YEARS_PRIOR', message: 'The provided business Income 2 Years Prior is invalid', paths: [`${at}/businessIncome2YearsPrior`] });
    }
    details.push({ submittedOn: submittedOn as string, status: status as string, statusReason: statusReason as string, ...(typeof income === 'number' ? { businessIncome2YearsPrior: income } : {}) });
  });
  v.throwIfAny();
  const seen = new Map<string, number>();
  details.forEach((d, i) => {
    const first = seen.get(d.submittedOn);
    if (first === undefined) seen.set(d.submittedOn, i);
    else v.add({ code: 'DUPLICATE_SUBMITTED_ON', message: 'The provided submittedOn values are not unique', paths: [`/itsaStatusDetails/${first}/submittedOn`, `/itsaStatusDetails/${i}/submittedOn`] });
  });
  v.throwIfAny();
  return details;
}
