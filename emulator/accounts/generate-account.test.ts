import { describe, expect, it } from 'vitest';
import { AccountRequestError, generateAccount, type AccountOptions } from './generate-account.js';
import { createPrng } from './identifiers/prng.js';
import { isValidVrn } from './identifiers/vrn.js';

const TODAY = new Date('2026-01-15T09:00:00Z');
const options = (seed: string, overrides: Partial<AccountOptions> = {}): AccountOptions => ({
  prng: createPrng(seed),
  today: TODAY,
  taken: async () => false,
  userIdTaken: async () => false,
  ...overrides,
});

describe('generateAccount', () => {
  it('gives the same account for the same PRNG seed', async () => {
    const a = await generateAccount({ affinityGroup: 'Individual', serviceNames: ['mtd-income-tax', 'mtd-vat'] }, options('same'));
    const b = await generateAccount({ affinityGroup: 'Individual', serviceNames: ['mtd-income-tax', 'mtd-vat'] }, options('same'));
    const { passwordHash: _a, ...accountA } = a.account;
    const { passwordHash: _b, ...accountB } = b.account;
    expect(accountB).toEqual(accountA);
    expect(b.password).toBe(a.password);
  });

  it('draws again when a generated identifier is already taken', async () => {
    const first = await generateAccount({ affinityGroup: 'Organisation', serviceNames: ['mtd-vat'] }, options('taken'));
    const rejected = first.account.identifiers.vrn!;
    const second = await generateAccount({ affinityGroup: 'Organisation', serviceNames: ['mtd-vat'] }, options('taken', { taken: async (key, value) => key === 'vrn' && value === rejected }));
    expect(second.account.identifiers.vrn).not.toBe(rejected);
    expect(isValidVrn(second.account.identifiers.vrn!)).toBe(true);
  });

  it('draws another user ID when one is taken', async () => {
    const first = await generateAccount({ affinityGroup: 'Agent', serviceNames: [] }, options('ids'));
    const second = await generateAccount({ affinityGroup: 'Agent', serviceNames: [] }, options('ids', { userIdTaken: async (id) => id === first.account.userId }));
    expect(second.account.userId).toMatch(/^\d{12}$/);
    expect(second.account.userId).not.toBe(first.account.userId);
  });

  it('splits the employer reference into the IR-PAYE enrolment identifiers', async () => {
    const { account } = await generateAccount({ affinityGroup: 'Organisation', serviceNames: ['paye-for-employers'] }, options('paye'));
    const [office, reference] = account.identifiers.empRef!.split('/');
    expect(account.enrolments).toEqual([{ key: 'IR-PAYE', identifiers: [{ key: 'TaxOfficeNumber', value: office }, { key: 'TaxOfficeReference', value: reference }] }]);
  });

  it('refuses unknown services and services the user type cannot have', async () => {
    await expect(generateAccount({ affinityGroup: 'Individual', serviceNames: ['nope'] }, options('x'))).rejects.toMatchObject({ code: 'UNKNOWN_SERVICE' });
    await expect(generateAccount({ affinityGroup: 'Agent', serviceNames: ['mtd-income-tax'] }, options('x'))).rejects.toBeInstanceOf(AccountRequestError);
    await expect(generateAccount({ affinityGroup: 'Individual', serviceNames: ['lisa'] }, options('x'))).rejects.toMatchObject({ code: 'SERVICE_NOT_ALLOWED' });
  });

  it('uses supplied identifiers and refuses a NINO already used', async () => {
    const { account } = await generateAccount({ affinityGroup: 'Individual', serviceNames: ['national-insurance', 'customs-services'], nino: 'PE938808A', eoriNumber: 'XI123456789012' }, options('supplied'));
    expect(account.identifiers).toMatchObject({ nino: 'PE938808A', eoriNumber: 'XI123456789012' });
    await expect(generateAccount({ affinityGroup: 'Individual', serviceNames: ['national-insurance'], nino: 'PE938808A' }, options('supplied', { taken: async (key) => key === 'nino' }))).rejects.toMatchObject({ code: 'NINO_ALREADY_USED' });
  });

  it('dates VAT registration 1 to 20 years before today', async () => {
    const { account } = await generateAccount({ affinityGroup: 'Individual', serviceNames: ['mtd-vat'] }, options('vat-date'));
    const year = Number(account.identifiers.vatRegistrationDate!.slice(0, 4));
    expect(year).toBeGreaterThanOrEqual(2006);
    expect(year).toBeLessThanOrEqual(2025);
  });
});
