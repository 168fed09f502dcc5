import { DIGITS, UPPER, type Prng } from './prng.js';

/**
 * Employer PAYE reference (api-platform-test-user `Generator`): tax office number 100–999, `/`, then a
 * 10-character upper-case alphanumeric tax office reference, e.g. 538/EMKXYNSVTH. The IR-PAYE enrolment carries
 * the two halves as `TaxOfficeNumber` and `TaxOfficeReference`.
 */
export function generateEmpRef(prng: Prng): string {
  return `${prng.int(100, 999)}/${prng.chars(UPPER + DIGITS, 10)}`;
}

export function isValidEmpRef(value: string): boolean {
  return /^[1-9]\d{2}\/[A-Z0-9]{10}$/.test(value);
}

export function splitEmpRef(empRef: string): { taxOfficeNumber: string; taxOfficeReference: string } {
  const [taxOfficeNumber = '', taxOfficeReference = ''] = empRef.split('/');
  return { taxOfficeNumber, taxOfficeReference };
}
