import type { EmulatorContext } from '../context.js';
import { pageSessions, type PageSession, type PageSessions } from '../pages/page-sessions.js';
import { SIGN_UP_PATH } from './paths.js';
import type { ContactPreference, SignUpJourney } from './sign-up.js';

/**
 * The sign-up pages' sessions: the one page-session store (pages/page-sessions.ts) holding the answers so far.
 * GOV.UK services time out after 15 minutes of inactivity; so does this, on the virtual clock
 * (`journeyLimits.sessionTimeoutSeconds`, shared with the link-software journey).
 */
export const SESSION_COOKIE = 'mtd-sign-up';

export interface SignUpAnswers {
  nino?: string | undefined;
  postcode?: string | undefined;
  clientUserId?: string | undefined;
  /** An email address waiting for its verification link to be followed. */
  pendingEmail?: string | undefined;
  contactPreference?: ContactPreference | undefined;
  businessEmail?: string | undefined;
}

/** What a sign-up session holds, the Income Tax answers by default; VAT sign-up keeps its own. */
export interface SignUpData<A = SignUpAnswers> {
  journey?: SignUpJourney | undefined;
  userId?: string | undefined;
  answers: A;
  /** The last sign-up submitted in this session, for the confirmation page. */
  submittedId?: string | undefined;
}

export type SignUpSession<A = SignUpAnswers> = PageSession<SignUpData<A>>;
export type SignUpSessions<A = SignUpAnswers> = PageSessions<SignUpData<A>>;

/** Where a family of sign-up pages keeps its sessions: the Income Tax pages' by default; VAT sign-up has its own. */
export interface SessionPlace {
  /** The store namespace. */
  ns: string;
  cookie: string;
  /** The cookie's path: the pages' base path. */
  path: string;
}

const INCOME_TAX: SessionPlace = { ns: 'sign-up-sessions', cookie: SESSION_COOKIE, path: SIGN_UP_PATH };

export function signUpSessions<A extends object = SignUpAnswers>(ctx: EmulatorContext, place: SessionPlace = INCOME_TAX): SignUpSessions<A> {
  return pageSessions<SignUpData<A>>(ctx, { ...place, blank: () => ({ answers: {} as A }) });
}
