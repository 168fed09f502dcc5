import { describe, expect, it } from 'vitest';
import { clientDetailsProblems, normaliseNino } from './match-client.js';

describe('client details', () => {
  it('accepts HMRC written forms of a NINO and postcode, in any case and spacing', () => {
    expect(clientDetailsProblems('ab 12 34 56 c', 'sw1a 2aa')).toEqual({});
    expect(clientDetailsProblems('AB123456C', 'BFPO 1234')).toEqual({});
    expect(normaliseNino(' ab 12 34 56 c ')).toBe('AB123456C');
  });

  it('names each field that is missing or badly formatted', () => {
    expect(Object.keys(clientDetailsProblems('', ''))).toEqual(['nino', 'postcode']);
    expect(clientDetailsProblems('DA123456C', 'TS1 1PA').nino).toMatch(/correct format/);
    expect(clientDetailsProblems('AB123456C', '12345').postcode).toMatch(/real postcode/);
    expect(clientDetailsProblems('QQ123456C'.repeat(5), 'TS1 1PA').nino).toMatch(/correct format/);
  });
});
