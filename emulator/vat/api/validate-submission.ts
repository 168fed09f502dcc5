import { type PlatformError, platformErrors } from '../../errors/platform-error.js';
import type { ApiRequest } from '../../gateway/api.js';
import { bodyErrors, invalidRequest, vatErrors, type VatErrorDetail } from './vat-errors.js';
import type { VatReturn } from './vat-records.js';

/**
 * Submit VAT return body rules (vat-api `SubmitReturnValidator`, checked in this order, stopping at the first
 * group that fails):
 *
 * 1. A JSON body (else 415 INVALID_BODY_TYPE "Expecting text/json or application/json body"), an object.
 * 2. Every field present (MANDATORY_FIELD_MISSING), numbers numeric (INVALID_NUMERIC_VALUE), periodKey a string
 *    (INVALID_STRING_VALUE) of 4 characters (PERIOD_KEY_INVALID), finalised a boolean; boxes 1–4 monetary to 2
 *    decimal places within ±9,999,999,999,999.99, box 5 (netVatDue) 0 to 99,999,999,999.99, boxes 6–9 whole
 *    pounds within ±9,999,999,999,999 (INVALID_MONETARY_AMOUNT).
 * 3. totalVatDue = vatDueSales + vatDueAcquisitions (VAT_TOTAL_VALUE); netVatDue = |totalVatDue −
 *    vatReclaimedCurrPeriod| (VAT_NET_VALUE).
 * 4. finalised is true, else 403 NOT_FINALISED.
 */
const DECIMAL_BOXES = ['vatDueSales', 'vatDueAcquisitions', 'totalVatDue', 'vatReclaimedCurrPeriod'] as const;
const WHOLE_BOXES = ['totalValueSalesExVAT', 'totalValuePurchasesExVAT', 'totalValueGoodsSuppliedExVAT', 'totalAcquisitionsExVAT'] as const;
const FIELDS = ['periodKey', ...DECIMAL_BOXES, 'netVatDue', ...WHOLE_BOXES, 'finalised'] as const;

const MAX_DECIMAL = 9999999999999.99;
const MAX_NET = 99999999999.99;
const MAX_WHOLE = 9999999999999;

/** A detail HMRC always sends inside the INVALID_REQUEST envelope, even alone. */
type Detail = VatErrorDetail & { wrapped?: boolean };

const twoDecimals = (v: number): boolean => /^-?\d+(?:\.\d{1,2})?$/.test(String(v));
const pence = (v: number): number => Math.round(v * 100);

export function validateSubmission(req: ApiRequest): VatReturn {
  const body = req.body;
  if (body === undefined) throw platformErrors.invalidBodyType();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequest([{ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted' }]);
  }
  const b = body as Record<string, unknown>;

  const missing: Detail[] = [];
  const amounts: Detail[] = [];
  const types: Detail[] = [];
  for (const field of FIELDS) {
    const value = b[field];
    const path = `/${field}`;
    if (value === undefined || value === null) {
      missing.push({ code: 'MANDATORY_FIELD_MISSING', message: 'a mandatory field is missing', path });
    } else if (field === 'periodKey') {
      if (typeof value !== 'string') types.push({ code: 'INVALID_STRING_VALUE', message: 'please provide a string field', path, wrapped: true });
      else if (value.length !== 4) types.push({ code: 'PERIOD_KEY_INVALID', message: 'period key should be a 4 character string', path, wrapped: true });
    } else if (field === 'finalised') {
      if (typeof value !== 'boolean') types.push({ code: 'UNMAPPED_PLAY_ERROR', message: 'error.expected.jsboolean', path, wrapped: true });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      types.push({ code: 'INVALID_NUMERIC_VALUE', message: 'please provide a numeric field', path });
    } else if (field === 'netVatDue') {
      if (!twoDecimals(value) || value < 0 || value > MAX_NET)
        amounts.push({ code: 'INVALID_MONETARY_AMOUNT', message: 'amount should be a monetary value (to 2 decimal places), between 0 and 99,999,999,999.99', path });
    } else if ((DECIMAL_BOXES as readonly string[]).includes(field)) {
      if (!twoDecimals(value) || Math.abs(value) > MAX_DECIMAL)
        amounts.push({
          code: 'INVALID_MONETARY_AMOUNT',
          message: 'amount should be a monetary value (to 2 decimal places), between -9,999,999,999,999.99 and 9,999,999,999,999.99',
          path,
        });
    } else if (!Number.isInteger(value) || Math.abs(value) > MAX_WHOLE) {
      amounts.push({ code: 'INVALID_MONETARY_AMOUNT', message: 'The value must be between -9999999999999 and 9999999999999', path });
    }
  }
  throwIfAny([...missing, ...amounts, ...types]);

  const r = b as unknown as VatReturn & { finalised: boolean };
  const rules: Detail[] = [];
  if (pence(r.totalVatDue) !== pence(r.vatDueSales) + pence(r.vatDueAcquisitions))
    rules.push({ code: 'VAT_TOTAL_VALUE', message: 'totalVatDue should be equal to vatDueSales + vatDueAcquisitions', path: '/totalVatDue', wrapped: true });
  if (pence(r.netVatDue) !== Math.abs(pence(r.totalVatDue) - pence(r.vatReclaimedCurrPeriod)))
    rules.push({
      code: 'VAT_NET_VALUE',
      message: 'netVatDue should be the difference between the largest and the smallest values among totalVatDue and vatReclaimedCurrPeriod',
      path: '/netVatDue',
      wrapped: true,
    });
  throwIfAny(rules);
  if (r.finalised !== true) throw vatErrors.notFinalised();

  return {
    periodKey: r.periodKey,
    vatDueSales: r.vatDueSales,
    vatDueAcquisitions: r.vatDueAcquisitions,
    totalVatDue: r.totalVatDue,
    vatReclaimedCurrPeriod: r.vatReclaimedCurrPeriod,
    netVatDue: r.netVatDue,
    totalValueSalesExVAT: r.totalValueSalesExVAT,
    totalValuePurchasesExVAT: r.totalValuePurchasesExVAT,
    totalValueGoodsSuppliedExVAT: r.totalValueGoodsSuppliedExVAT,
    totalAcquisitionsExVAT: r.totalAcquisitionsExVAT,
  };
}

function throwIfAny(details: Detail[]): void {
  if (!details.length) return;
  const plain = details.map(({ wrapped: _w, ...d }) => d);
  const error: PlatformError = details.length === 1 && !details[0]!.wrapped ? bodyErrors(plain) : invalidRequest(plain);
  throw error;
}
