import type { Api } from '../gateway/api.js';
import { agentAuthorisationApi } from '../agents/api/agent-authorisation-api.js';
import { agentTestSupportApi } from '../agents/api/agent-test-support-api.js';
import { createTestUserApi } from './create-test-user/create-test-user-api.js';
import { fraudPreventionApi } from './fraud-prevention/fraud-prevention-api.js';
import { helloApi } from './hello/hello-api.js';
import { incomeTaxApis } from './income-tax-apis.js';
import { vatApi } from './vat/vat-api.js';

/** Every API behind the gateway. */
export const apis: Api[] = [...incomeTaxApis, helloApi, createTestUserApi, fraudPreventionApi, vatApi, agentAuthorisationApi, agentTestSupportApi];
