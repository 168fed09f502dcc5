/**
 * The catalogue of link-software journey outcomes: what a tester (or a CI preset) can choose, the
 * step it concerns, and what the software receives. docs/journey.md's outcome table follows it.
 *
 * HMRC documents only the denial ("error=access_denied&error_description=user+denied+the+authorization
 * &error_code=USER_DENIED_AUTHORIZATION", Developer Hub "User-restricted endpoints") and says other
 * error codes exist. What production does when 2-step verification or identity checks fail is not
 * public (hmrc-platform.md §11); the emulator's choice: the user stays on an HMRC page and the software
 * receives nothing, until the user chooses "Return to the software", which redirects with
 * `error=access_denied` and an `error_code` naming the cause. Headless (auto) journeys return at once.
 */
export type JourneyStep = 'start' | 'sign-in' | 'two-step' | 'identity' | 'grant' | 'session';

export type OutcomeId =
  | 'grant'
  | 'deny'
  | 'fail-2sv'
  | 'time-out'
  | 'iv-success'
  | 'iv-failed-matching'
  | 'iv-insufficient-evidence'
  | 'iv-locked-out'
  | 'iv-user-aborted'
  | 'iv-timed-out'
  | 'iv-technical-issue'
  | 'iv-precondition-failed';

/** Failures that happen on their own (not presettable): sign-in lock-out, HMRC-locked account, agent without an agent services account. */
export type FailureId = Exclude<OutcomeId, 'grant' | 'iv-success'> | 'sign-in-locked' | 'account-locked' | 'agent-services-account-required';

export interface Outcome {
  id: FailureId | OutcomeId;
  step: JourneyStep;
  description: string;
  /** `error_description` of the redirect, when the software receives an error. */
  errorDescription?: string;
  /** `error_code` of the redirect. */
  errorCode?: string;
  /** The identity-verification choice on the stub page (`data-testid="iv-outcome-<ivOutcome>"`). */
  ivOutcome?: string;
  /** Whether the failure page offers "Try again". */
  retry?: boolean;
}

export const OUTCOMES: readonly Outcome[] = [
  { id: 'grant', step: 'grant', description: 'The user grants authority: the software receives `code` and `state`.' },
  { id: 'deny', step: 'grant', description: 'The user chooses "Do not grant authority".', errorDescription: 'user denied the authorization', errorCode: 'USER_DENIED_AUTHORIZATION' },
  { id: 'fail-2sv', step: 'two-step', description: 'The user enters wrong access codes until 2-step verification locks them out.', errorDescription: 'user failed 2-step verification', errorCode: 'TWO_STEP_VERIFICATION_FAILED' },
  { id: 'time-out', step: 'session', description: 'The user is inactive for longer than the session time-out and is signed out.', errorDescription: 'the session timed out', errorCode: 'SESSION_TIMED_OUT' },
  { id: 'iv-success', step: 'identity', ivOutcome: 'success', description: "Identity confirmed: the account's confidence level is raised to what the scopes need and the journey continues." },
  { id: 'iv-failed-matching', step: 'identity', ivOutcome: 'failed-matching', retry: true, description: 'The details the user gave did not match HMRC records.', errorDescription: 'identity verification failed: failed matching', errorCode: 'IDENTITY_FAILED_MATCHING' },
  { id: 'iv-insufficient-evidence', step: 'identity', ivOutcome: 'insufficient-evidence', retry: true, description: 'The user could not give enough evidence to confirm their identity.', errorDescription: 'identity verification failed: insufficient evidence', errorCode: 'IDENTITY_INSUFFICIENT_EVIDENCE' },
  { id: 'iv-locked-out', step: 'identity', ivOutcome: 'locked-out', description: 'The user failed identity checks too many times and is locked out of them.', errorDescription: 'identity verification failed: locked out', errorCode: 'IDENTITY_LOCKED_OUT' },
  { id: 'iv-user-aborted', step: 'identity', ivOutcome: 'user-aborted', retry: true, description: 'The user stopped the identity checks.', errorDescription: 'identity verification failed: user aborted', errorCode: 'IDENTITY_USER_ABORTED' },
  { id: 'iv-timed-out', step: 'identity', ivOutcome: 'timed-out', retry: true, description: 'The identity checks timed out.', errorDescription: 'identity verification failed: timed out', errorCode: 'IDENTITY_TIMED_OUT' },
  { id: 'iv-technical-issue', step: 'identity', ivOutcome: 'technical-issue', retry: true, description: 'Identity verification had a technical problem.', errorDescription: 'identity verification failed: technical issue', errorCode: 'IDENTITY_TECHNICAL_ISSUE' },
  { id: 'iv-precondition-failed', step: 'identity', ivOutcome: 'precondition-failed', description: 'The user cannot confirm their identity online (for example, no record to match against).', errorDescription: 'identity verification failed: precondition failed', errorCode: 'IDENTITY_PRECONDITION_FAILED' },
  { id: 'sign-in-locked', step: 'sign-in', retry: true, description: 'Too many wrong passwords: the user ID is locked until the lock-out ends (not presettable).', errorDescription: 'the account is locked', errorCode: 'ACCOUNT_LOCKED' },
  { id: 'account-locked', step: 'sign-in', description: 'The account is locked by HMRC (persona `individual-locked`; not presettable).', errorDescription: 'the account is locked', errorCode: 'ACCOUNT_LOCKED' },
  { id: 'agent-services-account-required', step: 'sign-in', retry: true, description: 'An agent signed in without an agent services account (production journey; not presettable).', errorDescription: 'agents must sign in with their agent services account', errorCode: 'AGENT_SERVICES_ACCOUNT_REQUIRED' },
];

/** The outcomes a control-API preset may choose. */
export const PRESETTABLE: readonly OutcomeId[] = ['grant', 'deny', 'fail-2sv', 'time-out', 'iv-success', 'iv-failed-matching', 'iv-insufficient-evidence', 'iv-locked-out', 'iv-user-aborted', 'iv-timed-out', 'iv-technical-issue', 'iv-precondition-failed'];

const BY_ID = new Map(OUTCOMES.map((o) => [o.id, o]));

export function findOutcome(id: string): Outcome | undefined {
  return BY_ID.get(id as OutcomeId);
}

export function isPresettable(id: unknown): id is OutcomeId {
  return typeof id === 'string' && (PRESETTABLE as readonly string[]).includes(id);
}

/** The identity outcomes, as the stub page offers them. */
export const IDENTITY_OUTCOMES = OUTCOMES.filter((o) => o.step === 'identity');

const CODE_BY_DESCRIPTION = new Map(OUTCOMES.filter((o) => o.errorDescription && o.errorCode).map((o) => [o.errorDescription!, o.errorCode!]));

/** The `error_code` HMRC-style redirects carry for an `access_denied` with this description. */
export function errorCodeFor(errorDescription: string | null | undefined): string | undefined {
  return errorDescription ? CODE_BY_DESCRIPTION.get(errorDescription) : undefined;
}
