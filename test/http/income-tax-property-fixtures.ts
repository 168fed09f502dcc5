import type { Emulator } from '../../emulator/app.js';
import { client, NINO, testSupportToken } from './income-tax-fixtures.js';

/** Helpers shared by the Property Business HTTP tests. */
export const PROPERTY = '/individuals/business/property';
export const PB = '6.0';

/** Creates a UK or foreign property business for the test NINO through SA Test Support; returns its ID. */
export async function propertyBusiness(e: Emulator, typeOfBusiness: 'uk-property' | 'foreign-property'): Promise<string> {
  const support = client(e, await testSupportToken(e), '1.0');
  const res = await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness });
  if (res.status !== 201) throw new Error(`create ${typeOfBusiness}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.businessId as string;
}

export const ukCumulative = (toDate = '2025-10-05') => ({
  fromDate: '2025-04-06',
  toDate,
  ukProperty: {
    income: { periodAmount: 12000, premiumsOfLeaseGrant: 1000, taxDeducted: 500, rentARoom: { rentsReceived: 500 } },
    expenses: { premisesRunningCosts: 2000, repairsAndMaintenance: 1500.5, residentialFinancialCost: 800, rentARoom: { amountClaimed: 500 } },
  },
});

export const foreignCumulative = (toDate = '2025-10-05') => ({
  fromDate: '2025-04-06',
  toDate,
  foreignProperty: [{ countryCode: 'FRA', income: { rentIncome: { rentAmount: 6000 }, foreignTaxCreditRelief: false }, expenses: { consolidatedExpenses: 1000 } }],
});
