import type { VatAnswers } from './vat-sign-up.js';

/**
 * The order of the VAT sign-up questions, declared once, under HMRC's page paths (hmrc/vat-sign-up-frontend
 * `conf/principal.routes`): the VAT number, the known facts (registration date, then the business postcode),
 * the business type and details, the email address and how to be contacted, then check your answers.
 *
 * `firstIncomplete` names the first question not yet answered; a page later than it is not reachable (the
 * router sends the user back to it), so no step can be skipped by typing its URL.
 */
export const VAT_STEPS = ['vat-number', 'vat-registration-date', 'business-postcode', 'business-type', 'business-details', 'email-address', 'receive-email-notifications', 'check-your-answers'] as const;
export type VatStep = (typeof VAT_STEPS)[number];

export function firstIncomplete(a: VatAnswers): VatStep {
  if (!a.vrn) return 'vat-number';
  if (!a.vatRegistrationDate) return 'vat-registration-date';
  if (!a.knownFactsMatched) return 'business-postcode';
  if (!a.businessType) return 'business-type';
  if (!a.businessName || (a.businessType === 'limited-company' && !a.companyNumber)) return 'business-details';
  if (!a.email) return 'email-address';
  if (!a.contactPreference) return 'receive-email-notifications';
  return 'check-your-answers';
}

/** Whether `step` may be shown now: it is the first incomplete question or an earlier one. */
export function reachable(step: VatStep, a: VatAnswers): boolean {
  return VAT_STEPS.indexOf(step) <= VAT_STEPS.indexOf(firstIncomplete(a));
}
