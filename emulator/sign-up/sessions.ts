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

export interface SignUpSession<A = SignUpAnswers> {
  id: string;
  /** Sent as the hidden form field `csrfToken`; lives as long as the session. */
  csrfToken: string;
  journey?: SignUpJourney | undefined;
  userId?: string | undefined;
  answers: A;
  /** The last sign-up submitted in this session, for the confirmation page. */
  submittedId?: string | undefined;
}

/** Where a family of sign-up pages keeps its sessions: the Income Tax pages' by default; VAT sign-up has its own. */
export interface SessionScope {
  /** The store namespace. */
  ns: string;
  cookie: string;
  /** The cookie's path: the pages' base path. */
  path: string;
}

const INCOME_TAX: SessionScope = { ns: 'sign-up-sessions', cookie: SESSION_COOKIE, path: SIGN_UP_PATH };

export class SignUpSessions<A extends object = SignUpAnswers> {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly idleMs: number,
    private readonly scope: SessionScope = INCOME_TAX,
  ) {}

  /** The request's live session, if any. */
  async current(req: Request): Promise<SignUpSession<A> | undefined> {
    const id = readCookie(req, this.scope.cookie);
    if (!id || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) return undefined;
    return this.store.get<SignUpSession<A>>(this.scope.ns, id);
  }

  /** The live session, or a new empty one (with its cookie set). */
  async currentOrNew(req: Request, res: Response): Promise<SignUpSession<A>> {
    return (await this.current(req)) ?? this.create(res, { answers: {} as A });
  }

  /** A new session with a new ID and CSRF token, e.g. on sign-in. */
  async create(res: Response, data: Omit<SignUpSession<A>, 'id' | 'csrfToken'>): Promise<SignUpSession<A>> {
    const session: SignUpSession<A> = { ...data, id: randomBytes(24).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') };
    await this.save(session);
    res.cookie(this.scope.cookie, session.id, { httpOnly: true, sameSite: 'lax', path: this.scope.path });
    return session;
  }

  /** Stores the session and extends its idle timeout. */
  async save(session: SignUpSession<A>): Promise<void> {
    await this.store.set(this.scope.ns, session.id, session, { expiresAt: this.expiry() });
  }

  async end(session: SignUpSession<A>, res: Response): Promise<void> {
    await this.store.delete(this.scope.ns, session.id);
    res.clearCookie(this.scope.cookie, { path: this.scope.path });
  }

  /** Whether `presented` is the session's CSRF token (constant-time comparison). */
  csrfValid(session: SignUpSession<A> | undefined, presented: unknown): boolean {
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
