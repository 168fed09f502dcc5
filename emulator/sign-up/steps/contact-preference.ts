import type express from 'express';
import type { Response } from 'express';
import type { PageContext } from '../../pages/pages.js';
import { emailProblem, parseContactPreference } from '../validate-answers.js';
import { field, type Signed, type StepKit } from './kit.js';

/**
 * Whether the taxpayer prefers emails or letters (HMRC: "whether the client prefers emails or
 * letters"), and in the agent journey the client's business email, asked only for emails. Choosing
 * letters forgets any business email given before.
 */
export function contactPreferenceStep(router: express.Router, kit: StepKit): void {
  const { agent, base, render, signed, step, errorsFor } = kit;
  const title = agent ? 'How does your client want to get communications from HMRC?' : 'How do you want to get communications from HMRC?';
  const page = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-contact-preference.njk', { title, action: `${base}/contact-preference`, csrfToken: s.session.csrfToken, value: s.session.answers.contactPreference, ...extra }, status);

  router.get('/contact-preference', step('contact-preference'), (_req, res) => page(res, signed(res)));
  router.post('/contact-preference', step('contact-preference'), async (req, res) => {
    const s = signed(res);
    const preference = parseContactPreference(field(req.body, 'contactPreference'));
    if (!preference) return page(res, s, errorsFor({ contactPreference: agent ? 'Select how your client wants to get communications from HMRC' : 'Select how you want to get communications from HMRC' }), 400);
    await kit.save(s, preference === 'letters' ? { contactPreference: preference, businessEmail: undefined, ...(agent ? {} : { pendingEmail: undefined }) } : { contactPreference: preference });
    kit.next(res, s);
  });

  if (!agent) return;
  const clientEmailPage = (res: Response, s: Signed, extra: Partial<PageContext> = {}, status = 200): void =>
    render(res, 'sign-up-email.njk', {
      title: "What is your client's business email address?",
      hint: 'When you submit the sign-up, we will email your client a link to confirm this address. The link expires in 3 days.',
      action: `${base}/client-email`,
      csrfToken: s.session.csrfToken,
      email: s.session.answers.businessEmail,
      ...extra,
    }, status);
  router.get('/client-email', step('client-email'), (_req, res) => clientEmailPage(res, signed(res)));
  router.post('/client-email', step('client-email'), async (req, res) => {
    const s = signed(res);
    const email = field(req.body, 'email').trim();
    const problem = emailProblem(email, "your client's");
    if (problem) return clientEmailPage(res, s, { email, ...errorsFor({ email: problem }) }, 400);
    await kit.save(s, { businessEmail: email });
    kit.next(res, s);
  });
}
