import type { Api } from '../../gateway/api.js';
import { bissApi } from './biss/biss-api.js';
import { bsasApi } from './bsas/bsas-api.js';
import { businessDetailsApi } from './business-details/business-details-api.js';
import { individualLossesApi } from './individual-losses/individual-losses-api.js';
import { individualCalculationsApi } from './individual-calculations/individual-calculations-api.js';
import { itsaStatusApi } from './itsa-status/itsa-status-api.js';
import { obligationsApi } from './obligations/obligations-api.js';
import { propertyBusinessApi } from './property-business/property-business-api.js';
import { saAccountsApi } from './sa-accounts/sa-accounts-api.js';
import { saTestSupportApi } from './sa-test-support/sa-test-support-api.js';
import { selfEmploymentApi } from './self-employment/self-employment-api.js';

/** The Making Tax Digital for Income Tax APIs and their test-support API, registered in api-list.ts. */
export const incomeTaxApis: Api[] = [
  businessDetailsApi,
  obligationsApi,
  individualCalculationsApi,
  selfEmploymentApi,
  saTestSupportApi,
  itsaStatusApi,
  bissApi,
  individualLossesApi,
  bsasApi,
  propertyBusinessApi,
  saAccountsApi,
];
