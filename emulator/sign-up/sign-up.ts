/**
 * A sign-up to Making Tax Digital for Income Tax, as the emulator keeps it. Three journeys lead here:
 * an agent signs up a client, an individual signs up, a business (organisation account) signs up.
 */
export type SignUpJourney = 'agent' | 'individual' | 'business';

/** `pending` until the decision is due on the virtual clock; then one of the three outcomes. */
export type SignUpStatus = 'pending' | 'approved' | 'rejected' | 'not-eligible';

/** A decision the emulator can be told to make instead of its default (approved after the configured delay). */
export type SignUpOutcome = 'approved' | 'rejected' | 'not-eligible';

/** The outcomes a test can preset (control API), each with where it applies and what it does. docs/sign-up.md lists them. */
export const SIGN_UP_OUTCOME_CATALOGUE: ReadonlyArray<{ id: SignUpOutcome; appliesTo: string; description: string }> = [
  { id: 'approved', appliesTo: 'decision', description: 'The taxpayer gains HMRC-MTD-IT with an MTDITID; in the agent journey the agent gains a main MTD-IT relationship. The default after signUps.approvalDelay.' },
  { id: 'rejected', appliesTo: 'decision', description: 'The sign-up is unsuccessful: no enrolment, no relationship; the outcome is emailed.' },
  { id: 'not-eligible', appliesTo: 'eligibility check', description: 'The journey stops at the client details step (agent) or at sign-in (individual, business) with "cannot sign up … yet"; also the default for a taxpayer without a Self Assessment UTR.' },
];
export const SIGN_UP_OUTCOMES: readonly SignUpOutcome[] = SIGN_UP_OUTCOME_CATALOGUE.map((o) => o.id);

export type ContactPreference = 'emails' | 'letters';

export interface SignUp {
  /** `SU` + 10 digits, e.g. `SU0000000001`. */
  id: string;
  journey: SignUpJourney;
  status: SignUpStatus;
  /** The taxpayer's National Insurance number, upper case without spaces. */
  nino: string;
  /** The postcode the agent gave (agent journey only). */
  postcode?: string | undefined;
  /** The Government Gateway user ID of the taxpayer being signed up. */
  clientUserId: string;
  /** The agent's user ID and agent reference number (agent journey only). */
  agentUserId?: string | undefined;
  arn?: string | undefined;
  /** The agent's verified email address (agent journey only). */
  agentEmail?: string | undefined;
  contactPreference: ContactPreference;
  /** The taxpayer's business email address, when the contact preference is `emails`. */
  businessEmail?: string | undefined;
  /** When the business email address was verified (virtual time, ISO-8601); absent until then. */
  businessEmailVerifiedAt?: string | undefined;
  /** Virtual time, ISO-8601. */
  submittedAt: string;
  /** When the decision is (or was) due. */
  decisionDueAt: string;
  decidedAt?: string | undefined;
  /** The outcome preset through the control API, if any. */
  presetOutcome?: SignUpOutcome | undefined;
  /**
   * The outcome applied when the decision is due: the preset, else `not-eligible` for a taxpayer not
   * registered for Self Assessment, else `approved`.
   */
  plannedOutcome: SignUpOutcome;
  /** The MTD Income Tax ID granted on approval. */
  mtdItId?: string | undefined;
}
