import type express from 'express';
import type { Response } from 'express';
import type { Account } from '../accounts/account.js';
import { signInChecker } from '../journey/check-sign-in.js';
import type { PageContext } from '../pages/pages.js';
import { VAT_SIGN_UP_PATH } from './paths.js';
import { field, errorsFor, type VatKit, type VatSession } from './kit.js';
import { firstIncomplete } from './steps.js';

/**
 * Sign in with the business's Government Gateway user ID and password. Wrong credentials → 401 with
 * "Invalid user ID or password. Try again."; `journeyLimits.signInAttempts` wrong passwords in a row lock the
 * user ID for `journeyLimits.signInLockoutSeconds`, counted with the link-software journey's sign-in as
 * Government Gateway counts them (the shared `signInChecker`; a seeded persona only within this session); an account
 * locked by HMRC is refused. Agents are sent away: they sign clients up through agent services. Signing in
 * replaces the session (new ID, new CSRF token); the VAT number field starts with the account's VRN, if any.
 */
export function signInStep(router: express.Router, kit: VatKit): void {
  const { ctx, sessions, render, message } = kit;
  const checkSignIn = signInChecker(ctx);
  const action = `${VAT_SIGN_UP_PATH}/sign-in`;
  const page = (res: Response, session: VatSession, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-sign-in.njk', { title: 'Sign in', hint: "Sign in with your business's Government Gateway user ID.", action, csrfToken: session.csrfToken, ...extra }, status);
  const locked = (res: Response): void =>
    message(res, 401, 'Your account is locked', ['You have entered the wrong password too many times. Try again later.'], [], 'account-locked');

  router.get('/sign-in', async (req, res) => page(res, await sessions.currentOrNew(req, res)));
  router.post('/sign-in', async (req, res) => {
    const session = (await sessions.current(req))!; // the CSRF check has already required one
    const userId = field(req.body, 'userId').trim();
    const password = field(req.body, 'password');
    const problems: Record<string, string> = {};
    if (!userId) problems.userId = 'Enter your user ID';
    if (!password) problems.password = 'Enter your password';
    if (Object.keys(problems).length) return page(res, session, { userId, ...errorsFor(problems) }, 400);
    const result = await checkSignIn(userId, password, `vat-sign-up ${session.id}`);
    if (result.outcome === 'locked' || result.outcome === 'wrong-password:locked') return locked(res);
    if (result.outcome !== 'signed-in') return page(res, session, { userId: userId.slice(0, 100), errors: [{ text: 'Invalid user ID or password. Try again.', href: '#userId' }] }, 401);
    const account = result.account;
    if (account.locked) return locked(res);
    const refusal = refuse(account);
    if (refusal) return message(res, 403, 'You cannot use this service', [refusal], [{ text: 'Sign in with a different user ID', href: action, testid: 'sign-in-again' }], 'wrong-account-type');
    await sessions.end(session, res);
    const fresh = await sessions.create(res, { userId: account.userId, answers: {} });
    res.redirect(303, `${VAT_SIGN_UP_PATH}/${firstIncomplete(fresh.answers)}`);
  });
}

/** Why this account cannot sign a business up, if it cannot. */
function refuse(account: Account): string | undefined {
  if (account.affinityGroup === 'Agent') return 'This service is for businesses. Agents sign up their clients for Making Tax Digital for VAT from their agent services account.';
  return undefined;
}
