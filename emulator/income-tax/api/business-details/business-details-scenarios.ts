import type { BusinessDetails, TypeOfBusiness } from '../../model.js';

/**
 * Business Details 2.0 sandbox data for the canned `Gov-Test-Scenario` values (list.yaml, retrieve.yaml): the
 * default, PROPERTY, FOREIGN_PROPERTY, BUSINESS_AND_PROPERTY, UNSPECIFIED, and DYNAMIC's magic business IDs
 * (`XBIS…` self-employment, `XPIS…` UK property, `XFIS…` foreign property, `XAIS…` unspecified).
 */
export const LIST_SCENARIOS = ['PROPERTY', 'FOREIGN_PROPERTY', 'BUSINESS_AND_PROPERTY', 'UNSPECIFIED', 'NOT_FOUND'] as const;
export const RETRIEVE_SCENARIOS = ['PROPERTY', 'FOREIGN_PROPERTY', 'UNSPECIFIED', 'NOT_FOUND', 'DYNAMIC'] as const;

/**
 * HMRC's default ("N/A - DEFAULT"): "a self-employment business. Use the following businessId for this scenario:
 * XBIS12345678901". Retrieve answers it for any business ID (emulator's choice: HMRC's stub does not say).
 */
export const DEFAULT_BUSINESS_ID = 'XBIS12345678901';

export const DYNAMIC_IDS: Record<string, TypeOfBusiness> = {
  XBIS12345678901: 'self-employment',
  XPIS12345678901: 'uk-property',
  XFIS12345678901: 'foreign-property',
  XAIS12345678901: 'property-unspecified',
};

export function cannedBusiness(typeOfBusiness: TypeOfBusiness, businessId: string): BusinessDetails {
  const common = {
    businessId,
    typeOfBusiness,
    firstAccountingPeriodStartDate: '2019-09-30',
    firstAccountingPeriodEndDate: '2020-02-29',
    latencyDetails: { latencyEndDate: '2020-02-27', taxYear1: '2018-19', latencyIndicator1: 'A' as const, taxYear2: '2019-20', latencyIndicator2: 'A' as const },
    accountingPeriods: [{ start: '2023-04-06', end: '2024-04-05' }],
    quarterlyTypeChoice: { quarterlyPeriodType: 'standard' as const, taxYearOfChoice: '2023-24' },
    commencementDate: '2023-04-06',
  };
  if (typeOfBusiness !== 'self-employment') return common;
  return {
    ...common,
    tradingType: 'Plastering',
    tradingName: 'ABC Ltd.',
    yearOfMigration: '2022',
    businessAddressLineOne: '1 Acme Rd.',
    businessAddressLineTwo: 'London',
    businessAddressLineThree: 'Greater London',
    businessAddressLineFour: 'United Kingdom',
    businessAddressPostcode: 'M1 1AG',
    businessAddressCountryCode: 'GB',
  };
}

const id = (prefix: string): string => `${prefix}12345678901`;

export const CANNED_LISTS: Record<'PROPERTY' | 'FOREIGN_PROPERTY' | 'BUSINESS_AND_PROPERTY' | 'UNSPECIFIED', BusinessDetails[]> = {
  PROPERTY: [cannedBusiness('uk-property', id('XPIS'))],
  FOREIGN_PROPERTY: [cannedBusiness('foreign-property', id('XFIS'))],
  BUSINESS_AND_PROPERTY: [cannedBusiness('self-employment', id('XBIS')), cannedBusiness('uk-property', id('XPIS')), cannedBusiness('foreign-property', id('XFIS'))],
  UNSPECIFIED: [cannedBusiness('property-unspecified', id('XAIS'))],
};

/** A business as List All Businesses shows it: type, ID, trading type and name only. */
export function listEntry(b: BusinessDetails): Record<string, string> {
  return {
    typeOfBusiness: b.typeOfBusiness,
    businessId: b.businessId,
    ...(b.tradingType ? { tradingType: b.tradingType } : {}),
    ...(b.tradingName ? { tradingName: b.tradingName } : {}),
  };
}
