import type { VerifiedEmail } from './email-links.js';
import { SIGN_UP_PATH } from './paths.js';
import type { SignUpAnswers } from './sign-up-sessions.js';
import type { SignUpJourney } from './sign-up.js';

/**
 * The order of each journey's questions, declared once. HMRC ("Sign up your clients for Making Tax
 * Digital for Income Tax"): the client's National Insurance number and postcode; the agent's own email
 * address, verified once; whether the client prefers emails or letters; the client's business email;
 * check answers; confirm and submit. Individuals and businesses answer the preference and, for emails,
 * give and verify their business email address.
 *
 * `firstIncomplete` names the first question not yet answered; a page later than it is not reachable
 * (the router sends the user back to it), so no step can be skipped by typing its URL.
 */
export type Step = 'client-details' | 'email' | 'check-your-email' | 'contact-preference' | 'client-email' | 'check-answers';

export const STEPS: Record<SignUpJourney, readonly Step[]> = {
  agent: ['client-details', 'email', 'check-your-email', 'contact-preference', 'client-email', 'check-answers'],
  individual: ['contact-preference', 'email', 'check-your-email', 'check-answers'],
  business: ['contact-preference', 'email', 'check-your-email', 'check-answers'],
};

/** The URL segment of each journey under the sign-up path. */
export const JOURNEY_SEGMENT: Record<SignUpJourney, string> = { agent: 'client', individual: 'individual', business: 'business' };

export const journeyBase = (journey: SignUpJourney): string => `${SIGN_UP_PATH}/${JOURNEY_SEGMENT[journey]}`;

export function firstIncomplete(journey: SignUpJourney, a: SignUpAnswers, verified: VerifiedEmail | undefined): Step {
  const awaitingEmail = (): Step => (a.pendingEmail ? 'check-your-email' : 'email');
  if (journey === 'agent') {
    if (!a.clientUserId) return 'client-details';
    if (!verified) return awaitingEmail();
    if (!a.contactPreference) return 'contact-preference';
    if (a.contactPreference === 'emails' && !a.businessEmail) return 'client-email';
    return 'check-answers';
  }
  if (!a.contactPreference) return 'contact-preference';
  if (a.contactPreference === 'emails' && !(a.businessEmail && verified?.email === a.businessEmail)) return awaitingEmail();
  return 'check-answers';
}

/** Whether `step` may be shown now: it is the first incomplete question or an earlier one. */
export function reachable(journey: SignUpJourney, step: Step, a: SignUpAnswers, verified: VerifiedEmail | undefined): boolean {
  const order = STEPS[journey];
  const first = firstIncomplete(journey, a, verified);
  if (step === 'check-your-email' && !a.pendingEmail) return false;
  const businessEmailStep = journey === 'agent' ? 'client-email' : 'email';
  if (step === businessEmailStep && a.contactPreference !== 'emails') return false;
  return order.indexOf(step) <= order.indexOf(first);
}
