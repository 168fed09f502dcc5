/**
 * The user agent stands in for the user's browser: it opens the software's pages, walks HMRC's journey (sign in,
 * grant or deny) and stops at the redirect back to the software, so that a scenario can deliver, delay, tamper
 * with or replay the callback. Two implementations: http-user-agent.ts (cookie jar, no JavaScript) and
 * browser-user-agent.ts (Chromium through playwright-core). The scenarios run unchanged with either.
 */
export interface Landing {
  /** Status of the last response. */
  status: number;
  /** Status of the first response, e.g. the software's answer to a callback before any redirect. */
  firstStatus: number;
  url: string;
  body: string;
}

/** Where HMRC's journey sent the user back to the software. */
export type Callback =
  | { kind: 'redirect'; url: string }
  | { kind: 'out-of-band'; code?: string | undefined; error?: string | undefined };

export interface OpenResult {
  /** The first URL of HMRC's authorization endpoint the user agent reached, as the software built it. */
  authorizeUrl?: string | undefined;
  landing: Landing;
  /** Set when the software sent the user straight back to a redirect URI. */
  callback?: Callback | undefined;
}

export interface UserAgentOptions {
  emulatorUrl: string;
  /** The emulator's control token, when it needs one: the user reads 2-step codes through the control API. */
  controlToken?: string | undefined;
  /**
   * The software hard-codes HMRC's hosts: the user's browser reaches them at the emulator, as with a hosts file.
   * HMRC's pages and redirects are relative, so the journey then stays on the emulator's own URL.
   */
  hmrcHostsAreEmulator?: boolean | undefined;
  /** The application's redirect URIs: navigation to one of them is a callback, and stops there. */
  redirectUris: string[];
  /** Told of everything the user's browser sees, for the kit to look for secrets and tokens in it. */
  observe?: ((sighting: Sighting) => void) | undefined;
}

/** Something the user's browser saw: a URL it went to (redirects included), and the page or cookies the software served there. */
export interface Sighting {
  url: string;
  body?: string | undefined;
  cookies?: string[] | undefined;
}

export interface UserAgent {
  /** Opens a URL, following redirects into HMRC's journey; stops on the first page that is not a redirect, or at a callback. */
  open(url: string): Promise<OpenResult>;
  /** On HMRC's pages: signs in and grants or denies; returns the callback (not yet delivered). */
  authorise(user: { userId: string; password: string }, decision: 'grant' | 'deny'): Promise<Callback>;
  /** Follows a callback URL to the software, with the user's cookies, and returns where the user ended up. */
  deliver(url: string): Promise<Landing>;
  close(): Promise<void>;
}

/** The kit's requests are marked so the journal can tell them from the software's own. */
export const KIT_USER_AGENT = 'hmrc-sandbox-conformance/1.0';

export function isCallbackUrl(url: string, redirectUris: string[]): boolean {
  if (redirectUris.some((r) => r.startsWith('urn:'))) {
    if (redirectUris.includes(url)) return true;
  }
  const bare = url.split(/[?#]/)[0]!;
  return redirectUris.some((r) => !r.startsWith('urn:') && (bare === r.split(/[?#]/)[0] || bare === `${r.split(/[?#]/)[0]}/`));
}

const HMRC_HOSTS = new Set(['test-api.service.hmrc.gov.uk', 'api.service.hmrc.gov.uk', 'test-www.tax.service.gov.uk', 'www.tax.service.gov.uk']);

/** `url` as the user's browser reaches it: on one of HMRC's hosts, the emulator's own URL when they are mapped to it. */
export function viaEmulator(url: string, options: Pick<UserAgentOptions, 'emulatorUrl' | 'hmrcHostsAreEmulator'>): string {
  if (!options.hmrcHostsAreEmulator) return url;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && HMRC_HOSTS.has(u.hostname) ? `${options.emulatorUrl}${u.pathname}${u.search}` : url;
  } catch {
    return url;
  }
}

/** Whether a URL is on the emulator; `localhost`, `127.0.0.1` and `[::1]` count as the same host. */
export function onEmulator(url: string, emulatorUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(emulatorUrl);
    const host = (h: string): string => (LOOPBACK.has(h) ? 'localhost' : h);
    return a.protocol === b.protocol && a.port === b.port && host(a.hostname) === host(b.hostname);
  } catch {
    return false;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HMRC's authorization endpoint (not the `/oauth/authorize/<uid>` resumption after each step), under the emulator's base path (a tenant's `/t/{id}`). */
export function isAuthorizeUrl(url: string, emulatorUrl: string): boolean {
  return onEmulator(url, emulatorUrl) && new URL(url).pathname === `${new URL(emulatorUrl).pathname.replace(/\/+$/, '')}/oauth/authorize`;
}
