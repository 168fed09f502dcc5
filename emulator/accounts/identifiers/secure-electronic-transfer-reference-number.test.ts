import { describe, expect, it } from 'vitest';
import { generateSecureElectronicTransferReferenceNumber, isValidSecureElectronicTransferReferenceNumber } from './secure-electronic-transfer-reference-number.js';
import { createPrng } from './prng.js';

describe('secure electronic transfer reference number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['123456789012', '307703077030']) expect(isValidSecureElectronicTransferReferenceNumber(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['12345678901', '012345678901']) expect(isValidSecureElectronicTransferReferenceNumber(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('secure-electronic-transfer-reference-number');
    const generate = generateSecureElectronicTransferReferenceNumber;
    for (let i = 0; i < 10_000; i++) expect(isValidSecureElectronicTransferReferenceNumber(generate(prng))).toBe(true);
  });
});
