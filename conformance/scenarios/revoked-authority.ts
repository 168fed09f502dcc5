import { expectMustLinkAgain } from './must-link-again.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * The user removes the software's authority (HMRC's "Manage authorised applications"): the API answers 401
 * INVALID_CREDENTIALS and the refresh 400 invalid_grant. Produced with the emulator's `api-invalid-credentials`
 * and `refresh-invalid-grant` faults.
 */
export const revokedAuthority: Scenario = {
  id: 'revoked-authority',
  async run(s: CheckSession) {
    await s.link();
    await s.callApiSuccessfully();
    const mark = await s.mark();
    await s.fault('api-invalid-credentials', 'always');
    await s.fault('refresh-invalid-grant', 'always');
    await expectMustLinkAgain(s, mark, 'after the user removed the authority');
  },
};
