import { validateFraudHeaders } from '../../emulator/apis/fraud-prevention/validate-headers.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC fraud prevention specification v3.3: every Making Tax Digital call carries Gov-Client-Connection-Method and the
 * headers that method requires, in the formats the specification gives. The kit validates each API call the
 * software makes with the emulator's validator (the Test Fraud Prevention Headers API's rules) and also requires the
 * declared connection method to be the one the vendor contract names.
 */
export const fraudPreventionHeaders: Scenario = {
  id: 'fraud-prevention-headers',
  async run(s: CheckSession) {
    await s.link();
    const calls = await s.callApiSuccessfully();
    for (const call of calls) {
      const validation = validateFraudHeaders(call.requestHeaders);
      const method = call.requestHeaders['gov-client-connection-method'];
      s.expect(method === s.config.connectionMethod, `${call.method} ${call.path}: Gov-Client-Connection-Method is ${JSON.stringify(method ?? null)}, not the declared ${s.config.connectionMethod}`);
      for (const error of validation.result.errors ?? []) {
        s.expect(false, `${call.method} ${call.path}: ${error.code} ${error.headers.join(', ')}${error.message ? ` (${error.message})` : ''}`);
      }
      for (const warning of validation.result.warnings ?? []) s.notes.push(`${call.path}: warning ${warning.code} ${warning.headers.join(', ')}`);
    }
    s.verdict();
  },
};
