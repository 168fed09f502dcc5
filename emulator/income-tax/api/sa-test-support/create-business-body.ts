import { isUkPostcode } from '../../../accounts/postcode.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest } from '../../../gateway/api.js';
import type { BusinessDetails, TypeOfBusiness } from '../../model.js';
import { TYPES_OF_BUSINESS } from '../../model.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { isoDate } from '../../tax-year.js';
import { isValidDate, MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The body of Self Assessment Test Support 1.0 Create a Test Business, checked as HMRC's
 * `business_create.yaml` and `common/errors.yaml` describe: field formats first (FORMAT_TYPE_OF_BUSINESS,
 * FORMAT_DATE, FORMAT_TAX_YEAR, RULE_TAX_YEAR_RANGE_INVALID, FORMAT_LATENCY_INDICATOR, FORMAT_ACCOUNTING_TYPE,
 * FORMAT_POSTCODE, FORMAT_COUNTRY_CODE), then the rules (MISSING_POSTCODE, RULE_COMMENCEMENT_DATE_NOT_SUPPORTED,
 * MISSING_FIRST_ACCOUNTING_PERIOD_START/END_DATE, RULE_FIRST_ACCOUNTING_DATE_RANGE_INVALID,
 * RULE_UNEXPECTED/MISSING_BUSINESS_ADDRESS, RULE_UNEXPECTED/MISSING_TRADING_NAME). Several at once are
 * INVALID_REQUEST. Property-business uniqueness is checked against state by the API. Postcodes: HMRC's pattern,
 * shared with the other APIs (accounts/postcode.ts).
 */
const TAX_YEAR = /^20[0-9]{2}-[0-9]{2}$/;
const ADDRESS_FIELDS = ['businessAddressLineOne', 'businessAddressLineTwo', 'businessAddressLineThree', 'businessAddressLineFour', 'businessAddressPostcode', 'businessAddressCountryCode'] as const;
const STRING_FIELDS = ['tradingName', 'businessAddressLineOne', 'businessAddressLineTwo', 'businessAddressLineThree', 'businessAddressLineFour'] as const;

const e = (code: PlatformCode, message: string, path?: string): MtdErrorDetail => ({ code, message, ...(path ? { paths: [path] } : {}) });

export interface CreateBusinessRequest {
  details: Omit<BusinessDetails, 'businessId'>;
  accountingType?: string | undefined;
}

export function parseCreateBusiness(req: ApiRequest, now: number): CreateBusinessRequest {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const str = (name: string): string | undefined => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  const wrongType = (name: string): void => v.add(e('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', 'An empty or non-matching body was submitted', `/${name}`));

  const type = body.typeOfBusiness;
  if (!TYPES_OF_BUSINESS.includes(type as TypeOfBusiness)) v.add(e('FORMAT_TYPE_OF_BUSINESS', 'The provided typeOfBusiness field is invalid', '/typeOfBusiness'));
  // Strings Business Details could not return within HMRC's retrieve schema (tradingName up to 105 characters,
  // address lines up to 35) are refused as non-matching: HMRC documents no error of its own for them.
  for (const name of STRING_FIELDS) {
    const value = body[name];
    if (value !== undefined && (typeof value !== 'string' || !value.length || value.length > (name === 'tradingName' ? 105 : 35))) wrongType(name);
  }
  for (const name of ['firstAccountingPeriodStartDate', 'firstAccountingPeriodEndDate', 'commencementDate', 'cessationDate']) {
    if (body[name] !== undefined && !isValidDate(body[name])) v.add(e('FORMAT_DATE', 'The supplied date format is not valid', `/${name}`));
  }
  const latency = body.latencyDetails as Record<string, unknown> | undefined;
  if (latency !== undefined) {
    if (!latency || typeof latency !== 'object' || Array.isArray(latency)) wrongType('latencyDetails');
    else {
      if (!isValidDate(latency.latencyEndDate)) v.add(e('FORMAT_DATE', 'The supplied date format is not valid', '/latencyDetails/latencyEndDate'));
      for (const n of ['1', '2']) {
        const ty = latency[`taxYear${n}`];
        if (typeof ty !== 'string' || !TAX_YEAR.test(ty)) v.add(e('FORMAT_TAX_YEAR', 'The provided tax year is invalid', `/latencyDetails/taxYear${n}`));
        else if (Number(ty.slice(5)) !== (Number(ty.slice(0, 4)) + 1) % 100) v.add(e('RULE_TAX_YEAR_RANGE_INVALID', 'The tax year range is invalid', `/latencyDetails/taxYear${n}`));
        if (latency[`latencyIndicator${n}`] !== 'A' && latency[`latencyIndicator${n}`] !== 'Q') {
          v.add(e('FORMAT_LATENCY_INDICATOR', 'The format of a latency indicator field is incorrect', `/latencyDetails/latencyIndicator${n}`));
        }
      }
    }
  }
  const choice = body.quarterlyTypeChoice as Record<string, unknown> | undefined;
  if (choice !== undefined) {
    const ok =
      choice && typeof choice === 'object' && (choice.quarterlyPeriodType === 'standard' || choice.quarterlyPeriodType === 'calendar') && typeof choice.taxYearOfChoice === 'string';
    if (!ok) wrongType('quarterlyTypeChoice');
    else if (!TAX_YEAR.test(choice.taxYearOfChoice as string)) v.add(e('FORMAT_TAX_YEAR', 'The provided tax year is invalid', '/quarterlyTypeChoice/taxYearOfChoice'));
  }
  if (body.accountingType !== undefined && body.accountingType !== 'CASH' && body.accountingType !== 'ACCRUALS') {
    v.add(e('FORMAT_ACCOUNTING_TYPE', 'The provided accountingType field is invalid', '/accountingType'));
  }
  const postcode = body.businessAddressPostcode;
  if (postcode !== undefined && (typeof postcode !== 'string' || !isUkPostcode(postcode))) {
    v.add(e('FORMAT_POSTCODE', 'The provided businessAddressPostcode is invalid', '/businessAddressPostcode'));
  }
  const country = body.businessAddressCountryCode;
  if (country !== undefined && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))) {
    v.add(e('FORMAT_COUNTRY_CODE', 'The provided country code is invalid', '/businessAddressCountryCode'));
  }
  v.throwIfAny();

  const start = str('firstAccountingPeriodStartDate');
  const end = str('firstAccountingPeriodEndDate');
  if (country === 'GB' && postcode === undefined) v.add(e('MISSING_POSTCODE', 'Missing postcode', '/businessAddressPostcode'));
  const commencement = str('commencementDate');
  if (commencement && commencement >= isoDate(now)) v.add(e('RULE_COMMENCEMENT_DATE_NOT_SUPPORTED', 'The specified commencementDate must be in the past', '/commencementDate'));
  if (end && !start) v.add(e('MISSING_FIRST_ACCOUNTING_PERIOD_START_DATE', 'Missing firstAccountingPeriodStartDate value', '/firstAccountingPeriodStartDate'));
  if (start && !end) v.add(e('MISSING_FIRST_ACCOUNTING_PERIOD_END_DATE', 'Missing firstAccountingPeriodEndDate value', '/firstAccountingPeriodEndDate'));
  if (start && end && !(start.endsWith('-04-06') && end === `${Number(start.slice(0, 4)) + 1}-04-05`)) {
    v.add(e('RULE_FIRST_ACCOUNTING_DATE_RANGE_INVALID', 'The first accounting period is not a single complete tax year'));
  }
  const hasAddress = ADDRESS_FIELDS.some((f) => body[f] !== undefined);
  if (type === 'self-employment') {
    if (!str('businessAddressLineOne') || !str('businessAddressCountryCode')) v.add(e('RULE_MISSING_BUSINESS_ADDRESS', 'businessAddress not provided for the self-employment business'));
    if (!str('tradingName')) v.add(e('RULE_MISSING_TRADING_NAME', 'tradingName not provided for the self-employment business'));
  } else {
    if (hasAddress) v.add(e('RULE_UNEXPECTED_BUSINESS_ADDRESS', 'Unexpected businessAddress provided for property business'));
    if (body.tradingName !== undefined) v.add(e('RULE_UNEXPECTED_TRADING_NAME', 'Unexpected tradingName provided for property business'));
  }
  v.throwIfAny();

  const details: Omit<BusinessDetails, 'businessId'> = { typeOfBusiness: type as TypeOfBusiness };
  const copy = <K extends keyof BusinessDetails>(k: K): void => {
    if (body[k] !== undefined) (details as Record<string, unknown>)[k] = structuredClone(body[k]);
  };
  (['tradingName', 'firstAccountingPeriodStartDate', 'firstAccountingPeriodEndDate', 'commencementDate', 'cessationDate', ...ADDRESS_FIELDS] as const).forEach(copy);
  if (latency) {
    const { latencyEndDate, taxYear1, latencyIndicator1, taxYear2, latencyIndicator2 } = latency as NonNullable<BusinessDetails['latencyDetails']>;
    details.latencyDetails = { latencyEndDate, taxYear1, latencyIndicator1, taxYear2, latencyIndicator2 };
  }
  if (choice) {
    const { quarterlyPeriodType, taxYearOfChoice } = choice as NonNullable<BusinessDetails['quarterlyTypeChoice']>;
    details.quarterlyTypeChoice = { quarterlyPeriodType, taxYearOfChoice };
  }
  if (start && end) details.accountingPeriods = [{ start, end }];
  return { details, accountingType: body.accountingType as string | undefined };
}
