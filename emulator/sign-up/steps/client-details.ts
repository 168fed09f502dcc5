import type express from 'express';
import type { Response } from 'express';
import type { Account } from '../../accounts/account.js';
import type { PageContext } from '../../pages/pages.js';
import { clientDetailsProblems, isSignedUp, matchClient, normaliseNino } from '../match-client.js';
import { SignUpError } from '../sign-up-error.js';
import { field, type Signed, type StepKit } from './kit.js';

/**
 * Agent journey: the client's National Insurance number and postcode, which must match HMRC's records
 * (see match-client.ts). A client already signed up, with a sign-up pending, or not eligible is a page
 * of its own; otherwise the answers are kept and the journey moves on.
 */
export function clientDetailsStep(router: express.Router, kit: StepKit): void {
  const { ctx, journey, base, render, message, signed, step, errorsFor } = kit;
  const page = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-client-details.njk', { title: "Enter your client's details", action: `${base}/client-details`, csrfToken: s.session.csrfToken, nino: s.session.answers.nino, postcode: s.session.answers.postcode, ...extra }, status);

  router.get('/client-details', step('client-details'), (_req, res) => page(res, signed(res)));
  router.post('/client-details', step('client-details'), async (req, res) => {
    const s = signed(res);
    const nino = field(req.body, 'nino');
    const postcode = field(req.body, 'postcode');
    const problems = clientDetailsProblems(nino, postcode);
    if (Object.keys(problems).length) return page(res, s, { nino, postcode, ...errorsFor(problems) }, 400);
    let client: Account;
    try {
      client = await matchClient(ctx.accounts, nino, postcode);
    } catch (e) {
      if (!(e instanceof SignUpError)) throw e;
      return page(res, s, { nino, postcode, errors: [{ text: e.message, href: '#nino' }] }, 400);
    }
    const again = [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }];
    if (isSignedUp(client)) return message(res, 200, 'Your client is already signed up', ['This client is already signed up for Making Tax Digital for Income Tax.'], again);
    if ((await ctx.signUps.list({ nino, status: 'pending' })).length)
      return message(res, 200, "Your client's sign-up is being processed", ['We are processing a sign-up for this client. We will tell you the outcome within 3 days.'], again);
    if (await ctx.signUps.notEligibleUpFront(client))
      return kit.notEligible(res, await ctx.signUps.submit({ journey, client, agent: s.account, agentEmail: s.verified?.email, postcode, contactPreference: 'letters' }));
    await kit.save(s, { nino: normaliseNino(nino), postcode: postcode.trim().toUpperCase(), clientUserId: client.userId });
    kit.next(res, s);
  });
}
