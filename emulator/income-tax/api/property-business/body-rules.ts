import type { MtdErrorDetail } from '../../../mtd/mtd-errors.js';

/**
 * The rules HMRC checks on a Property Business body once every field is well formed (`common/errors.yaml`), each
 * with the paths it concerns:
 * - consolidatedExpenses beside itemised expenses (residential finance costs may go with either) →
 *   RULE_BOTH_EXPENSES_SUPPLIED;
 * - toDate before fromDate → RULE_TO_DATE_BEFORE_FROM_DATE;
 * - one country code (or property ID) twice → RULE_DUPLICATE_COUNTRY_CODE (RULE_DUPLICATE_PROPERTY_ID);
 * - propertyIncomeAllowance beside another allowance → RULE_BOTH_ALLOWANCES_SUPPLIED, beside a privateUseAdjustment
 *   → RULE_PROPERTY_INCOME_ALLOWANCE;
 * - a building with neither name nor number → RULE_BUILDING_NAME_NUMBER.
 */
type Json = Record<string, unknown>;
const WITH_EITHER = ['consolidatedExpenses', 'residentialFinancialCost', 'residentialFinancialCostsCarriedForward', 'broughtFwdResidentialFinancialCost', 'rentARoom'];

/** Every object under `key` anywhere in the body, with its JSON pointer. */
function sections(value: unknown, key: string, path = ''): Array<[string, Json]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => sections(v, key, `${path}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Json).flatMap(([k, v]) => [...(k === key && v && typeof v === 'object' && !Array.isArray(v) ? [[`${path}/${k}`, v as Json] as [string, Json]] : []), ...sections(v, key, `${path}/${k}`)]);
}

export function periodRules(body: Json): MtdErrorDetail[] {
  const errors: MtdErrorDetail[] = [];
  const both = sections(body, 'expenses').filter(([, e]) => e.consolidatedExpenses !== undefined && Object.keys(e).some((k) => !WITH_EITHER.includes(k)));
  if (both.length) errors.push({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidatedExpenses can not be present at the same time', paths: both.map(([p]) => p) });
  if (typeof body.fromDate === 'string' && typeof body.toDate === 'string' && body.toDate < body.fromDate) {
    errors.push({ code: 'RULE_TO_DATE_BEFORE_FROM_DATE', message: 'The To date cannot be earlier than the From date', paths: ['/toDate'] });
  }
  errors.push(...duplicates(body));
  return errors;
}

export function annualRules(body: Json): MtdErrorDetail[] {
  const errors: MtdErrorDetail[] = [];
  const both: string[] = [];
  const withPrivateUse: string[] = [];
  const buildings: string[] = [];
  const owners: Array<[string, Json]> = [
    ...['ukFhlProperty', 'ukProperty', 'foreignFhlEea'].filter((k) => body[k]).map((k): [string, Json] => [`/${k}`, body[k] as Json]),
    ...(Array.isArray(body.foreignProperty) ? (body.foreignProperty as Json[]).map((v, i): [string, Json] => [`/foreignProperty/${i}`, v]) : []),
  ];
  for (const [path, owner] of owners) {
    const allowances = (owner.allowances ?? {}) as Json;
    const adjustments = (owner.adjustments ?? {}) as Json;
    if (allowances.propertyIncomeAllowance === undefined) continue;
    if (Object.keys(allowances).length > 1) both.push(`${path}/allowances`);
    if (adjustments.privateUseAdjustment !== undefined) withPrivateUse.push(`${path}/adjustments/privateUseAdjustment`);
  }
  for (const key of ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance']) {
    for (const [path, allowances] of sections(body, 'allowances')) {
      const list = allowances[key];
      if (!Array.isArray(list)) continue;
      list.forEach((sba: Json, i) => {
        const b = (sba.building ?? {}) as Json;
        if (b.name === undefined && b.number === undefined) buildings.push(`${path}/${key}/${i}/building`);
      });
    }
  }
  if (both.length) errors.push({ code: 'RULE_BOTH_ALLOWANCES_SUPPLIED', message: 'Both allowances and property allowances must not be present at the same time', paths: both });
  if (withPrivateUse.length) errors.push({ code: 'RULE_PROPERTY_INCOME_ALLOWANCE', message: 'The propertyIncomeAllowance cannot be submitted if privateUseAdjustment is supplied', paths: withPrivateUse });
  if (buildings.length) errors.push({ code: 'RULE_BUILDING_NAME_NUMBER', message: 'Postcode must be supplied along with at least one of name or number', paths: buildings });
  errors.push(...duplicates(body));
  return errors;
}

function duplicates(body: Json): MtdErrorDetail[] {
  const errors: MtdErrorDetail[] = [];
  for (const list of ['foreignProperty', 'foreignNonFhlProperty']) {
    const items = body[list];
    if (!Array.isArray(items)) continue;
    for (const key of ['countryCode', 'propertyId']) {
      const seen = new Map<unknown, number[]>();
      items.forEach((item: Json, i) => item?.[key] !== undefined && seen.set(item[key], [...(seen.get(item[key]) ?? []), i]));
      const paths = [...seen.values()].filter((is) => is.length > 1).flatMap((is) => is.map((i) => `/${list}/${i}/${key}`));
      if (!paths.length) continue;
      errors.push(
        key === 'countryCode'
          ? { code: 'RULE_DUPLICATE_COUNTRY_CODE', message: 'You cannot supply the same country code for multiple properties', paths }
          : { code: 'RULE_DUPLICATE_PROPERTY_ID', message: 'A property ID is duplicated for multiple properties', paths },
      );
    }
  }
  return errors;
}
