import express from 'express';
import { journeyBase } from './journey-steps.js';
import { SERVICE_NAME, type JourneyDeps } from './steps/kit.js';

/**
 * `GET /report-quarterly/income-and-expenses/sign-up/verify-email/{token}`: the link in a verification
 * email. HMRC: the link expires after 3 days; it works once. The first use within 3 days confirms the
 * address (200); a used link answers 410 "This link has already been used", a late one 410 "This link
 * has expired", an unknown one 404. It needs no session: the email may be opened anywhere.
 */
export function verifyEmailRoute({ ctx, pages }: JourneyDeps): express.Router {
  const router = express.Router();
  router.get('/:token', async (req, res) => {
    const outcome = await ctx.signUps.emailLinks.consume(String(req.params.token));
    const render = (status: number, title: string, paragraphs: string[], actions: Array<{ text: string; href: string; testid: string }> = []): void =>
      pages.render(res, 'message.njk', { title, serviceName: SERVICE_NAME.individual, paragraphs, actions }, status);
    if (outcome.result === 'unknown') return render(404, 'This link is not valid', ['Check that you copied the whole link from the email.']);
    const { link } = outcome;
    const resend = link.purpose === 'client-email' ? 'Contact whoever signed you up to get a new link.' : 'Sign in again and enter your email address to get a new link.';
    if (outcome.result === 'expired') return render(410, 'This link has expired', [`The link to confirm ${link.email} expired after 3 days.`, resend]);
    if (outcome.result === 'used') return render(410, 'This link has already been used', [`The link to confirm ${link.email} has already been used. Each link works once.`, resend]);

    if (link.purpose === 'client-email' && link.signUpId) await ctx.signUps.businessEmailVerified(link.signUpId);
    const owner = await ctx.accounts.find(link.userId);
    const journey = link.purpose === 'agent-email' ? 'agent' : owner?.affinityGroup === 'Organisation' ? 'business' : 'individual';
    const continueTo = link.purpose === 'client-email' ? undefined : `${journeyBase(journey)}/check-your-email`;
    render(200, 'Email address confirmed', [`You have confirmed ${link.email}.`], continueTo ? [{ text: 'Continue', href: continueTo, testid: 'continue' }] : []);
  });
  return router;
}
