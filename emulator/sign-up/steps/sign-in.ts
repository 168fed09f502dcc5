import type express from 'express';
import type { Account } from '../../accounts/account.js';
import { firstIncomplete } from '../journey-steps.js';
import { isSignedUp } from '../match-client.js';
import { signUpSignInRoutes } from '../sign-in-routes.js';
import type { StepKit } from './kit.js';

/**
 * Sign in, through the sign-up services' one sign-in step (sign-in-routes.ts). HMRC: agents "must use the
 * Government Gateway user ID of their agent services account" (affinity Agent, enrolment HMRC-AS-AGENT); individuals
 * and businesses sign in with their own, and the account type must match the journey. A taxpayer already signed up,
 * with a sign-up pending, or not eligible is told so at once.
 */
export function signInStep(router: express.Router, kit: StepKit): void {
  const { ctx, sessions, journey, agent, base, render, message } = kit;
  signUpSignInRoutes(router, {
    ctx,
    sessions,
    action: `${base}/sign-in`,
    hint: agent
      ? 'Sign in with the Government Gateway user ID of your agent services account.'
      : journey === 'individual'
        ? 'Sign in with the Government Gateway user ID you use for your personal tax.'
        : "Sign in with your business's Government Gateway user ID.",
    service: 'sign-up',
    render,
    message,
    refuse,
    signedIn: (account) => ({ journey, userId: account.userId, answers: {} }),
    async proceed(res, account, fresh) {
      if (!agent) {
        if (isSignedUp(account)) return message(res, 200, 'You have already signed up', ['You are already signed up for Making Tax Digital for Income Tax. Your software can send HMRC your income and expenses.']);
        if ((await ctx.signUps.list({ nino: account.identifiers.nino, status: 'pending' })).length)
          return message(res, 200, 'Your sign-up is being processed', ['We are processing your sign-up for Making Tax Digital for Income Tax. We will tell you the outcome within 3 days.']);
        if (await ctx.signUps.notEligibleUpFront(account)) return kit.notEligible(res, await ctx.signUps.submit({ journey, client: account, contactPreference: 'letters' }));
      }
      res.redirect(303, `${base}/${firstIncomplete(journey, fresh.answers, await ctx.signUps.emailLinks.verified(account.userId))}`);
    },
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
