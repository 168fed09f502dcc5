import type { PlatformCode } from '../../../errors/platform-codes.js';
import { mtdError, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { isValidDate, type MtdValidation } from '../../../mtd/mtd-validation.js';
import { isCountryCode } from './country-codes.js';

/**
 * The Property Business API's request bodies are deep trees of amounts (UK and foreign property, income, expenses,
 * adjustments, allowances, per country), so they are declared as data (property-shapes.ts) and read by one walker,
 * with HMRC's errors (`common/errors.yaml`), each with the JSON pointer of the field:
 * - a section that is not an object or array, empty, missing a required field, or a field of the wrong JSON type →
 *   RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED;
 * - an amount outside its range or with more than 2 decimal places → FORMAT_VALUE "The value must be between …";
 * - a date that is not `YYYY-MM-DD` → the field's own code (FORMAT_FROM_DATE, FORMAT_DATE, …);
 * - a string outside its pattern → the field's code (FORMAT_STRING, FORMAT_PROPERTY_NAME, …);
 * - a country code that is not three capitals → FORMAT_COUNTRY_CODE; not ISO 3166-1 alpha-3 → RULE_COUNTRY_CODE.
 * Unknown fields are dropped, as HMRC's JSON readers ignore them; what is returned is the body as stored.
 */
export type Shape =
  | { t: 'amount'; min: number; max: number }
  | { t: 'boolean' }
  | { t: 'date'; code: PlatformCode; message: string }
  | { t: 'text'; pattern: RegExp; code: PlatformCode; message: string }
  | { t: 'country' }
  | { t: 'object'; fields: Record<string, Shape>; required?: readonly string[] }
  | { t: 'array'; item: Shape };

export type ObjectShape = Extract<Shape, { t: 'object' }>;

export const MAX = 99_999_999_999.99;
export const amount = (min = 0, max = MAX): Shape => ({ t: 'amount', min, max });
/** An expense: may be negative (HMRC: "The value must be between -99999999999.99 and 99999999999.99"). */
export const signed = (): Shape => amount(-MAX, MAX);
export const bool = (): Shape => ({ t: 'boolean' });
export const object = (fields: Record<string, Shape>, required: readonly string[] = []): ObjectShape => ({ t: 'object', fields, required });
export const array = (item: Shape): Shape => ({ t: 'array', item });
export const date = (code: PlatformCode = 'FORMAT_DATE', message = 'The supplied date format is not valid'): Shape => ({ t: 'date', code, message });

/** Every field of `names` as the same shape. */
export function fieldsOf(names: readonly string[], shape: () => Shape): Record<string, Shape> {
  return Object.fromEntries(names.map((n) => [n, shape()]));
}

const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const bound = (n: number): string => (Math.abs(n) === MAX ? n.toFixed(2) : String(n));

/** Reads `value` against `shape`, adding problems to `v`; returns what is kept, or undefined when nothing valid is. */
export function readShape(shape: Shape, value: unknown, path: string, v: MtdValidation): unknown {
  const wrong = (): undefined => {
    v.add(mtdError.incorrectOrEmptyBody(path ? [path] : undefined));
    return undefined;
  };
  switch (shape.t) {
    case 'amount':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
      if (value < shape.min || value > shape.max || !twoDecimals(value)) {
        v.add(formatValue(`The value must be between ${bound(shape.min)} and ${bound(shape.max)}`, path));
        return undefined;
      }
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong();
    case 'date':
      if (isValidDate(value)) return value;
      v.add({ code: shape.code, message: shape.message, paths: [path] });
      return undefined;
    case 'text':
      if (typeof value === 'string' && shape.pattern.test(value)) return value;
      v.add({ code: shape.code, message: shape.message, paths: [path] });
      return undefined;
    case 'country':
      if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) v.add({ code: 'FORMAT_COUNTRY_CODE', message: 'The provided Country code is invalid', paths: [path] });
      else if (!isCountryCode(value)) v.add({ code: 'RULE_COUNTRY_CODE', message: 'The country code is not a permitted ISO 3166-1 alpha-3 country code', paths: [path] });
      else return value;
      return undefined;
    case 'array': {
      if (!Array.isArray(value) || !value.length) return wrong();
      const items = value.map((item, i) => readShape(shape.item, item, `${path}/${i}`, v));
      return items;
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return wrong();
      const input = value as Record<string, unknown>;
      if (!Object.keys(shape.fields).some((f) => input[f] !== undefined)) return wrong();
      const out: Record<string, unknown> = {};
      for (const name of shape.required ?? []) if (input[name] === undefined) v.add(mtdError.incorrectOrEmptyBody([`${path}/${name}`]));
      for (const [name, field] of Object.entries(shape.fields)) {
        if (input[name] === undefined) continue;
        const kept = readShape(field, input[name], `${path}/${name}`, v);
        if (kept !== undefined) out[name] = kept;
      }
      return out;
    }
  }
}

export const formatValue = (message: string, path: string): MtdErrorDetail => ({ code: 'FORMAT_VALUE', message, paths: [path] });
