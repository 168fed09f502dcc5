import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import { SIGN_UP_PATH } from './paths.js';
import type { ContactPreference, SignUpJourney } from './sign-up.js';

/**
 * The sign-up pages' sessions: a random ID in an HttpOnly, SameSite=Lax cookie scoped to the sign-up
 * path, the answers so far in the store. GOV.UK services time out after 15 minutes of inactivity; so
 * does this, on the virtual clock (`journeyLimits.sessionTimeoutSeconds`, shared with the link-software
 * journey). Signing in replaces the session ID (no fixation). Every form
 * carries the session's CSRF token (`csrfToken`), compared in constant time.
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

export interface SignUpSession {
  id: string;
  /** Sent as the hidden form field `csrfToken`; lives as long as the session. */
  csrfToken: string;
  journey?: SignUpJourney | undefined;
  userId?: string | undefined;
  answers: SignUpAnswers;
  /** The last sign-up submitted in this session, for the confirmation page. */
  submittedId?: string | undefined;
}

const NS = 'sign-up-sessions';

export class SignUpSessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly idleMs: number,
  ) {}

  /** The request's live session, if any. */
  async current(req: Request): Promise<SignUpSession | undefined> {
    const id = readCookie(req, SESSION_COOKIE);
    if (!id || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) return undefined;
    return this.store.get<SignUpSession>(NS, id);
  }

  /** The live session, or a new empty one (with its cookie set). */
  async currentOrNew(req: Request, res: Response): Promise<SignUpSession> {
    return (await this.current(req)) ?? this.create(res, { answers: {} });
  }

  /** A new session with a new ID and CSRF token, e.g. on sign-in. */
  async create(res: Response, data: Omit<SignUpSession, 'id' | 'csrfToken'>): Promise<SignUpSession> {
    const session: SignUpSession = { ...data, id: randomBytes(24).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') };
    await this.save(session);
    res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'lax', path: SIGN_UP_PATH });
    return session;
  }

  /** Stores the session and extends its idle timeout. */
  async save(session: SignUpSession): Promise<void> {
    await this.store.set(NS, session.id, session, { expiresAt: this.expiry() });
  }

  async end(session: SignUpSession, res: Response): Promise<void> {
    await this.store.delete(NS, session.id);
    res.clearCookie(SESSION_COOKIE, { path: SIGN_UP_PATH });
  }

  /** Whether `presented` is the session's CSRF token (constant-time comparison). */
  csrfValid(session: SignUpSession | undefined, presented: unknown): boolean {
    if (!session || typeof presented !== 'string') return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private expiry(): number {
    return this.clock.now() + this.idleMs;
  }
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
