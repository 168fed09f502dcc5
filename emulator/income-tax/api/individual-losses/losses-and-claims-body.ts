import type { ApiRequest } from '../../../gateway/api.js';
import type { LossesAndClaims } from '../../model.js';
import { jsonObjectBody, objectSection } from '../../../mtd/mtd-body.js';
import { mtdError, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The body of Create or Amend Losses and Claims (Individual Losses 7.0): `claims` (`carryBack`, `carrySideways`,
 * `preferenceOrder`, `carryForward`) and `losses` (`broughtForwardLosses`). Rules from HMRC's `common/errors.yaml`,
 * with paths:
 * - amounts 0 to 99999999999.99, 2 decimal places → FORMAT_VALUE; a non-number, a section that is not a non-empty
 *   object, or a body with neither section → RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED;
 * - `applyFirst` `carry-sideways` or `carry-back` → FORMAT_PREFERENCE_ORDER;
 * - previousYearGeneralIncome and currentYearGeneralIncome together need a preference order
 *   (RULE_MISSING_PREFERENCE_ORDER), and a preference order needs both (RULE_PREFERENCE_ORDER_NOT_ALLOWED);
 * - carry-forward claims with a terminal loss claim → RULE_CARRY_FORWARD_AND_TERMINAL_LOSS_NOT_ALLOWED.
 * Unknown fields are dropped.
 */
const AMOUNTS: Record<string, string[]> = {
  carryBack: ['previousYearGeneralIncome', 'earlyYearLosses', 'terminalLosses'],
  carrySideways: ['currentYearGeneralIncome'],
  carryForward: ['currentYearLosses', 'previousYearsLosses'],
};
const PREFERENCES = ['carry-sideways', 'carry-back'];
const MAX = 99_999_999_999.99;
const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export function parseLossesAndClaims(req: ApiRequest): LossesAndClaims['body'] {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const amounts = (section: Record<string, unknown>, fields: string[], at: string): Record<string, number> => {
    const kept: Record<string, number> = {};
    for (const f of fields) {
      const value = section[f];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) v.add(mtdError.incorrectOrEmptyBody([`${at}/${f}`]));
      else if (value < 0 || value > MAX || !twoDecimals(value)) v.add({ code: 'FORMAT_VALUE', message: 'The value must be between 0 and 99999999999.99', paths: [`${at}/${f}`] });
      else kept[f] = value;
    }
    return kept;
  };
  const out: LossesAndClaims['body'] = {};
  const claims = objectSection(body, 'claims', v);
  if (claims) {
    const kept: Record<string, Record<string, unknown>> = {};
    for (const [name, fields] of Object.entries(AMOUNTS)) {
      const section = objectSection(claims, name, v);
      if (section) kept[name] = amounts(section, fields, `/claims/${name}`);
    }
    const preference = objectSection(claims, 'preferenceOrder', v);
    if (preference) {
      if (!PREFERENCES.includes(preference.applyFirst as string)) v.add({ code: 'FORMAT_PREFERENCE_ORDER', message: 'The provided preference order is invalid', paths: ['/claims/preferenceOrder/applyFirst'] });
      kept.preferenceOrder = { applyFirst: preference.applyFirst };
    }
    out.claims = kept;
  }
  const losses = objectSection(body, 'losses', v);
  if (losses) out.losses = amounts(losses, ['broughtForwardLosses'], '/losses');
  if (v.ok && !out.claims && !out.losses) v.add(mtdError.incorrectOrEmptyBody());
  v.throwIfAny();
  for (const rule of rules(out)) v.add(rule);
  v.throwIfAny();
  return out;
}

function rules(body: LossesAndClaims['body']): MtdErrorDetail[] {
  const c = body.claims ?? {};
  const both = c.carryBack?.previousYearGeneralIncome !== undefined && c.carrySideways?.currentYearGeneralIncome !== undefined;
  const found: MtdErrorDetail[] = [];
  if (both && !c.preferenceOrder) {
    found.push({ code: 'RULE_MISSING_PREFERENCE_ORDER', message: 'Preference order is required when both previousYearGeneralIncome and currentYearGeneralIncome are submitted', paths: ['/claims'] });
  }
  if (!both && c.preferenceOrder) {
    found.push({ code: 'RULE_PREFERENCE_ORDER_NOT_ALLOWED', message: 'Preference order must not be provided unless both previousYearGeneralIncome and currentYearGeneralIncome are submitted', paths: ['/claims/preferenceOrder'] });
  }
  if (c.carryForward && c.carryBack?.terminalLosses !== undefined) {
    found.push({ code: 'RULE_CARRY_FORWARD_AND_TERMINAL_LOSS_NOT_ALLOWED', message: 'Carry forward loss claims cannot be submitted with terminal loss claims', paths: ['/claims/carryForward', '/claims/carryBack/terminalLosses'] });
  }
  return found;
}
