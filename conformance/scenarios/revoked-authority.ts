import { expectMustLinkAgain } from './must-link-again.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * The user removes the software's authority (HMRC's "Manage your authorised software"): the API answers 401
 * INVALID_CREDENTIALS and the refresh 400 invalid_grant. Produced for real, headless, with the emulator's
 * `DELETE /_emulator/accounts/{userId}/grants/{clientId}`: the grant and every token issued under it are revoked.
 */
export const revokedAuthority: Scenario = {
  id: 'revoked-authority',
  async run(s: CheckSession) {
    await s.link();
    await s.callApiSuccessfully();
    const mark = await s.mark();
    await s.removeAuthority();
    await expectMustLinkAgain(s, mark, 'after the user removed the authority');
  },
};
