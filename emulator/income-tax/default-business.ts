import type { StoredBusiness } from './model.js';

/**
 * The business every signed-up taxpayer starts with, so software can list, retrieve and report against
 * it without first calling the test-support API (HMRC's sandbox default is also one self-employment
 * business). Its ID is derived from the NINO so it is stable across restarts: `XAIS` + the NINO's six
 * digits + `00001`.
 */
export function defaultBusiness(nino: string): StoredBusiness {
  const digits = nino.replace(/\D/g, '').padEnd(6, '0').slice(0, 6);
  return {
    accountingType: 'CASH',
    details: {
      businessId: `XAIS${digits}00001`,
      typeOfBusiness: 'self-employment',
      tradingType: 'Plastering',
      tradingName: 'RCDTS',
      firstAccountingPeriodStartDate: '2024-04-06',
      firstAccountingPeriodEndDate: '2025-04-05',
      accountingPeriods: [{ start: '2025-04-06', end: '2026-04-05' }],
      commencementDate: '2024-04-06',
      businessAddressLineOne: '1 Acme Rd.',
      businessAddressLineTwo: 'London',
      businessAddressPostcode: 'M1 1AG',
      businessAddressCountryCode: 'GB',
    },
  };
}
