import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest } from '../../../gateway/api.js';
import { daysBetween } from '../../tax-year.js';
import type { MtdValidation} from '../../../mtd/mtd-validation.js';
import { queryParam } from '../../../mtd/mtd-validation.js';
import type { DocumentFilter } from './account-documents.js';

/**
 * The query parameters of Retrieve Balance and Transactions and List Payments and Allocation Details, checked as
 * HMRC's validators check them (self-assessment-accounts-api v4 `Def1_RetrieveBalanceAndTransactionsValidator`,
 * `Def1_ListPaymentsAndAllocationDetailsValidator`), worded as the 4.0 `common/errors.yaml` words them:
 *
 * - `fromDate` without `toDate` is MISSING_TO_DATE, the reverse MISSING_FROM_DATE; each must be a date
 *   (FORMAT_FROM_DATE, FORMAT_TO_DATE) and `toDate` not before `fromDate` (RANGE_TO_DATE_BEFORE_FROM_DATE);
 *   balance and transactions allows at most 732 days (RULE_INVALID_DATE_RANGE).
 * - `docNumber`: 1 to 12 letters and digits (FORMAT_DOC_NUMBER); HMRC's validator allows 1 to 11 characters of any kind
 *   while its specification asks for exactly 12 alphanumerics and documents are numbered with 12: the emulator takes both.
 * - the six flags are `true` or `false`, default false (FORMAT_…).
 * - `onlyOpenItems=true` with a date range or `docNumber`, or `false` with neither, is RULE_INCONSISTENT_QUERY_PARAMS.
 * - payments: `paymentLot` without `paymentLotItem` is MISSING_PAYMENT_LOT_ITEM, the reverse MISSING_PAYMENT_LOT;
 *   `^[0-9A-Za-z]{1,12}` and `{1,6}` (FORMAT_PAYMENT_LOT, FORMAT_PAYMENT_LOT_ITEM); a payment lot and a date range
 *   together are RULE_INCONSISTENT_QUERY_PARAMS ("Provide either paymentLot & paymentLotItem or fromDate & toDate").
 */
const e = (code: PlatformCode, message: string) => ({ code, message });
export const accountErrors = {
  formatNino: e('FORMAT_NINO', 'The format of the supplied nino value is invalid.'),
  formatFromDate: e('FORMAT_FROM_DATE', 'The format of the fromDate is not valid.'),
  formatToDate: e('FORMAT_TO_DATE', 'The format of toDate is not valid.'),
  missingFromDate: e('MISSING_FROM_DATE', 'The From date parameter is missing'),
  missingToDate: e('MISSING_TO_DATE', 'The To date parameter is missing.'),
  toBeforeFrom: e('RANGE_TO_DATE_BEFORE_FROM_DATE', 'The To date must be after the From date.'),
  invalidDateRange: e('RULE_INVALID_DATE_RANGE', 'The provided date range is not valid.'),
  docNumber: e('FORMAT_DOC_NUMBER', 'The format of docNumber is not valid.'),
  inconsistent: e('RULE_INCONSISTENT_QUERY_PARAMS', 'Provide date range or docNumber when onlyOpenItems is false.'),
  inconsistentPayments: e('RULE_INCONSISTENT_QUERY_PARAMS', 'Provide either paymentLot & paymentLotItem or fromDate & toDate.'),
  paymentLot: e('FORMAT_PAYMENT_LOT', 'The format of the supplied paymentLot value is not valid.'),
  paymentLotItem: e('FORMAT_PAYMENT_LOT_ITEM', 'The format of the supplied paymentLotItem value is not valid.'),
  missingPaymentLot: e('MISSING_PAYMENT_LOT', 'The paymentLotItem value has been provided, but paymentLot value is missing.'),
  missingPaymentLotItem: e('MISSING_PAYMENT_LOT_ITEM', 'The paymentLot value has been provided, but the paymentLotItem value is missing.'),
};

const FLAGS: Array<[name: string, code: PlatformCode, message: string]> = [
  ['onlyOpenItems', 'FORMAT_ONLY_OPEN_ITEMS', 'The format of onlyOpenItem is not valid.'],
  ['includeLocks', 'FORMAT_INCLUDE_LOCKS', 'The format of includeLocks is not valid.'],
  ['calculateAccruedInterest', 'FORMAT_CALCULATE_ACCRUED_INTEREST', 'The format for calculatingAccruedInterest is not valid.'],
  ['removePOA', 'FORMAT_REMOVE_PAYMENT_ON_ACCOUNT', 'The format of removePOA is not valid.'],
  ['customerPaymentInformation', 'FORMAT_CUSTOMER_PAYMENT_INFORMATION', 'The format of customerPaymentInformation is not valid.'],
  ['includeEstimatedCharges', 'FORMAT_INCLUDE_ESTIMATED_CHARGES', 'The format of includeEstimatedCharges is not valid'],
];

/** fromDate and toDate: both or neither (undefined), each a date, in order and, with `maxDays`, no further apart. */
function dateRange(req: ApiRequest, v: MtdValidation, maxDays?: number): { from: string; to: string } | undefined | null {
  const from = queryParam(req.query, 'fromDate');
  const to = queryParam(req.query, 'toDate');
  if (from === undefined && to === undefined) return undefined;
  if (to === undefined) return void v.add(accountErrors.missingToDate), null;
  if (from === undefined) return void v.add(accountErrors.missingFromDate), null;
  const fromOk = v.date(from, accountErrors.formatFromDate);
  const toOk = v.date(to, accountErrors.formatToDate);
  if (!fromOk || !toOk) return null;
  if (to < from) return void v.add(accountErrors.toBeforeFrom), null;
  if (maxDays !== undefined && daysBetween(from, to) > maxDays) return void v.add(accountErrors.invalidDateRange), null;
  return { from, to };
}

export function balanceQuery(req: ApiRequest, v: MtdValidation): DocumentFilter {
  const docNumber = queryParam(req.query, 'docNumber');
  if (docNumber !== undefined && (typeof docNumber !== 'string' || !/^[0-9A-Za-z]{1,12}$/.test(docNumber))) v.add(accountErrors.docNumber);
  const range = dateRange(req, v, 732);
  const flags: Record<string, boolean> = {};
  for (const [name, code, message] of FLAGS) {
    const value = queryParam(req.query, name) ?? 'false';
    if (value !== 'true' && value !== 'false') v.add({ code, message });
    flags[name] = value === 'true';
  }
  if (v.ok) {
    const narrowed = docNumber !== undefined || range !== undefined;
    if (flags.onlyOpenItems === narrowed) v.add(accountErrors.inconsistent);
  }
  return {
    docNumber: docNumber ?? undefined,
    from: range?.from,
    to: range?.to,
    onlyOpenItems: flags.onlyOpenItems!,
    withoutPayments: flags.removePOA!,
    paymentInformation: flags.customerPaymentInformation!,
    includeLocks: flags.includeLocks!,
  };
}

export interface PaymentsQuery {
  from?: string | undefined;
  to?: string | undefined;
  paymentLot?: string | undefined;
  paymentLotItem?: string | undefined;
}

export function paymentsQuery(req: ApiRequest, v: MtdValidation): PaymentsQuery {
  const lot = queryParam(req.query, 'paymentLot');
  const item = queryParam(req.query, 'paymentLotItem');
  if (lot === undefined && item !== undefined) v.add(accountErrors.missingPaymentLot);
  if (lot !== undefined && item === undefined) v.add(accountErrors.missingPaymentLotItem);
  if (!v.ok) return {};
  const range = dateRange(req, v);
  if (lot !== undefined && (typeof lot !== 'string' || !/^[0-9A-Za-z]{1,12}$/.test(lot))) v.add(accountErrors.paymentLot);
  if (item !== undefined && (typeof item !== 'string' || !/^[0-9A-Za-z]{1,6}$/.test(item))) v.add(accountErrors.paymentLotItem);
  if (v.ok && lot !== undefined && range !== undefined) v.add(accountErrors.inconsistentPayments);
  return { from: range?.from, to: range?.to, paymentLot: lot ?? undefined, paymentLotItem: item ?? undefined };
}
