import { describe, expect, it } from 'vitest';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { amount, array, object, readShape, signed } from './body-shape.js';

describe('reading a Property Business body against its shape', () => {
  const shape = object({ income: object({ rent: amount(), cap: amount(0, 1000) }), expenses: object({ other: signed() }), list: array(object({ countryCode: { t: 'country' } }, ['countryCode'])) });

  it('keeps known fields and drops unknown ones', () => {
    const v = new MtdValidation();
    expect(readShape(shape, { income: { rent: 1.5, extra: 1 }, expenses: { other: -2 }, unknown: true }, '', v)).toEqual({ income: { rent: 1.5 }, expenses: { other: -2 } });
    expect(v.errors).toEqual([]);
  });

  it('names every bad field by its JSON pointer, merging paths of the same error', () => {
    const v = new MtdValidation();
    readShape(shape, { income: { rent: -1, cap: 1000.5 }, expenses: { other: 'x' }, list: [{}, { countryCode: 'ZZZ' }, { countryCode: 'fra' }] }, '', v);
    expect(v.errors).toEqual([
      { code: 'FORMAT_VALUE', message: 'The value must be between 0 and 99999999999.99', paths: ['/income/rent'] },
      { code: 'FORMAT_VALUE', message: 'The value must be between 0 and 1000', paths: ['/income/cap'] },
      { code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/expenses/other', '/list/0'] },
      { code: 'RULE_COUNTRY_CODE', message: 'The country code is not a permitted ISO 3166-1 alpha-3 country code', paths: ['/list/1/countryCode'] },
      { code: 'FORMAT_COUNTRY_CODE', message: 'The provided Country code is invalid', paths: ['/list/2/countryCode'] },
    ]);
  });

  it('treats an empty or wrongly typed section as a non-matching body', () => {
    const v = new MtdValidation();
    readShape(shape, { income: {}, list: {} }, '', v);
    expect(v.errors).toEqual([{ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/income', '/list'] }]);
  });
});
