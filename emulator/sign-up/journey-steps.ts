import { firstUnanswered, reachable as reachableIn, type QuestionTable } from '../pages/question-table.js';
import type { VerifiedEmail } from './email-links.js';
import { SIGN_UP_PATH } from './paths.js';
import type { SignUpAnswers } from './sign-up-sessions.js';
import type { SignUpJourney } from './sign-up.js';

/**
 * Each journey's questions as one ordered table (pages/question-table.ts). HMRC ("Sign up your clients for Making
 * Tax Digital for Income Tax"): the client's National Insurance number and postcode; the agent's own email address,
 * verified once; whether the client prefers emails or letters; the client's business email; check answers; confirm
 * and submit. Individuals and businesses answer the preference and, for emails, give and verify their business email
 * address. Where the user goes next is the first unanswered row that applies; a later page is not reachable (the
 * router sends the user back), so no step can be skipped by typing its URL.
 */
export type Step = 'client-details' | 'email' | 'check-your-email' | 'contact-preference' | 'client-email' | 'check-answers';

/** What decides where a journey is: the session's answers and the address the user has verified, if any. */
interface Facts {
  a: SignUpAnswers;
  verified: VerifiedEmail | undefined;
}

const wantsEmails = ({ a }: Facts): boolean => a.contactPreference === 'emails';
/** A taxpayer's business email is done once that very address is verified. */
const businessEmailVerified = ({ a, verified }: Facts): boolean => Boolean(a.businessEmail && verified?.email === a.businessEmail);

export const SIGN_UP_QUESTIONS: Record<SignUpJourney, QuestionTable<Step, Facts>> = {
  agent: [
    { id: 'client-details', answered: ({ a }) => Boolean(a.clientUserId) },
    { id: 'email', answered: ({ a, verified }) => Boolean(verified || a.pendingEmail) },
    { id: 'check-your-email', applies: ({ a }) => Boolean(a.pendingEmail), answered: ({ verified }) => Boolean(verified) },
    { id: 'contact-preference', answered: ({ a }) => Boolean(a.contactPreference) },
    { id: 'client-email', applies: wantsEmails, answered: ({ a }) => Boolean(a.businessEmail) },
    { id: 'check-answers' },
  ],
  individual: taxpayerQuestions(),
  business: taxpayerQuestions(),
};

function taxpayerQuestions(): QuestionTable<Step, Facts> {
  return [
    { id: 'contact-preference', answered: ({ a }) => Boolean(a.contactPreference) },
    { id: 'email', applies: wantsEmails, answered: (f) => businessEmailVerified(f) || Boolean(f.a.pendingEmail) },
    { id: 'check-your-email', applies: ({ a }) => Boolean(a.pendingEmail), answered: (f) => !wantsEmails(f) || businessEmailVerified(f) },
    { id: 'check-answers' },
  ];
}

/** The URL segment of each journey under the sign-up path. */
export const JOURNEY_SEGMENT: Record<SignUpJourney, string> = { agent: 'client', individual: 'individual', business: 'business' };

export const journeyBase = (journey: SignUpJourney): string => `${SIGN_UP_PATH}/${JOURNEY_SEGMENT[journey]}`;

export function firstIncomplete(journey: SignUpJourney, a: SignUpAnswers, verified: VerifiedEmail | undefined): Step {
  return firstUnanswered(SIGN_UP_QUESTIONS[journey], { a, verified });
}

/** Whether `step` may be shown now: it is part of the journey and the first incomplete question or an earlier one. */
export function reachable(journey: SignUpJourney, step: Step, a: SignUpAnswers, verified: VerifiedEmail | undefined): boolean {
  return reachableIn(SIGN_UP_QUESTIONS[journey], step, { a, verified });
}
