import type express from 'express';
import type { Account } from '../../accounts/account.js';
import { signUpSignInRoutes } from '../../sign-up/sign-in-routes.js';
import { VAT_SIGN_UP_PATH } from './paths.js';
import type { VatKit } from './kit.js';
import { firstIncomplete } from './steps.js';

/**
 * Sign in with the business's Government Gateway user ID and password, through the sign-up services' one sign-in
 * step (sign-up/sign-in-routes.ts: HMRC's lock-out, counted with the link-software journey's; a seeded persona only
 * within this session). Agents are sent away: they sign clients up through agent services. The VAT number field
 * starts with the account's VRN, if any.
 */
export function signInStep(router: express.Router, kit: VatKit): void {
  const { ctx, sessions, render, message } = kit;
  signUpSignInRoutes(router, {
    ctx,
    sessions,
    action: `${VAT_SIGN_UP_PATH}/sign-in`,
    hint: "Sign in with your business's Government Gateway user ID.",
    service: 'vat-sign-up',
    render,
    message,
    refuse,
    signedIn: (account) => ({ userId: account.userId, answers: {} }),
    proceed: async (res, _account, fresh) => res.redirect(303, `${VAT_SIGN_UP_PATH}/${firstIncomplete(fresh.answers)}`),
  });
}

/** Why this account cannot sign a business up, if it cannot. */
function refuse(account: Account): string | undefined {
  if (account.affinityGroup === 'Agent') return 'This service is for businesses. Agents sign up their clients for Making Tax Digital for VAT from their agent services account.';
  return undefined;
}
