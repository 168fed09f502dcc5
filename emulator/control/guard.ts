import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type express from 'express';
import type { EmulatorContext } from '../context.js';
import { readCookie } from '../pages/cookies.js';
import { sameSecret } from '../pages/same-secret.js';
import { CSRF_HEADER, SESSION_COOKIE, type DashboardSessions } from './dashboard/session.js';
import { HMRC_HOSTS } from '../tls/hmrc-hosts.js';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ControlAccess {
  /** The token every control call but health must carry; undefined when none is needed. */
  token: string | undefined;
  /** True when the emulator made the token up at start (and the banner must show it, once). */
  generated: boolean;
}

/** Whether `host` (as configured to bind) is a loopback interface. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The control API's three rules, in order (docs/control-api-security.md):
 * 1. With a control token (configured, or generated because the emulator is bound beyond loopback), every call but
 *    `GET /health` carries it: `Authorization: Bearer <token>`, or from a browser as the password of Basic
 *    credentials. Compared in constant time. 401 otherwise.
 * 2. Without one, the `Host` must be a name the emulator serves: a page on some other name that DNS points at
 *    127.0.0.1 (DNS rebinding) cannot read secrets or reset anything. 403 otherwise.
 * 3. Always: a state-changing call from a browser page on another origin (`Origin`, else `Sec-Fetch-Site`) is
 *    refused, so no web page a tester visits can reset the emulator or switch faults on. 403.
 *
 * The dashboard's session cookie (control/dashboard/session.ts) stands in for the token; a state-changing call it
 * authenticates must also carry the session's CSRF token (`X-CSRF-Token`, or a form's `csrfToken`), else 403.
 * Routes in `open` (`"POST /session"`: the dashboard's sign-in) need no token; the other rules still apply, and
 * `res.locals.controlAuthenticated` tells their handler whether the caller is signed in.
 */
export function controlGuard(ctx: EmulatorContext, access: ControlAccess, options: { sessions?: DashboardSessions | undefined; open?: ReadonlySet<string> } = {}): express.RequestHandler {
  const expected = access.token; // compared with sameSecret, never ===
  const names = new Set(['localhost', hostname().toLowerCase(), ...HMRC_HOSTS, ...ctx.config.control.allowedHosts.map((h) => h.toLowerCase())]);
  names.add(new URL(ctx.baseUrl).hostname.toLowerCase());
  const ownOrigin = new URL(ctx.baseUrl).origin;

  return (req, res, next) => {
    if (req.method === 'GET' && req.path === '/health') return next();
    let session: string | undefined;
    if (expected) {
      const presented = presentedToken(req.headers.authorization);
      const byHeader = presented !== undefined && sameSecret(presented, expected);
      if (!byHeader) session = options.sessions?.verify(readCookie(req, SESSION_COOKIE));
      res.locals.controlAuthenticated = byHeader || session !== undefined;
      if (!res.locals.controlAuthenticated && !options.open?.has(`${req.method} ${req.path}`)) {
        res.setHeader('WWW-Authenticate', ['Bearer realm="hmrc-sandbox control API"', 'Basic realm="hmrc-sandbox control API", charset="UTF-8"']);
        return void res.status(401).json({ error: 'unauthorized', message: 'the control API needs Authorization: Bearer <control token> (HMRC_SANDBOX_CONTROL_TOKEN, or the token printed at start)' });
      }
    } else {
      res.locals.controlAuthenticated = true;
      const host = hostOf(req.headers.host);
      if (host !== undefined && !isIP(host) && !names.has(host) && !host.endsWith('.localhost')) {
        return void res.status(403).json({ error: 'forbidden', message: `the control API does not answer to the host name "${host}"; add it to control.allowedHosts (HMRC_SANDBOX_ALLOWED_HOSTS) or set a control token` });
      }
    }
    if (!SAFE_METHODS.has(req.method) && crossOrigin(req, ownOrigin)) {
      return void res.status(403).json({ error: 'forbidden', message: 'the control API refuses state-changing calls from a web page on another origin' });
    }
    if (session !== undefined && !SAFE_METHODS.has(req.method)) {
      const presented = req.headers[CSRF_HEADER] ?? (req.body as { csrfToken?: unknown } | undefined)?.csrfToken;
      if (!options.sessions!.csrfMatches(session, presented)) {
        return void res.status(403).json({ error: 'forbidden', message: 'a call made with the dashboard\'s session cookie needs its CSRF token (X-CSRF-Token); reload the dashboard' });
      }
    }
    res.locals.dashboardSession = session;
    next();
  };
}

function presentedToken(header: string | undefined): string | undefined {
  const [scheme, credential] = (header ?? '').trim().split(/\s+/, 2);
  if (!credential) return undefined;
  if (/^bearer$/i.test(scheme!)) return credential;
  if (!/^basic$/i.test(scheme!)) return undefined;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** The host name of a `Host` header, lower-case, without port or IPv6 brackets. */
function hostOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  const v6 = /^\[([^\]]*)\](?::\d*)?$/.exec(h);
  if (v6) return v6[1];
  return h.replace(/:\d*$/, '');
}

/** True for a browser request made by a page of another origin; non-browser clients send neither header. */
function crossOrigin(req: express.Request, ownOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    try {
      const url = new URL(origin);
      return url.origin !== ownOrigin && url.host.toLowerCase() !== (req.headers.host ?? '').toLowerCase();
    } catch {
      return true; // "null" (a sandboxed frame, a file) or garbage
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
