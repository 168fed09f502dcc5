import type express from 'express';
import type { Response } from 'express';
import type { PageContext } from '../../pages/pages.js';
import { emailProblem } from '../validate-answers.js';
import { field, type Signed, type StepKit } from './kit.js';

/**
 * An email address confirmed by a link (HMRC: "a verification email whose link expires after 3 days"):
 * the agent's own address, verified once and then remembered; or the individual's or business's
 * business email, verified before check answers (an address verified before is not sent again).
 * `check-your-email` waits until the link has been followed.
 */
export function emailStep(router: express.Router, kit: StepKit): void {
  const { ctx, agent, base, render, signed, step, errorsFor } = kit;
  const title = agent ? 'What is your email address?' : 'What is your business email address?';
  const hint = agent
    ? "We will use this to contact you about your clients' sign-ups. You only need to confirm it once."
    : 'We will send you an email with a link to confirm this address. The link expires in 3 days.';
  const emailPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-email.njk', { title, hint, action: `${base}/email`, csrfToken: s.session.csrfToken, email: agent ? s.session.answers.pendingEmail : s.session.answers.businessEmail, ...extra }, status);

  router.get('/email', step('email'), (_req, res) => emailPage(res, signed(res)));
  router.post('/email', step('email'), async (req, res) => {
    const s = signed(res);
    const email = field(req.body, 'email').trim();
    const problem = emailProblem(email, agent ? 'your' : 'your business');
    if (problem) return emailPage(res, s, { email, ...errorsFor({ email: problem }) }, 400);
    if (!agent && s.verified?.email === email) {
      await kit.save(s, { businessEmail: email, pendingEmail: undefined });
      return kit.next(res, s);
    }
    await ctx.signUps.emailLinks.send(agent ? 'agent-email' : 'own-email', email, s.account.userId);
    await kit.save(s, agent ? { pendingEmail: email } : { businessEmail: email, pendingEmail: email });
    res.redirect(303, `${base}/check-your-email`);
  });

  const waitPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-check-your-email.njk', { title: 'Check your email', email: s.session.answers.pendingEmail, action: `${base}/check-your-email`, changeHref: `${base}/email`, csrfToken: s.session.csrfToken, ...extra }, status);
  router.get('/check-your-email', step('check-your-email'), (_req, res) => waitPage(res, signed(res)));
  router.post('/check-your-email', step('check-your-email'), async (_req, res) => {
    const s = signed(res);
    const pending = s.session.answers.pendingEmail;
    if (!s.verified || s.verified.email !== pending)
      return waitPage(res, s, { errors: [{ text: `You have not confirmed your email address yet. Follow the link in the email we sent to ${pending}.`, href: '#main-content' }] }, 400);
    await kit.save(s, { pendingEmail: undefined });
    kit.next(res, s);
  });
}
