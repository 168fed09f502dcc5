import type { CheckId } from '../checks.js';
import { apiCallHeaders } from './api-call-headers.js';
import { authorizationRequest } from './authorization-request.js';
import { clientNotAuthorised } from './client-not-authorised.js';
import { codeExchange } from './code-exchange.js';
import { codeReuse } from './code-reuse.js';
import { deniedGrant } from './denied-grant.js';
import { expiredCode } from './expired-code.js';
import { fraudPreventionHeaders } from './fraud-prevention-headers.js';
import { lapsedGrant } from './lapsed-grant.js';
import { perUserTokens } from './per-user-tokens.js';
import { pkce } from './pkce.js';
import { reset } from './reset.js';
import { revokedAuthority } from './revoked-authority.js';
import type { Scenario } from './scenario.js';
import { secretsOutOfBrowser } from './secrets-out-of-browser.js';
import { serverErrors } from './server-errors.js';
import { stateParameter } from './state-parameter.js';
import { stateTampering } from './state-tampering.js';
import { throttling } from './throttling.js';
import { tokenRefresh } from './token-refresh.js';
import { truthfulReporting } from './truthful-reporting.js';

/** Every check's scenario, by check id (the catalogue's order is the run order). */
export const SCENARIOS: Record<CheckId, Scenario> = {
  'authorization-request': authorizationRequest,
  'state-parameter': stateParameter,
  pkce,
  'code-exchange': codeExchange,
  reset,
  'code-reuse': codeReuse,
  'state-tampering': stateTampering,
  'denied-grant': deniedGrant,
  'expired-code': expiredCode,
  'api-call-headers': apiCallHeaders,
  'token-refresh': tokenRefresh,
  'lapsed-grant': lapsedGrant,
  'revoked-authority': revokedAuthority,
  'client-not-authorised': clientNotAuthorised,
  throttling,
  'server-errors': serverErrors,
  'truthful-reporting': truthfulReporting,
  'per-user-tokens': perUserTokens,
  'fraud-prevention-headers': fraudPreventionHeaders,
  'secrets-out-of-browser': secretsOutOfBrowser,
};
