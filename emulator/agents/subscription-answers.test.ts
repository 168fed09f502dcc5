import { describe, expect, it } from 'vitest';
import { parseAddressLine, parseBusinessName, parseBusinessType, parseEmail, parsePostcode, parseUtr } from './subscription-answers.js';
import { firstUnanswered, reachable } from './subscription-steps.js';

describe('Create an agent services account: answers', () => {
  it('takes a UTR with spaces and a valid check digit, with the message for the business type otherwise', () => {
    expect(parseUtr(' 10000 57161 ', 'sole_trader')).toBe('1000057161');
    expect(parseUtr('', 'limited_company')).toEqual({ field: 'utr', text: 'Enter your company’s Unique Taxpayer Reference (UTR)' });
    expect(parseUtr('123456789K', 'llp')).toEqual({ field: 'utr', text: 'Your limited liability partnership’s Unique Taxpayer Reference (UTR) must be 10 numbers' });
    expect(parseUtr('2000057161', 'partnership')).toEqual({ field: 'utr', text: 'Enter a valid Unique Taxpayer Reference (UTR)' });
    expect(parseUtr(['1000057161'], 'sole_trader')).toMatchObject({ field: 'utr' });
  });

  it('takes a UK postcode in any case, kept in capitals', () => {
    expect(parsePostcode(' sw1a 1aa ')).toBe('SW1A 1AA');
    expect(parsePostcode('sw1a1aa')).toBe('SW1A1AA');
    expect(parsePostcode('BFPO 123')).toBe('BFPO 123');
    expect(parsePostcode('SW1A1AAA1')).toMatchObject({ text: 'Postcode must be 8 characters or less' });
    expect(parsePostcode('SW1A-1AA')).toMatchObject({ text: 'Postcode must only include letters a to z, numbers and spaces, like AA1 1AA' });
    expect(parsePostcode('ABC 123')).toMatchObject({ text: 'Enter a valid postcode, for example AA1 1AA' });
  });

  it('applies DES text rules to the business name and address lines', () => {
    expect(parseBusinessName(" O'Brien-Smith, Tax / Co. ")).toBe("O'Brien-Smith, Tax / Co.");
    expect(parseBusinessName('A & B')).toMatchObject({ text: 'Enter your business name in the correct format' });
    expect(parseBusinessName('Café')).toMatchObject({ text: 'Enter your business name in the correct format' });
    expect(parseBusinessName('   ')).toMatchObject({ text: 'Enter your business name' });
    expect(parseAddressLine('', 2)).toBe('');
    expect(parseAddressLine('', 1)).toMatchObject({ field: 'addressLine1', text: 'Enter address line 1' });
    expect(parseAddressLine('x'.repeat(36), 2)).toMatchObject({ text: 'Address line 2 must be 35 characters or less' });
  });

  it('takes a business type and an email address by HMRC’s rules', () => {
    expect(parseBusinessType('llp')).toBe('llp');
    expect(parseBusinessType('charity')).toEqual({ field: 'businessType', text: 'Select what type of business you are' });
    expect(parseEmail(' ada@example.com ')).toBe('ada@example.com');
    expect(parseEmail('ada@localhost')).toBe('ada@localhost');
    for (const bad of ['ada', '@example.com', 'ada.@example.com', 'a@b@c', 'ada@-example.com', 'ada smith@example.com']) {
      expect(parseEmail(bad), bad).toMatchObject({ text: 'Enter an email address in the correct format, like name@example.com' });
    }
    expect(parseEmail(`${'a'.repeat(130)}@b.c`)).toMatchObject({ text: 'Business email address must be 132 characters or less' });
  });

  it('keeps the pages in order: none is reachable before the ones before it are answered', () => {
    expect(firstUnanswered({})).toBe('business-type');
    expect(reachable('postcode', { businessType: 'sole_trader' })).toBe(false);
    expect(reachable('unique-taxpayer-reference', { businessType: 'sole_trader' })).toBe(true);
    const all = { businessType: 'sole_trader' as const, utr: '1', registration: { utr: '1', name: 'n', address: { line1: 'a', line2: '', postcode: 'AA1 1AA' } }, businessName: 'n', addressLine1: 'a', email: 'e@x' };
    expect(firstUnanswered(all)).toBe('check-answers');
    expect(reachable('business-type', all)).toBe(true);
  });
});
