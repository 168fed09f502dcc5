import { isValidVrn } from '../../accounts/identifiers/vrn.js';
import { isUkPostcode } from '../../accounts/postcode.js';
import { BUSINESS_TYPES, type BusinessType, type VatContactPreference } from './vat-sign-up.js';

/**
 * The VAT sign-up pages' field rules, worded as hmrc/vat-sign-up-frontend's `conf/messages` words them
 * (`VatNumberForm`: entered → 9 characters → digits only; dates; postcode; company number; email). Each returns
 * the problem or the cleaned value. The check-digit rule (`isValidVrn`) is the emulator's field error for what
 * HMRC answers with its "invalid VAT number" page.
 */
export type Checked<T> = { problem: string } | { value: T };

export function checkVrn(raw: string): Checked<string> {
  const vrn = raw.replace(/\s/g, '').toUpperCase();
  if (!vrn) return { problem: 'Enter your VAT number' };
  if (vrn.length !== 9) return { problem: 'VAT number must be 9 numbers' };
  if (!/^\d{9}$/.test(vrn)) return { problem: 'VAT number must only include numbers 0 to 9' };
  if (!isValidVrn(vrn)) return { problem: 'Enter a valid VAT number' };
  return { value: vrn };
}

/** Day, month and year fields → `YYYY-MM-DD`, a real date no later than `today`. */
export function checkDate(day: string, month: string, year: string, today: string): Checked<string> {
  const parts = [day, month, year].map((p) => p.trim());
  if (parts.every((p) => !p)) return { problem: 'Enter your VAT registration date' };
  if (parts.some((p) => !/^\d{1,4}$/.test(p))) return { problem: 'Enter a date using numbers 0 to 9' };
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { problem: 'Enter a real date' };
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) return { problem: 'VAT registration date must be in the past' };
  return { value: iso };
}

export function checkPostcode(raw: string): Checked<string> {
  const postcode = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!postcode) return { problem: 'Enter the postcode where your business is registered for VAT' };
  if (!/^[A-Z0-9 ]+$/.test(postcode)) return { problem: 'Postcode must only include numbers 0 to 9 and letters a to z' };
  if (!isUkPostcode(postcode)) return { problem: 'Enter a real postcode' };
  return { value: postcode };
}

export function checkBusinessType(raw: string): Checked<BusinessType> {
  const type = BUSINESS_TYPES.find((t) => t.id === raw);
  return type ? { value: type.id } : { problem: 'Select the type of business or group you are signing up' };
}

export function checkBusinessName(raw: string): Checked<string> {
  const name = raw.trim();
  if (!name) return { problem: 'Enter your business name' };
  if (name.length > 105) return { problem: 'Business name must be 105 characters or less' };
  return { value: name };
}

export function checkCompanyNumber(raw: string): Checked<string> {
  const number = raw.replace(/\s/g, '').toUpperCase();
  if (!number) return { problem: 'Enter your company registration number' };
  if (number.length > 8) return { problem: 'Enter a company number that has 8 characters or less' };
  if (!/^[A-Z0-9]+$/.test(number)) return { problem: 'Company number must only include numbers 0 to 9 and letters a to z' };
  return { value: /^\d+$/.test(number) ? number.padStart(8, '0') : number };
}

const EMAIL = /^[^\s@<>"'`]+@[^\s@<>"'`.]+(?:\.[^\s@<>"'`.]+)+$/;

export function checkEmail(raw: string): Checked<string> {
  const email = raw.trim();
  if (!email) return { problem: 'Enter your email address' };
  if (email.length > 132) return { problem: 'Email address must be 132 characters or less' };
  if (!EMAIL.test(email)) return { problem: 'Enter a valid email address' };
  return { value: email };
}

export function checkContactPreference(raw: string): Checked<VatContactPreference> {
  return raw === 'digital' || raw === 'paper' ? { value: raw } : { problem: 'Select if you want to be contacted by email or letters only' };
}
