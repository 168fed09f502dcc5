import { isValidUtr } from '../accounts/identifiers/utr.js';
import { isUkPostcode, normalisePostcode } from '../accounts/postcode.js';
import type { BusinessDetails } from './create-agent-services-account.js';

/**
 * The answers of "Create an agent services account" (HMRC's agent-subscription-frontend) and their rules, shared by
 * the pages and the control API's shortcut. Messages are HMRC's (`conf/messages.en`), rules its `CommonValidators`:
 * a UTR is 10 digits with a valid check digit (spaces ignored); a postcode at most 8 characters, letters, numbers and
 * spaces, matching DES's pattern; a business name at most 40 characters of DES text without `&`; address lines at most
 * 35 characters of DES text (line 1 required); an email at most 132 characters, `local@domain`.
 */
export const BUSINESS_TYPES = ['sole_trader', 'limited_company', 'partnership', 'llp'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export const BUSINESS_TYPE_LABELS: Record<BusinessType, string> = {
  sole_trader: 'Sole trader',
  limited_company: 'Limited company',
  partnership: 'Partnership',
  llp: 'Limited liability partnership (LLP)',
};

/** A field's problem: the field (its `id` on the page) and HMRC's message. */
export interface FieldError {
  field: string;
  text: string;
}

const DES_TEXT = /^[A-Za-z0-9 \-,.&'/]*$/;
const EMAIL_LOCAL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const EMAIL_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const UTR_MESSAGES: Record<BusinessType, { blank: string; format: string }> = {
  sole_trader: { blank: 'Enter the Unique Taxpayer Reference (UTR) you use for Self Assessment', format: 'The Unique Taxpayer Reference (UTR) you use for Self Assessment must be 10 numbers' },
  limited_company: { blank: 'Enter your company’s Unique Taxpayer Reference (UTR)', format: 'Your company’s Unique Taxpayer Reference (UTR) must be 10 numbers' },
  partnership: { blank: 'Enter your partnership’s Unique Taxpayer Reference (UTR)', format: 'Your partnership’s Unique Taxpayer Reference (UTR) must be 10 numbers' },
  llp: { blank: 'Enter your partnership’s Unique Taxpayer Reference (UTR)', format: 'Your limited liability partnership’s Unique Taxpayer Reference (UTR) must be 10 numbers' },
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function parseBusinessType(value: unknown): BusinessType | FieldError {
  return BUSINESS_TYPES.includes(value as BusinessType) ? (value as BusinessType) : { field: 'businessType', text: 'Select what type of business you are' };
}

/** The UTR without spaces, or its problem. */
export function parseUtr(value: unknown, businessType: BusinessType): string | FieldError {
  const utr = text(value).replace(/\s/g, '');
  const messages = UTR_MESSAGES[businessType];
  if (!utr) return { field: 'utr', text: messages.blank };
  if (!/^\d{10}$/.test(utr)) return { field: 'utr', text: messages.format };
  if (!isValidUtr(utr)) return { field: 'utr', text: 'Enter a valid Unique Taxpayer Reference (UTR)' };
  return utr;
}

/** The postcode in capitals, single-spaced, or its problem. */
export function parsePostcode(value: unknown, field = 'postcode'): string | FieldError {
  const raw = text(value).trim();
  if (!raw) return { field, text: 'Enter a valid postcode, like AA1 1AA' };
  if (raw.length > 8) return { field, text: 'Postcode must be 8 characters or less' };
  if (!/^[A-Za-z0-9 ]*$/.test(raw)) return { field, text: 'Postcode must only include letters a to z, numbers and spaces, like AA1 1AA' };
  const postcode = normalisePostcode(raw);
  return isUkPostcode(postcode) ? postcode : { field, text: 'Enter a valid postcode, for example AA1 1AA' };
}

export function parseBusinessName(value: unknown): string | FieldError {
  const name = text(value).trim();
  if (name.length > 40) return { field: 'businessName', text: 'Business name must be 40 characters or less' };
  if (!name) return { field: 'businessName', text: 'Enter your business name' };
  if (name.includes('&') || !DES_TEXT.test(name)) return { field: 'businessName', text: 'Enter your business name in the correct format' };
  return name;
}

/** Address line `n` (1 required, 2 optional: '' when empty). */
export function parseAddressLine(value: unknown, n: 1 | 2): string | FieldError {
  const line = text(value).trim();
  const field = `addressLine${n}`;
  if (line.length > 35) return { field, text: `Address line ${n} must be 35 characters or less` };
  if (!line) return n === 1 ? { field, text: 'Enter address line 1' } : '';
  if (!DES_TEXT.test(line)) {
    return { field, text: `Address line ${n} must only include letters a to z, numbers, commas, ampersands, single quotation marks, full stops, apostrophes, hyphens, forward slashes, and spaces` };
  }
  return line;
}

export function parseEmail(value: unknown): string | FieldError {
  const email = text(value).trim();
  if (!email) return { field: 'email', text: 'Enter your business email address, like name@example.com' };
  if (email.length > 132) return { field: 'email', text: 'Business email address must be 132 characters or less' };
  const at = email.indexOf('@');
  const [local, domain] = [email.slice(0, at), email.slice(at + 1)];
  if (at < 1 || domain.includes('@') || !EMAIL_LOCAL.test(local) || local.endsWith('.') || !EMAIL_DOMAIN.test(domain)) {
    return { field: 'email', text: 'Enter an email address in the correct format, like name@example.com' };
  }
  return email;
}

export function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && 'field' in value && 'text' in value;
}

/**
 * The control API's business details (`POST /_emulator/agents/{userId}/agent-services-account`): each field given is
 * checked by the pages' rules; `utr` and `postcode` come together or not at all. The details, or every problem.
 */
export function parseBusinessDetails(body: Record<string, unknown>): BusinessDetails | FieldError[] {
  const given = (key: string): boolean => body[key] !== undefined;
  const businessType = given('businessType') ? parseBusinessType(body.businessType) : 'sole_trader';
  const type = isFieldError(businessType) ? 'sole_trader' : businessType;
  const fields = {
    businessType,
    utr: given('utr') ? parseUtr(body.utr, type) : undefined,
    postcode: given('postcode') ? parsePostcode(body.postcode) : undefined,
    businessName: given('businessName') ? parseBusinessName(body.businessName) : undefined,
    addressLine1: given('addressLine1') ? parseAddressLine(body.addressLine1, 1) : undefined,
    addressLine2: given('addressLine2') ? parseAddressLine(body.addressLine2, 2) : undefined,
    email: given('email') ? parseEmail(body.email) : undefined,
  };
  const errors: FieldError[] = Object.values(fields).filter(isFieldError);
  if (given('utr') !== given('postcode')) errors.push({ field: given('utr') ? 'postcode' : 'utr', text: 'give utr and postcode together (the known-facts check), or neither' });
  if (given('addressLine2') && !given('addressLine1')) errors.push({ field: 'addressLine1', text: 'give addressLine1 with addressLine2' });
  if (errors.length) return errors;
  const v = fields as { [K in keyof typeof fields]: Exclude<(typeof fields)[K], FieldError> };
  return {
    businessType: v.businessType,
    utr: v.utr,
    postcode: v.postcode,
    businessName: v.businessName,
    email: v.email,
    address: v.addressLine1 === undefined ? undefined : { line1: v.addressLine1, line2: v.addressLine2 ?? '', postcode: v.postcode ?? '' },
  };
}
