import { describe, expect, it } from 'vitest';
import { checkCompanyNumber, checkDate, checkEmail, checkPostcode, checkVrn } from './validate.js';

describe('VAT sign-up field rules', () => {
  it('takes a VRN with spaces, and checks presence, length, digits and check digits in that order', () => {
    expect(checkVrn(' 101 747 696 ')).toEqual({ value: '101747696' });
    expect(checkVrn('')).toEqual({ problem: 'Enter your VAT number' });
    expect(checkVrn('1234567890')).toEqual({ problem: 'VAT number must be 9 numbers' });
    expect(checkVrn('GB1234567')).toEqual({ problem: 'VAT number must only include numbers 0 to 9' });
    expect(checkVrn('101747697')).toEqual({ problem: 'Enter a valid VAT number' });
  });

  it('takes a real date no later than today', () => {
    expect(checkDate('1', '4', '2017', '2026-01-15')).toEqual({ value: '2017-04-01' });
    expect(checkDate('15', '1', '2026', '2026-01-15')).toEqual({ value: '2026-01-15' });
    expect(checkDate('16', '1', '2026', '2026-01-15')).toEqual({ problem: 'VAT registration date must be in the past' });
    expect(checkDate('29', '2', '2023', '2026-01-15')).toEqual({ problem: 'Enter a real date' });
    expect(checkDate('1', '13', '2017', '2026-01-15')).toEqual({ problem: 'Enter a real date' });
    expect(checkDate('1', '1', '17', '2026-01-15')).toEqual({ problem: 'Enter a real date' });
    expect(checkDate('', ' ', '', '2026-01-15')).toEqual({ problem: 'Enter your VAT registration date' });
    expect(checkDate('1', '4', '20l7', '2026-01-15')).toEqual({ problem: 'Enter a date using numbers 0 to 9' });
  });

  it('normalises postcodes and company numbers, and bounds email addresses', () => {
    expect(checkPostcode(' ls1   4ap ')).toEqual({ value: 'LS1 4AP' });
    expect(checkPostcode('LS1-4AP')).toEqual({ problem: 'Postcode must only include numbers 0 to 9 and letters a to z' });
    expect(checkCompanyNumber('sc 123456')).toEqual({ value: 'SC123456' });
    expect(checkCompanyNumber('1234567')).toEqual({ value: '01234567' });
    expect(checkEmail(`${'a'.repeat(120)}@example.com`)).toEqual({ value: `${'a'.repeat(120)}@example.com` });
    expect(checkEmail(`${'a'.repeat(121)}@example.com`)).toEqual({ problem: 'Email address must be 132 characters or less' });
  });
});
