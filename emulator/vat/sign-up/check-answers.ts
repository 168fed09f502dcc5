import type express from 'express';
import { VAT_SIGN_UP_PATH } from './paths.js';
import type { VatKit } from './kit.js';
import { BUSINESS_TYPES } from './vat-sign-up.js';

/**
 * Check your answers, confirm and submit (HMRC `check-your-answers-final`); then `information-received` with the
 * reference: confirmation can take up to 72 hours, and the emulator approves it 72 hours later on the
 * virtual clock (decision 0015). Submitting clears the answers.
 */
export function checkAnswersStep(router: express.Router, kit: VatKit): void {
  const { ctx, sessions, render, signed, step } = kit;
  const href = (page: string): string => `${VAT_SIGN_UP_PATH}/${page}`;

  router.get('/check-your-answers', step('check-your-answers'), (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const rows = [
      { key: 'VAT number', value: a.vrn, href: href('vat-number'), testid: 'vat-number' },
      { key: 'VAT registration date', value: longDate(a.vatRegistrationDate), href: href('vat-registration-date'), testid: 'vat-registration-date' },
      { key: 'Business type', value: BUSINESS_TYPES.find((t) => t.id === a.businessType)?.text, href: href('business-type'), testid: 'business-type' },
      { key: 'Business name', value: a.businessName, href: href('business-details'), testid: 'business-name' },
      ...(a.companyNumber ? [{ key: 'Company registration number', value: a.companyNumber, href: href('business-details'), testid: 'company-number' }] : []),
      { key: 'Email address', value: a.email, href: href('email-address'), testid: 'email' },
      { key: 'Contact preference', value: a.contactPreference === 'digital' ? 'Email' : 'Letters', href: href('receive-email-notifications'), testid: 'contact-preference' },
    ];
    render(res, 'sign-up-check-answers.njk', {
      title: 'Check your answers',
      rows,
      action: href('check-your-answers'),
      csrfToken: s.session.csrfToken,
      declaration: 'By submitting this sign-up, you agree to use software that works with Making Tax Digital for VAT to keep records and submit your VAT Returns.',
    });
  });

  router.post('/check-your-answers', step('check-your-answers'), async (_req, res) => {
    const s = signed(res);
    const a = s.session.answers;
    const signUp = await ctx.vatSignUps.submit({
      account: s.account,
      vrn: a.vrn!,
      businessType: a.businessType!,
      businessName: a.businessName!,
      companyNumber: a.companyNumber,
      email: a.email!,
      contactPreference: a.contactPreference!,
    });
    s.session.answers = {};
    s.session.submittedId = signUp.id;
    await sessions.update(s.session);
    res.redirect(303, href('information-received'));
  });

  router.get('/information-received', async (_req, res) => {
    const s = signed(res);
    const signUp = s.session.submittedId ? await ctx.vatSignUps.find(s.session.submittedId) : undefined;
    if (!signUp) return kit.next(res, s);
    render(res, 'sign-up-confirmation.njk', {
      title: signUp.status === 'approved' ? 'You have signed up for Making Tax Digital for VAT' : 'We have received your information',
      reference: signUp.id,
      status: signUp.status,
      paragraphs: [
        signUp.status === 'approved'
          ? 'Your software can now submit your VAT Returns to HMRC.'
          : `We will email ${signUp.email} within 72 hours to confirm your business is signed up. Until then, keep submitting your VAT Returns as you do now: software cannot submit them for VAT registration number ${signUp.vrn} yet.`,
      ],
      actions: [],
    });
  });
}

/** `2017-04-01` → `1 April 2017`, as GOV.UK writes dates. */
function longDate(iso: string | undefined): string | undefined {
  return iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : undefined;
}
