import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../clock/clock.js';
import type { EmulatorContext } from '../context.js';
import type { Store } from '../store/store.js';
import { readCookie } from './cookies.js';
import { sameSecret } from './same-secret.js';

/**
 * A page session: the family's data (who signed in, the answers so far) beside its ID and the CSRF token bound to
 * it. Stored flat, as the sessions of every page family have always been stored.
 */
export type PageSession<D extends object = object> = D & {
  id: string;
  /** Sent as every form's hidden field `csrfToken`; lives and dies with the session. */
  csrfToken: string;
};

/** The data of pages that only need to know who signed in (the agents' pages, Manage your authorised software). */
export interface SignedInUser {
  userId?: string | undefined;
}

export type UserSession = PageSession<SignedInUser>;

/** Where a family of pages keeps its sessions, and for how long. Families that share nothing keep them apart. */
export interface PageSessionScope<D extends object> {
  /** The store namespace. */
  ns: string;
  /** The cookie's name and path (the pages' base path). */
  cookie: string;
  path: string;
  /** Idle timeout on the virtual clock, ms: `journeyLimits.sessionTimeoutSeconds`, 15 minutes as GOV.UK services. */
  idleMs: number;
  /** A new visitor's data, before anyone signs in. */
  blank(): D;
}

const ID = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * The one page-session store of every page family (sign-up, VAT sign-up, the agents' pages, Manage your authorised
 * software): a random ID in an HttpOnly, SameSite=Lax cookie scoped to the pages' path, the data in the store. A
 * session lives `idleMs` of virtual time after the last page that used it, so moving the clock ends it as waiting
 * would. Signing in or out replaces the session (`create` with the previous one: new ID, new CSRF token, no
 * fixation). The CSRF token is compared in constant time (`sameSecret`).
 */
export class PageSessions<D extends object> {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly scope: PageSessionScope<D>,
  ) {}

  /** The request's live session, if any; using it restarts its idle timer. */
  async current(req: Request): Promise<PageSession<D> | undefined> {
    const id = readCookie(req, this.scope.cookie);
    if (!id || !ID.test(id)) return undefined;
    const session = await this.store.get<PageSession<D>>(this.scope.ns, id);
    if (session) await this.update(session);
    return session;
  }

  /** The live session, or a new blank one (with its cookie set). */
  async currentOrNew(req: Request, res: Response): Promise<PageSession<D>> {
    return (await this.current(req)) ?? this.create(res, this.scope.blank());
  }

  /** A new session with a new ID and CSRF token, its cookie set; `previous`, if given, is forgotten. */
  async create(res: Response, data: D, previous?: PageSession<D>): Promise<PageSession<D>> {
    if (previous) await this.store.delete(this.scope.ns, previous.id);
    const session = { ...data, id: randomBytes(24).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') } as PageSession<D>;
    await this.update(session);
    res.cookie(this.scope.cookie, session.id, { httpOnly: true, sameSite: 'lax', path: this.scope.path });
    return session;
  }

  /** Stores the session's data and restarts its idle timer. */
  async update(session: PageSession<D>): Promise<void> {
    await this.store.set(this.scope.ns, session.id, session, { expiresAt: this.clock.now() + this.scope.idleMs });
  }

  /** Forgets the session and clears its cookie. */
  async end(session: PageSession<D>, res: Response): Promise<void> {
    await this.store.delete(this.scope.ns, session.id);
    res.clearCookie(this.scope.cookie, { path: this.scope.path });
  }

  /**
   * Middleware for a whole family: a POST whose `csrfToken` is not its session's is refused with `refused` (thrown,
   * rendered by the one error handler), before any handler sees it.
   */
  csrfGuard(refused: () => Error): RequestHandler {
    return async (req, _res, next) => {
      if (req.method !== 'POST' || this.csrfValid(await this.current(req), (req.body as Record<string, unknown> | undefined)?.csrfToken)) return next();
      throw refused();
    };
  }

  /** Whether `presented` is the session's CSRF token. */
  csrfValid(session: PageSession<D> | undefined, presented: unknown): boolean {
    return session !== undefined && typeof presented === 'string' && sameSecret(presented, session.csrfToken);
  }
}

/** A family's page sessions on the emulator's store and clock, idle for `journeyLimits.sessionTimeoutSeconds`. */
export function pageSessions<D extends object>(ctx: EmulatorContext, place: Omit<PageSessionScope<D>, 'idleMs'>): PageSessions<D> {
  return new PageSessions(ctx.store, ctx.clock, { ...place, idleMs: ctx.config.journeyLimits.sessionTimeoutSeconds * 1000 });
}

/** The page sessions of pages that only need to know who signed in. */
export function signedInSessions(ctx: EmulatorContext, place: { ns: string; cookie: string; path: string }): PageSessions<SignedInUser> {
  return pageSessions<SignedInUser>(ctx, { ...place, blank: () => ({}) });
}
