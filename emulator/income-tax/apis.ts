import type { Api } from '../gateway/api.js';
import { bissApi } from '../apis/biss/biss-api.js';
import { bsasApi } from '../apis/bsas/bsas-api.js';
import { businessDetailsApi } from '../apis/business-details/business-details-api.js';
import { individualLossesApi } from '../apis/individual-losses/individual-losses-api.js';
import { individualCalculationsApi } from '../apis/individual-calculations/individual-calculations-api.js';
import { itsaStatusApi } from '../apis/itsa-status/itsa-status-api.js';
import { obligationsApi } from '../apis/obligations/obligations-api.js';
import { propertyBusinessApi } from '../apis/property-business/property-business-api.js';
import { saAccountsApi } from '../apis/sa-accounts/sa-accounts-api.js';
import { saTestSupportApi } from '../apis/sa-test-support/sa-test-support-api.js';
import { selfEmploymentApi } from '../apis/self-employment/self-employment-api.js';

/** The Making Tax Digital for Income Tax APIs and their test-support API, registered in apis/index.ts. */
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
