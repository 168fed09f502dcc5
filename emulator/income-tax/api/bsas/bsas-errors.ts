import type { PlatformCode } from '../../../errors/platform-codes.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';

/** BSAS 7.0 errors its scenarios simulate and its stateful rules raise (HMRC's `common/errors.yaml`). */
const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
export const bsasErrors = {
  NOT_FOUND: () => mtdFailures.matchingResourceNotFound(),
  REQUEST_CANNOT_BE_FULFILLED: () => mtd(422, 'RULE_REQUEST_CANNOT_BE_FULFILLED', 'Custom (will vary in production depending on the actual error)'),
  TAX_YEAR_NOT_SUPPORTED: rule('RULE_TAX_YEAR_NOT_SUPPORTED', 'The tax year specified does not lie within the supported range'),
  NO_ACCOUNTING_PERIOD: rule('RULE_NO_ACCOUNTING_PERIOD', 'The supplied accounting period does not exist'),
  OBLIGATIONS_NOT_MET: rule('RULE_OBLIGATIONS_NOT_MET', 'The obligations for the business have not been met'),
  ACCOUNTING_PERIOD_NOT_ENDED: rule('RULE_ACCOUNTING_PERIOD_NOT_ENDED', 'The supplied accounting period has not ended'),
  OUTSIDE_AMENDMENT_WINDOW: rule('RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  TYPE_OF_BUSINESS_INCORRECT: rule('RULE_TYPE_OF_BUSINESS_INCORRECT', 'The calculation ID supplied relates to a different type of business'),
  SUMMARY_STATUS_INVALID: rule('RULE_SUMMARY_STATUS_INVALID', 'Periodic data has changed. Request a new summary'),
  SUMMARY_STATUS_SUPERSEDED: rule('RULE_SUMMARY_STATUS_SUPERSEDED', 'A newer summary calculation exists for this accounting period'),
  ALREADY_ADJUSTED: rule('RULE_ALREADY_ADJUSTED', 'A summary may only be adjusted once. Request a new summary'),
  RESULTING_VALUE_NOT_PERMITTED: rule('RULE_RESULTING_VALUE_NOT_PERMITTED', 'The adjustments provided would produce an unacceptable negative monetary value'),
  OVER_CONSOLIDATED_EXPENSES_THRESHOLD: rule('RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD', 'The cumulative turnover amount exceeds the consolidated expenses threshold'),
  PROPERTY_INCOME_ALLOWANCE_CLAIMED: rule('RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED', 'A claim for property income allowance was made. Cannot also have expenses'),
  PROPERTY_ID_MISMATCH: rule('RULE_PROPERTY_ID_MISMATCH', 'The supplied property ID is not valid for this income source'),
  TRADING_INCOME_ALLOWANCE_CLAIMED: rule('RULE_TRADING_INCOME_ALLOWANCE_CLAIMED', 'A claim for trading income allowance was made. Cannot also have expenses'),
};
