import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

/**
 * Sessions for the agent and client pages (responding to an authorisation request, copying clients
 * across): a random ID in an HttpOnly, SameSite=Lax cookie scoped to the pages' path, the signed-in user in
 * the store; idle timeout 15 minutes on the virtual clock, as GOV.UK services. Signing in replaces the
 * session (no fixation). Every form carries the session's CSRF token (`csrfToken`), bound to the cookie
 * and compared in constant time.
 */
export interface PageSession {
  id: string;
  csrfToken: string;
  userId?: string | undefined;
}

const IDLE_MS = 15 * 60 * 1000;
const NS = 'agent-page-sessions';

export class PageSessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly cookie: { name: string; path: string },
    /** Where the sessions are kept: pages that share nothing keep them apart. */
    private readonly ns = NS,
  ) {}

  async current(req: Request): Promise<PageSession | undefined> {
    const id = readCookie(req, this.cookie.name);
    if (!id || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) return undefined;
    const session = await this.store.get<PageSession>(this.ns, id);
    if (session) await this.save(session);
    return session;
  }

  async currentOrNew(req: Request, res: Response): Promise<PageSession> {
    return (await this.current(req)) ?? this.create(res);
  }

  /** A new session with a new ID and CSRF token; the old one, if any, is forgotten. */
  async create(res: Response, userId?: string, previous?: PageSession): Promise<PageSession> {
    if (previous) await this.store.delete(this.ns, previous.id);
    const session: PageSession = { id: randomBytes(24).toString('base64url'), csrfToken: randomBytes(24).toString('base64url'), userId };
    await this.save(session);
    res.cookie(this.cookie.name, session.id, { httpOnly: true, sameSite: 'lax', path: this.cookie.path });
    return session;
  }

  csrfValid(session: PageSession | undefined, presented: unknown): boolean {
    if (!session || typeof presented !== 'string') return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async save(session: PageSession): Promise<void> {
    await this.store.set(this.ns, session.id, session, { expiresAt: this.clock.now() + IDLE_MS });
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
