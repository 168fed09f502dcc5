import { describe, expect, it } from 'vitest';
import type { PlatformError } from '../errors/platform-error.js';
import { isValidDate, MtdValidation } from './mtd-validation.js';

describe('MTD validation', () => {
  it.each(['AA123456A', 'TC663795B', 'ZR000000D'])('accepts the NINO %s', (nino) => {
    expect(new MtdValidation().nino(nino)).toBe(true);
  });

  it.each(['AA123456E', 'BG123456A', 'DA123456A', 'AO123456A', 'aa123456a', 'AA12345A', ''])('refuses the NINO %j', (nino) => {
    const v = new MtdValidation();
    expect(v.nino(nino)).toBe(false);
    expect(v.errors).toEqual([{ code: 'FORMAT_NINO', message: 'The provided NINO is invalid' }]);
  });

  it('reads a tax year as its start year, and tells format, range and minimum apart', () => {
    const v = new MtdValidation();
    expect(v.taxYear('2025-26')).toBe(2025);
    expect(v.taxYear('2099-00')).toBeUndefined();
    expect(v.taxYear('2025-27')).toBeUndefined();
    expect(v.taxYear('2016-17', { minimum: 2017 })).toBeUndefined();
    expect(v.errors.map((e) => e.code)).toEqual(['FORMAT_TAX_YEAR', 'RULE_TAX_YEAR_RANGE_INVALID', 'RULE_TAX_YEAR_NOT_SUPPORTED']);
  });

  it('accepts only real calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-4-6')).toBe(false);
    expect(isValidDate('1899-12-31')).toBe(false);
    expect(isValidDate(20250406)).toBe(false);
  });

  it('merges the paths of repeated errors and throws one error alone, several as INVALID_REQUEST', () => {
    const one = new MtdValidation();
    one.add({ code: 'FORMAT_VALUE', message: 'm', paths: ['/a'] });
    one.add({ code: 'FORMAT_VALUE', message: 'm', paths: ['/b'] });
    expect(() => one.throwIfAny()).toThrow(expect.objectContaining({ status: 400, code: 'FORMAT_VALUE', extra: { paths: ['/a', '/b'] } }) as PlatformError);
    const two = new MtdValidation();
    two.nino('x');
    two.businessId('y');
    try {
      two.throwIfAny();
      expect.unreachable();
    } catch (e) {
      expect((e as PlatformError).body()).toEqual({
        code: 'INVALID_REQUEST',
        message: 'Invalid request',
        errors: [
          { code: 'FORMAT_NINO', message: 'The provided NINO is invalid' },
          { code: 'FORMAT_BUSINESS_ID', message: 'The provided Business ID is invalid' },
        ],
      });
    }
  });
});
