import { describe, expect, it } from 'vitest';
import { isUkPostcode, normalisePostcode, samePostcode } from './postcode.js';

describe('UK postcodes as HMRC checks them', () => {
  it.each(['SW1A 1AA', 'M1 1AG', 'CR0 2AB', 'EC1A 1BB', 'NW16XE', 'B15 2TT', 'BFPO 1234', 'BFPO1'])('accepts %s', (postcode) => {
    expect(isUkPostcode(postcode)).toBe(true);
  });

  it.each(['BR33 21D', 'OX79 17V', 'sw1a 1aa', 'SW1A  1AA', 'XBFPO 1', 'AA1 1AAX', 'BFPO 123456', '1AA 1AA', 'SW1A', ''])('refuses %j', (postcode) => {
    expect(isUkPostcode(postcode)).toBe(false);
  });

  it('normalises what a user types and compares ignoring case and spaces', () => {
    expect(normalisePostcode('  sw1a   1aa ')).toBe('SW1A 1AA');
    expect(samePostcode('sw1a1aa', 'SW1A 1AA')).toBe(true);
    expect(samePostcode('SW1A 1AB', 'SW1A 1AA')).toBe(false);
  });
});
