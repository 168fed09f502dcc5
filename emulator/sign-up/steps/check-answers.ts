import type express from 'express';
import { SignUpError } from '../sign-up-error.js';
import type { StepKit } from './kit.js';

/**
 * Check your answers, confirm and submit; then the confirmation page with the reference and the
 * sign-up's status (HMRC: "approval can take up to 3 days"). Submitting clears the answers, so an
 * agent can sign up the next client.
 */
export function checkAnswersStep(router: express.Router, kit: StepKit): void {
  const { ctx, sessions, journey, agent, base, render, signed, step } = kit;

  router.get('/check-answers', step('check-answers'), (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const preference = a.contactPreference === 'emails' ? 'Emails' : 'Letters';
    const emails = a.contactPreference === 'emails';
    const rows = agent
      ? [
          { key: 'National Insurance number', value: a.nino, href: `${base}/client-details`, testid: 'nino' },
          { key: 'Postcode', value: a.postcode, href: `${base}/client-details`, testid: 'postcode' },
          { key: 'Your email address', value: s.verified?.email, testid: 'agent-email' },
          { key: 'Contact preference', value: preference, href: `${base}/contact-preference`, testid: 'contact-preference' },
          ...(emails ? [{ key: "Client's business email address", value: a.businessEmail, href: `${base}/client-email`, testid: 'business-email' }] : []),
        ]
      : [
          { key: 'National Insurance number', value: s.account.identifiers.nino, testid: 'nino' },
          { key: 'Contact preference', value: preference, href: `${base}/contact-preference`, testid: 'contact-preference' },
          ...(emails ? [{ key: 'Business email address', value: a.businessEmail, href: `${base}/email`, testid: 'business-email' }] : []),
        ];
    render(res, 'sign-up-check-answers.njk', {
      title: 'Check your answers',
      rows,
      action: `${base}/check-answers`,
      csrfToken: s.session.csrfToken,
      declaration: agent
        ? 'By submitting this sign-up, you confirm that your client has agreed to use software to send HMRC their income and expenses.'
        : 'By submitting this sign-up, you agree to use software to send HMRC your income and expenses.',
    });
  });

  router.post('/check-answers', step('check-answers'), async (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const client = agent ? await ctx.accounts.find(a.clientUserId!) : s.account;
    if (!client) throw new SignUpError('not_found', 'The client account no longer exists');
    const signUp = await ctx.signUps.submit({
      journey,
      client,
      agent: agent ? s.account : undefined,
      agentEmail: agent ? s.verified?.email : undefined,
      postcode: a.postcode,
      contactPreference: a.contactPreference!,
      businessEmail: a.businessEmail,
      businessEmailVerified: !agent,
    });
    s.session.answers = {};
    s.session.submittedId = signUp.id;
    await sessions.update(s.session);
    res.redirect(303, `${base}/confirmation`);
  });

  router.get('/confirmation', async (_req, res) => {
    const s = signed(res);
    const signUp = s.session.submittedId ? await ctx.signUps.find(s.session.submittedId) : undefined;
    if (!signUp) return kit.next(res, s);
    if (signUp.status === 'not-eligible') return kit.notEligible(res, signUp);
    const them = agent ? 'your client' : 'you';
    const titles = { pending: 'Sign-up submitted', approved: 'Sign-up complete', rejected: 'Sign-up unsuccessful' } as const;
    const paragraphs = {
      pending: [`We will tell you the outcome within 3 days${agent && signUp.agentEmail ? ` by email to ${signUp.agentEmail}` : ''}.`],
      approved: [`We have signed up ${them} for Making Tax Digital for Income Tax. Software can now send HMRC ${agent ? 'their' : 'your'} income and expenses.`],
      rejected: [`We could not sign up ${them} for Making Tax Digital for Income Tax.`],
    }[signUp.status];
    if (agent && signUp.businessEmail) paragraphs.push(`We have sent your client an email asking them to confirm ${signUp.businessEmail}. The link expires in 3 days.`);
    render(res, 'sign-up-confirmation.njk', {
      title: titles[signUp.status],
      reference: signUp.id,
      status: signUp.status,
      paragraphs,
      actions: agent ? [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }] : [],
    });
  });
}
