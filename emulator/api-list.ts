import type { Api } from './gateway/api.js';
import { agentAuthorisationApi } from './agents/api/agent-authorisation-api.js';
import { agentTestSupportApi } from './agents/api/agent-test-support-api.js';
import { createTestUserApi } from './apis/create-test-user/create-test-user-api.js';
import { fraudPreventionApi } from './apis/fraud-prevention/fraud-prevention-api.js';
import { helloApi } from './apis/hello/hello-api.js';
import { incomeTaxApis } from './income-tax/api/income-tax-apis.js';
import { vatApi } from './vat/api/vat-api.js';

/**
 * Every API behind the gateway, in one list for the composition (build-emulator.ts) and the fuzzer: those of apis/
 * and those the business areas own (the VAT API in vat/api/, the agents' in agents/api/), which apis/ must not
 * import (they build on it).
 */
export const apis: Api[] = [...incomeTaxApis, helloApi, createTestUserApi, fraudPreventionApi, vatApi, agentAuthorisationApi, agentTestSupportApi];
