import request from 'supertest';
import type { Account } from '../emulator/accounts/account.js';
import { hashPassword } from '../emulator/accounts/password.js';
import { createEmulator, type CreateEmulatorOptions, type Emulator } from '../emulator/app.js';
import { createClock } from '../emulator/clock/clock.js';
import { DEFAULT_APPLICATION } from '../emulator/config/defaults.js';
import type { ConfigOverrides } from '../emulator/config/load-config.js';
import { checkControlResponses } from './control-contract.js';

export const CLIENT_ID = DEFAULT_APPLICATION.clientId;
export const CLIENT_SECRET = DEFAULT_APPLICATION.clientSecrets[0]!;
export const REDIRECT_URI = DEFAULT_APPLICATION.redirectUris[0]!;
export const JSON_V1 = 'application/vnd.hmrc.1.0+json';

/** A fresh emulator with a frozen clock, so tests move time explicitly; its control responses are checked against the OpenAPI document. */
export async function emulator(config: ConfigOverrides = {}, options: CreateEmulatorOptions = {}): Promise<Emulator> {
  const e = await createEmulator({ throttle: { requestsPerSecond: 1000 }, ...config }, { clock: createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') }), ...options });
  // Every control-API response is checked against the OpenAPI document (test/contract-setup.ts).
  return { ...e, app: checkControlResponses(e) };
}

export async function applicationToken(e: Emulator, scope?: string): Promise<string> {
  const res = await request(e.app)
    .post('/oauth/token')
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...(scope ? { scope } : {}) });
  if (res.status !== 200) throw new Error(`client_credentials failed: ${res.status} ${res.text}`);
  return res.body.access_token as string;
}

export interface AuthorizeOptions {
  scope?: string;
  state?: string;
  redirectUri?: string;
  userId?: string;
  password?: string;
  decision?: 'grant' | 'deny';
  extra?: Record<string, string>;
  /** Appended to the authorize URL as it is, e.g. a percent-encoded parameter name. */
  rawQuery?: string;
}

/**
 * Drives the sandbox journey with a cookie-keeping HTTP agent: authorize → sign in → grant.
 * Returns the final redirect's Location (to the software's redirect URI) and the agent.
 */
export async function authorize(e: Emulator, o: AuthorizeOptions = {}): Promise<{ location: string; code?: string; agent: ReturnType<typeof request.agent> }> {
  const agent = request.agent(e.app);
  const query = {
    response_type: 'code',
    client_id: CLIENT_ID,
    scope: o.scope ?? 'hello',
    redirect_uri: o.redirectUri ?? REDIRECT_URI,
    state: o.state ?? 'state-123',
    ...o.extra,
  };
  let res = await agent.get(`/oauth/authorize${o.rawQuery ? `?${o.rawQuery}` : ''}`).query(query);
  if (res.status !== 303 && res.status !== 302) throw new Error(`authorize: ${res.status} ${res.text}`);
  let location = res.headers.location as string;
  res = await agent.get(location);
  const uid = location.split('/').pop()!;
  res = await agent.post(`/oauth/interaction/${uid}/sign-in`).type('form').send({ userId: o.userId ?? 'user1', password: o.password ?? 'password1', csrfToken: csrfTokenOf(res.text) });
  if (res.status !== 303 && res.status !== 302) throw new Error(`sign-in: ${res.status} ${res.text}`);
  res = await agent.get(pathOf(res.headers.location));
  if (res.status !== 303 && res.status !== 302) throw new Error(`after sign-in: ${res.status} ${res.text}`);
  const consentUid = pathOf(res.headers.location).split('/').pop()!;
  res = await agent.get(pathOf(res.headers.location));
  res = await agent.post(`/oauth/interaction/${consentUid}/grant`).type('form').send({ decision: o.decision ?? 'grant', csrfToken: csrfTokenOf(res.text) });
  res = await agent.get(pathOf(res.headers.location));
  location = res.headers.location as string;
  const code = location ? (new URL(location).searchParams.get('code') ?? undefined) : undefined;
  return { location: location ?? res.text, code, agent };
}

export async function exchange(e: Emulator, code: string, extra: Record<string, string> = {}) {
  return request(e.app)
    .post('/oauth/token')
    .type('form')
    .send({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI, code, ...extra });
}

/** The CSRF token of a journey page's form (hidden field `csrfToken`). */
export function csrfTokenOf(html: string): string {
  return /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

/** supertest serves each request on a new port: follow redirects by path. */
export function pathOf(location: unknown): string {
  const url = new URL(String(location), 'http://emulator.invalid');
  return url.pathname + url.search;
}

/** Adds an account with a known password (`Passw0rd1234`) for API tests. */
export async function addAccount(e: Emulator, account: Partial<Account> & Pick<Account, 'userId' | 'affinityGroup'>): Promise<Account> {
  const full: Account = {
    passwordHash: await hashPassword(TEST_PASSWORD),
    userFullName: 'Test User',
    emailAddress: 'test.user@example.com',
    groupIdentifier: '000000000000',
    serviceNames: [],
    identifiers: {},
    enrolments: [],
    confidenceLevel: 250,
    ...account,
  };
  await e.context.accounts.add(full);
  return full;
}
export const TEST_PASSWORD = 'Passw0rd1234';

/** A user access token for `userId` (password `TEST_PASSWORD` unless given), through the sandbox journey. */
export async function userToken(e: Emulator, userId: string, scope: string, password = TEST_PASSWORD): Promise<string> {
  const { code } = await authorize(e, { userId, password, scope });
  if (!code) throw new Error(`no code for ${userId}`);
  const res = await exchange(e, code);
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${res.text}`);
  return res.body.access_token as string;
}
