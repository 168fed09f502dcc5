import type { ApiRequest } from '../../../gateway/api.js';
import type { BsasTypeOfBusiness } from '../../model.js';
import { isCountryCode } from '../property-business/country-codes.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { mtdError } from '../../../mtd/mtd-errors.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The bodies of Submit UK Property and Submit Foreign Property Accounting Adjustments (BSAS 7.0), per tax year as
 * HMRC's request schemas have them (`def1` to 2023-24, `def2` 2024-25, `def3` 2025-26, foreign `def4` 2026-27 on):
 * - UK: `ukProperty` or (to 2024-25) `furnishedHolidayLet`, not both (RULE_BOTH_PROPERTIES_SUPPLIED), each with
 *   `income` and `expenses`, or (from 2024-25) `{"zeroAdjustments": true}` alone;
 * - foreign: to 2023-24 `foreignProperty` is an array of countries; 2024-25 and 2025-26 `foreignProperty.countryLevelDetail`;
 *   from 2026-27 `foreignProperty.propertyLevelDetail` (by property ID); `foreignFhlEea` to 2024-25.
 * Every amount -99999999999.99 to 99999999999.99, two decimals, not 0 (FORMAT_VALUE); consolidated expenses not with
 * itemised ones but residential finance costs (RULE_BOTH_EXPENSES_SUPPLIED); country codes ISO 3166-1 alpha-3
 * (FORMAT_COUNTRY_CODE, RULE_COUNTRY_CODE), each once (RULE_DUPLICATE_COUNTRY_CODE); property IDs UUIDs, each once.
 * The result is the `adjustments` object Retrieve answers with, and which summary part (FHL or not) it adjusts.
 */
export interface ParsedAdjustments {
  fhl: boolean;
  adjustments: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const MAX = 99_999_999_999.99;
const EXPENSES = ['consolidatedExpenses', 'premisesRunningCosts', 'repairsAndMaintenance', 'financialCosts', 'professionalFees', 'costOfServices', 'residentialFinancialCost', 'other', 'travelCosts'];
const FHL_EXPENSES = EXPENSES.filter((f) => f !== 'residentialFinancialCost');
const UK_INCOME = ['totalRentsReceived', 'premiumsOfLeaseGrant', 'reversePremiums', 'otherPropertyIncome'];
const FOREIGN_INCOME = ['totalRentsReceived', 'premiumsOfLeaseGrant', 'otherPropertyIncome'];
const FHL_INCOME = ['totalRentsReceived'];
const PROPERTY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** One `income` or `expenses` section: the amounts kept, errors added to `v`. */
function amounts(section: unknown, fields: string[], path: string, v: MtdValidation): Record<string, number> | undefined {
  if (section === undefined) return undefined;
  if (!isObject(section)) {
    v.add(mtdError.incorrectOrEmptyBody([path]));
    return undefined;
  }
  const kept: Record<string, number> = {};
  for (const f of fields) {
    const value = section[f];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) v.add(mtdError.incorrectOrEmptyBody([`${path}/${f}`]));
    else if (value === 0 || Math.abs(value) > MAX || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
      v.add({ code: 'FORMAT_VALUE', message: 'The value must be between -99999999999.99 and 99999999999.99 (but cannot be 0 or 0.00)', paths: [`${path}/${f}`] });
    } else kept[f] = value;
  }
  return Object.keys(kept).length ? kept : undefined;
}

/** `income` and `expenses` of one property (or country, or the FHL part), with the both-expenses rule. */
function incomeAndExpenses(section: Json, income: string[], expenses: string[], path: string, v: MtdValidation): Json {
  const out: Json = {};
  const i = amounts(section.income, income, `${path}/income`, v);
  const e = amounts(section.expenses, expenses, `${path}/expenses`, v);
  if (i) out.income = i;
  if (e) out.expenses = e;
  if (e?.consolidatedExpenses !== undefined && Object.keys(e).some((f) => f !== 'consolidatedExpenses' && f !== 'residentialFinancialCost')) {
    v.add({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidated expenses cannot be present at the same time', paths: [`${path}/expenses`] });
  }
  return out;
}

/** `{"zeroAdjustments": true}` alone, or the section's adjustments (undefined when the section has none). */
function zeroOr(section: Json, path: string, zeroAllowed: boolean, v: MtdValidation, parse: () => Json): Json | undefined {
  if (zeroAllowed && section.zeroAdjustments !== undefined) {
    if (section.zeroAdjustments !== true) v.add({ code: 'RULE_ZERO_ADJUSTMENTS_INVALID', message: 'Zero adjustments can only be set to true', paths: [`${path}/zeroAdjustments`] });
    const others = Object.keys(section).filter((k) => k !== 'zeroAdjustments');
    if (others.length) v.add({ code: 'RULE_BOTH_ADJUSTMENTS_SUPPLIED', message: 'Both adjustments and zero adjustments must not be present at the same time', paths: [path] });
    return { zeroAdjustments: true };
  }
  const parsed = parse();
  return Object.keys(parsed).length ? parsed : undefined;
}

/** The FHL or non-FHL section of the body: exactly one of the two. */
function oneOf(body: Json, names: [string, string], fhlAllowed: boolean, v: MtdValidation): { name: string; fhl: boolean } | undefined {
  const [nonFhl, fhl] = names;
  const present = [nonFhl, ...(fhlAllowed ? [fhl] : [])].filter((n) => body[n] !== undefined);
  if (present.length === 2) {
    v.add({ code: 'RULE_BOTH_PROPERTIES_SUPPLIED', message: 'Both FHL and Non-FHL properties cannot be present at the same time', paths: present.map((n) => `/${n}`) });
    return undefined;
  }
  const name = present[0];
  if (!name) v.add(mtdError.incorrectOrEmptyBody());
  return name ? { name, fhl: name === fhl } : undefined;
}

function finish(v: MtdValidation, fhl: boolean, adjustments: Json | undefined): ParsedAdjustments {
  if (v.ok && !adjustments) v.add(mtdError.incorrectOrEmptyBody());
  v.throwIfAny();
  return { fhl, adjustments: adjustments! };
}

export function parseUkAdjustments(req: ApiRequest, taxYear: number): ParsedAdjustments {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const chosen = oneOf(body, ['ukProperty', 'furnishedHolidayLet'], taxYear < 2025, v);
  v.throwIfAny();
  const { name, fhl } = chosen!;
  const section = body[name];
  if (!isObject(section)) {
    v.add(mtdError.incorrectOrEmptyBody([`/${name}`]));
    v.throwIfAny();
  }
  const path = `/${name}`;
  const adjustments = zeroOr(section as Json, path, taxYear >= 2024, v, () =>
    incomeAndExpenses(section as Json, fhl ? FHL_INCOME : UK_INCOME, fhl ? FHL_EXPENSES : EXPENSES, path, v),
  );
  return finish(v, fhl, adjustments);
}

/** One foreign entry per country (or property): keyed, validated, no key twice. */
function foreignEntries(list: unknown, key: 'countryCode' | 'propertyId', path: string, v: MtdValidation): Json[] {
  if (!Array.isArray(list) || !list.length) {
    v.add(mtdError.incorrectOrEmptyBody([path]));
    return [];
  }
  const seen = new Map<string, string[]>();
  const out: Json[] = [];
  list.forEach((entry, i) => {
    const at = `${path}/${i}`;
    if (!isObject(entry)) return v.add(mtdError.incorrectOrEmptyBody([at]));
    const id = entry[key];
    if (typeof id !== 'string') return v.add(mtdError.incorrectOrEmptyBody([`${at}/${key}`]));
    if (key === 'countryCode' && !/^[A-Z]{3}$/.test(id)) v.add({ code: 'FORMAT_COUNTRY_CODE', message: 'The provided Country code is invalid', paths: [`${at}/countryCode`] });
    else if (key === 'countryCode' && !isCountryCode(id)) v.add({ code: 'RULE_COUNTRY_CODE', message: 'The country code is not a permitted ISO 3166-1 alpha-3 country code', paths: [`${at}/countryCode`] });
    else if (key === 'propertyId' && !PROPERTY_ID.test(id)) v.add({ code: 'FORMAT_PROPERTY_ID', message: 'The provided property ID is invalid', paths: [`${at}/propertyId`] });
    seen.set(id, [...(seen.get(id) ?? []), `${at}/${key}`]);
    const figures = incomeAndExpenses(entry, FOREIGN_INCOME, EXPENSES, at, v);
    if (!Object.keys(figures).length) v.add(mtdError.incorrectOrEmptyBody([at]));
    out.push({ [key]: id, ...figures });
  });
  for (const [id, paths] of seen) {
    if (paths.length < 2) continue;
    if (key === 'countryCode') v.add({ code: 'RULE_DUPLICATE_COUNTRY_CODE', message: 'The same countryCode cannot be supplied multiple times', paths });
    else v.add({ code: 'RULE_DUPLICATE_PROPERTY_ID', message: `The property ID '${id}' is duplicated for multiple properties`, paths });
  }
  return out;
}

export function parseForeignAdjustments(req: ApiRequest, taxYear: number): ParsedAdjustments {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const chosen = oneOf(body, ['foreignProperty', 'foreignFhlEea'], taxYear < 2025, v);
  v.throwIfAny();
  const { name, fhl } = chosen!;
  const section = body[name];
  const path = `/${name}`;
  if (!fhl && taxYear < 2024) {
    // To 2023-24 `foreignProperty` is the array of countries itself.
    const entries = foreignEntries(section, 'countryCode', path, v);
    return finish(v, false, entries.length ? { countryLevelDetail: entries } : undefined);
  }
  if (!isObject(section)) {
    v.add(mtdError.incorrectOrEmptyBody([path]));
    v.throwIfAny();
  }
  const s = section as Json;
  const adjustments = zeroOr(s, path, taxYear >= 2024, v, () => {
    if (fhl) return incomeAndExpenses(s, FHL_INCOME, FHL_EXPENSES, path, v);
    const key = taxYear >= 2026 ? 'propertyId' : 'countryCode';
    const list = key === 'propertyId' ? 'propertyLevelDetail' : 'countryLevelDetail';
    const entries = foreignEntries(s[list], key, `${path}/${list}`, v);
    return entries.length ? { [list]: entries } : {};
  });
  return finish(v, fhl, adjustments);
}

/** The BSAS type an adjustment of this kind is for. */
export const adjustedType = (kind: 'uk' | 'foreign', fhl: boolean): BsasTypeOfBusiness =>
  kind === 'uk' ? (fhl ? 'uk-property-fhl' : 'uk-property') : fhl ? 'foreign-property-fhl-eea' : 'foreign-property';
