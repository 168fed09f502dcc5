import type express from 'express';
import type { Response } from 'express';
import type { Account } from '../../accounts/account.js';
import { signInChecker } from '../../journey/check-sign-in.js';
import type { PageContext } from '../../pages/pages.js';
import { firstIncomplete } from '../journey-steps.js';
import { isSignedUp } from '../match-client.js';
import type { SignUpSession } from '../sessions.js';
import { field, type StepKit } from './kit.js';

/**
 * Sign in. HMRC: agents "must use the Government Gateway user ID of their agent services account"
 * (affinity Agent, enrolment HMRC-AS-AGENT); individuals and businesses sign in with their own, and the
 * account type must match the journey. A taxpayer already signed up, with a sign-up pending, or not
 * eligible is told so at once. Signing in replaces the session (new ID, new CSRF token). Wrong passwords lock the
 * user ID out as on every Government Gateway sign-in (`signInChecker`).
 */
export function signInStep(router: express.Router, kit: StepKit): void {
  const { ctx, sessions, journey, agent, base, render, message, errorsFor } = kit;
  const checkSignIn = signInChecker(ctx);
  const hint = agent
    ? 'Sign in with the Government Gateway user ID of your agent services account.'
    : journey === 'individual'
      ? 'Sign in with the Government Gateway user ID you use for your personal tax.'
      : "Sign in with your business's Government Gateway user ID.";
  const page = (res: Response, session: SignUpSession, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-sign-in.njk', { title: 'Sign in', hint, action: `${base}/sign-in`, csrfToken: session.csrfToken, ...extra }, status);

  router.get('/sign-in', async (req, res) => page(res, await sessions.currentOrNew(req, res)));
  router.post('/sign-in', async (req, res) => {
    const session = (await sessions.current(req))!; // the CSRF check has already required one
    const userId = field(req.body, 'userId').trim();
    const password = field(req.body, 'password');
    const problems: Record<string, string> = {};
    if (!userId) problems.userId = 'Enter your user ID';
    if (!password) problems.password = 'Enter your password';
    if (Object.keys(problems).length) return page(res, session, { userId, ...errorsFor(problems) }, 400);
    const result = await checkSignIn(userId, password, `sign-up ${session.id}`);
    if (result.outcome === 'locked' || result.outcome === 'wrong-password:locked') {
      return message(res, 401, 'Your account is locked', ['You have entered the wrong password too many times. Try again later.']);
    }
    const account = result.outcome === 'signed-in' && !result.account.locked ? result.account : undefined; // a locked account never signs in
    if (!account) return page(res, session, { userId: userId.slice(0, 100), errors: [{ text: 'Invalid user ID or password. Try again.', href: '#userId' }] }, 401);

    const refusal = refuse(account);
    if (refusal) return message(res, 403, 'You cannot use this service', [refusal], [{ text: 'Sign in with a different user ID', href: `${base}/sign-in`, testid: 'sign-in-again' }]);
    await sessions.end(session, res);
    const fresh = await sessions.create(res, { journey, userId: account.userId, answers: {} });
    if (!agent) {
      if (isSignedUp(account)) return message(res, 200, 'You have already signed up', ['You are already signed up for Making Tax Digital for Income Tax. Your software can send HMRC your income and expenses.']);
      if ((await ctx.signUps.list({ nino: account.identifiers.nino, status: 'pending' })).length)
        return message(res, 200, 'Your sign-up is being processed', ['We are processing your sign-up for Making Tax Digital for Income Tax. We will tell you the outcome within 3 days.']);
      if (await ctx.signUps.notEligibleUpFront(account)) return kit.notEligible(res, await ctx.signUps.submit({ journey, client: account, contactPreference: 'letters' }));
    }
    res.redirect(303, `${base}/${firstIncomplete(journey, fresh.answers, await ctx.signUps.emailLinks.verified(account.userId))}`);
  });

  /** Why this account cannot use this journey, if it cannot. */
  function refuse(account: Account): string | undefined {
    if (agent) {
      const isAgent = account.affinityGroup === 'Agent' && account.enrolments.some((e) => e.key === 'HMRC-AS-AGENT') && account.identifiers.agentServicesAccountNumber;
      return isAgent ? undefined : 'You signed in with a user ID that is not for an agent services account. Sign in with the user ID of your agent services account.';
    }
    if (account.affinityGroup !== (journey === 'individual' ? 'Individual' : 'Organisation'))
      return journey === 'individual'
        ? 'This service is for individuals. Agents sign up their clients, and businesses use the business sign-up.'
        : 'This service is for businesses (organisation accounts). Individuals and agents have their own sign-up.';
    if (!account.identifiers.nino) return 'We cannot find a National Insurance number for this account, so it cannot be signed up for Making Tax Digital for Income Tax.';
    return undefined;
  }
}
