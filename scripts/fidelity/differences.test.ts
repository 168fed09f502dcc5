import { describe, expect, it } from 'vitest';
import { compareWithExamples, enumFieldsOf } from './differences.js';

describe('compareWithExamples', () => {
  const example = { name: 'quarterly', value: { obligations: [{ periodKey: '18A1', status: 'F', received: '2018-05-01', due: '2018-05-07' }] } };

  it('reports nothing when the response has the example’s fields and types', () => {
    const body = { obligations: [{ periodKey: '#001', status: 'F', received: '2019-05-01', due: '2019-05-07' }] };
    expect(compareWithExamples(body, [example])).toEqual({ example: 'quarterly', differences: [] });
  });

  it('names missing and extra fields once, at the topmost path', () => {
    const body = { obligations: [{ periodKey: '18A1', status: 'O', due: '2018-05-07', extra: { a: 1 } }], more: true };
    expect(compareWithExamples(body, [example])?.differences).toEqual(['missing /obligations[]/received (string)', 'extra /obligations[]/extra (object)', 'extra /more (boolean)']);
  });

  it('reports type differences, with null allowed where the example has a value', () => {
    const body = { obligations: [{ periodKey: 18, status: null, received: '2018-05-01', due: '2018-05-07' }] };
    expect(compareWithExamples(body, [example])?.differences).toEqual(['type of /obligations[]/periodKey: number, example has string']);
  });

  it('reports values of enumerated fields that no example shows', () => {
    const body = { obligations: [{ periodKey: '18A2', status: 'O', received: '2018-05-01', due: '2018-05-07' }] };
    expect(compareWithExamples(body, [example], new Set(['/obligations[]/status']))?.differences).toEqual(['value of /obligations[]/status: "O" not among the example\'s ("F")']);
  });

  it('compares with the closest example', () => {
    const trading = { name: 'trading allowance', value: { allowances: { tradingIncomeAllowance: 1000 } } };
    const capital = { name: 'capital allowances', value: { allowances: { annualInvestmentAllowance: 5, zeroEmissionsCarAllowance: 6 } } };
    expect(compareWithExamples({ allowances: { annualInvestmentAllowance: 1 } }, [trading, capital])).toEqual({
      example: 'capital allowances',
      differences: ['missing /allowances/zeroEmissionsCarAllowance (number)'],
    });
  });

  it('compares only with the examples named for the tax year asked for, when there are some', () => {
    const older = { name: 'Response for TY 2023-24 and before', value: { a: 1 } };
    const current = { name: 'Response for TY 2025-26', value: { a: 1, b: 2 } };
    expect(compareWithExamples({ a: 1 }, [older, current], new Set(), 'TY 2025-26')).toEqual({ example: 'Response for TY 2025-26', differences: ['missing /b (number)'] });
    expect(compareWithExamples({ a: 1 }, [older, current], new Set(), 'TY 2030-31')?.example).toBe('Response for TY 2023-24 and before');
  });

  it('says when an error code is not among the documented examples', () => {
    const errors = [
      { name: 'FORMAT_NINO', value: { code: 'FORMAT_NINO', message: 'The provided NINO is invalid' } },
      { name: 'NOT_FOUND', value: { code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' } },
    ];
    expect(compareWithExamples({ code: 'FORMAT_NINO', message: 'x' }, errors)?.differences).toEqual([]);
    expect(compareWithExamples({ code: 'INVALID_REQUEST', message: 'x' }, errors)?.differences).toEqual(["code INVALID_REQUEST is not among the examples' codes (FORMAT_NINO, MATCHING_RESOURCE_NOT_FOUND)"]);
  });

  it('has nothing to say without examples or without a body', () => {
    expect(compareWithExamples({ a: 1 }, [])).toBeUndefined();
    expect(compareWithExamples('', [example])).toBeUndefined();
  });
});

describe('enumFieldsOf', () => {
  it('finds enumerations through properties, items and combinators', () => {
    const schema = {
      type: 'object',
      properties: {
        obligations: { type: 'array', items: { allOf: [{ properties: { status: { enum: ['O', 'F'] } } }] } },
        kind: { oneOf: [{ enum: ['a'] }, { type: 'string' }] },
        name: { type: 'string' },
      },
    };
    expect([...enumFieldsOf(schema)].sort()).toEqual(['/kind', '/obligations[]/status']);
  });
});
