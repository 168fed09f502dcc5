import type { ApiRequest } from '../../../gateway/api.js';
import { jsonObjectBody, objectSection } from '../../../mtd/mtd-body.js';
import { mtdError } from '../../../mtd/mtd-errors.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The body of Create or Amend Coding Out Underpayments and Debt Amounts (Self Assessment Accounts 4.0):
 * `{"taxCodeComponents": {payeUnderpayment?, selfAssessmentUnderpayment?, debt?: [{id, amount}], inYearAdjustment?: {id, amount}}}`.
 * Rules (HMRC `Def1_CreateOrAmendCodingOutValidator`, with paths): amounts 0 to 99999999999.99 to 2 decimal places
 * (FORMAT_VALUE), IDs whole numbers 1 to 999999999999999 (FORMAT_ID); anything else that does not fit the schema —
 * a missing `id` or `amount`, a non-number, an unknown field, an empty list or object — is
 * RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED. IDs used twice in one list are returned as `duplicates` (paths), for the
 * stateful RULE_DUPLICATE_ID_NOT_ALLOWED.
 */
export interface TaxCodeComponent {
  id: number;
  amount: number;
}
export interface TaxCodeComponents {
  payeUnderpayment?: TaxCodeComponent[];
  selfAssessmentUnderpayment?: TaxCodeComponent[];
  debt?: TaxCodeComponent[];
  inYearAdjustment?: TaxCodeComponent;
}

const LISTS = ['payeUnderpayment', 'selfAssessmentUnderpayment', 'debt'] as const;
const MAX_AMOUNT = 99_999_999_999.99;
const MAX_ID = 999_999_999_999_999;
const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export function parseCodingOut(req: ApiRequest): { components: TaxCodeComponents; duplicates: string[] } {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const empty = (path: string) => v.add(mtdError.incorrectOrEmptyBody([path]));
  const extra = Object.keys(body).filter((k) => k !== 'taxCodeComponents');
  if (extra.length) extra.forEach((k) => empty(`/${k}`));
  const section = objectSection(body, 'taxCodeComponents', v);
  if (!section && v.ok) empty('/taxCodeComponents');
  const components: TaxCodeComponents = {};
  const duplicates: string[] = [];
  const component = (value: unknown, at: string): TaxCodeComponent | undefined => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return void empty(at);
    const { id, amount, ...rest } = value as Record<string, unknown>;
    Object.keys(rest).forEach((k) => empty(`${at}/${k}`));
    if (typeof id !== 'number' || !Number.isFinite(id)) empty(`${at}/id`);
    else if (!Number.isInteger(id) || id < 1 || id > MAX_ID) v.add({ code: 'FORMAT_ID', message: 'The format of the supplied ID is invalid.', paths: [`${at}/id`] });
    if (typeof amount !== 'number' || !Number.isFinite(amount)) empty(`${at}/amount`);
    else if (amount < 0 || amount > MAX_AMOUNT || !twoDecimals(amount)) v.add({ code: 'FORMAT_VALUE', message: 'One or more values have been added with the incorrect format.', paths: [`${at}/amount`] });
    return typeof id === 'number' && typeof amount === 'number' ? { id, amount } : undefined;
  };
  if (section) {
    Object.keys(section).filter((k) => !(LISTS as readonly string[]).includes(k) && k !== 'inYearAdjustment').forEach((k) => empty(`/taxCodeComponents/${k}`));
    for (const list of LISTS) {
      const value = section[list];
      if (value === undefined) continue;
      const at = `/taxCodeComponents/${list}`;
      if (!Array.isArray(value) || !value.length) {
        empty(at);
        continue;
      }
      const items = value.map((x, i) => component(x, `${at}/${i}`));
      components[list] = items.filter((x): x is TaxCodeComponent => Boolean(x));
      items.forEach((x, i) => {
        if (x && items.findIndex((y) => y?.id === x.id) !== i) duplicates.push(`${at}/${i}/id`);
      });
    }
    if (section.inYearAdjustment !== undefined) components.inYearAdjustment = component(section.inYearAdjustment, '/taxCodeComponents/inYearAdjustment');
  }
  v.throwIfAny();
  return { components, duplicates };
}
