import { createHmac, randomBytes } from 'node:crypto';
import type express from 'express';
import { sameSecret } from '../../pages/same-secret.js';

/** The dashboard's session cookie: `<nonce>.<HMAC(control token, nonce)>`, HttpOnly, SameSite=Strict. */
export const SESSION_COOKIE = 'hmrc-sandbox-control';
/** The sign-in form's double-submit cookie: the form's hidden `csrfToken` must equal it. */
export const SIGN_IN_COOKIE = 'hmrc-sandbox-sign-in';
/** Where the dashboard's script sends its CSRF token on state-changing calls. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Stateless dashboard sessions, keyed by the control token: signing in once with the token sets a cookie the
 * control guard accepts in its place; each session has its own CSRF token, required on every state-changing call
 * the cookie authenticates. Nothing is stored: a new control token (a restart with another) ends every session.
 * The cookie has no expiry of its own (it lasts until the browser closes): the virtual clock, which the dashboard
 * moves by months, is no measure of a browser session.
 */
export class DashboardSessions {
  constructor(private readonly token: string) {}

  /** A new session cookie's value. */
  issue(): string {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${this.mac('session', nonce)}`;
  }

  /** The session's nonce when `value` is a session this token issued, else undefined. */
  verify(value: string | undefined): string | undefined {
    const [nonce, mac] = (value ?? '').split('.', 2);
    return nonce && mac && sameSecret(mac, this.mac('session', nonce)) ? nonce : undefined;
  }

  /** The CSRF token of the session `nonce`. */
  csrf(nonce: string): string {
    return this.mac('csrf', nonce);
  }

  /** Whether `presented` is the CSRF token of the session `nonce`. */
  csrfMatches(nonce: string, presented: unknown): boolean {
    return typeof presented === 'string' && sameSecret(presented, this.csrf(nonce));
  }

  /** Whether `presented` is the control token. */
  tokenMatches(presented: unknown): boolean {
    return typeof presented === 'string' && sameSecret(presented, this.token);
  }

  private mac(purpose: string, value: string): string {
    return createHmac('sha256', this.token).update(`${purpose}.${value}`).digest('base64url');
  }
}

/** Sets (or with `value` undefined, clears) a cookie scoped to the control API's mount path. */
export function setCookie(req: express.Request, res: express.Response, name: string, value: string | undefined): void {
  const path = req.baseUrl || '/';
  const attributes = `Path=${path}; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`;
  res.append('Set-Cookie', value === undefined ? `${name}=; ${attributes}; Max-Age=0` : `${name}=${value}; ${attributes}`);
}
