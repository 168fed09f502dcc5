// A fuzz run: start the emulator in its own process, send it `runs` generated requests (or as many as fit in
// `seconds`), one at a time, and check each answer (no 5xx, an answer within the deadline, the process alive);
// then the invariants: still healthy, memory bounded, the default application still gets a token, and
// `user1` still links through the real pages and calls /hello/user.
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { authorizationCodeFlow, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, userAccessToken } from '../bench/flow.mjs';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.js';
import { fuzzRequest, PLACEHOLDERS, type FuzzRequest, type Generator, type Knowns } from './requests.js';
import { discoverRoutes } from './routes.js';
import { send, type FuzzResponse } from './send.js';

export interface FuzzOptions {
  seed: number;
  /** Requests generated at most. */
  runs: number;
  /** Time budget for the storm, in seconds. */
  seconds: number;
  /** Generators left out (the CI budget leaves out KNOWN_DEFECTS). */
  exclude?: readonly Generator[];
  /** Per-request deadline. */
  timeoutMs?: number;
  /** RSS allowed at the end, in MB. */
  maxRssMb?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  routes: number;
  seconds: number;
  statuses: Record<string, number>;
  /** The same, per generator: `{ "journey-step": { "303": 12, … } }`. */
  byGenerator: Record<string, Record<string, number>>;
  rssStartMb: number | undefined;
  rssEndMb: number | undefined;
  violations: string[];
  /** One line: what ran and how it went. */
  summary: string;
}

const TOKEN_PLACEHOLDERS = { application: '{{application-token}}', user: '{{user-token}}' };
/** Tokens expire as the storm moves the clock and resets: fresh ones every this many requests. */
const REFRESH_TOKENS_EVERY = 500;
export const DEFAULT_MAX_RSS_MB = 400;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, runs, seconds, exclude = [], timeoutMs = 5_000, maxRssMb = DEFAULT_MAX_RSS_MB, log = () => {} } = options;
  const controlToken = process.env.HMRC_SANDBOX_CONTROL_TOKEN || undefined;
  const routes = await discoverRoutes();
  const emulator = await startEmulatorProcess();
  const violations: string[] = [];
  const statuses: Record<string, number> = {};
  const byGenerator: Record<string, Record<string, number>> = {};
  let requests = 0;
  const started = performance.now();
  try {
    const control = (method: string, path: string, body?: unknown): Promise<FuzzResponse> =>
      send(
        emulator.target,
        {
          generator: 'route',
          method,
          path,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(controlToken ? { authorization: `Bearer ${controlToken}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        timeoutMs,
      );
    const live = { application: '', user: '' };
    const refreshTokens = async (): Promise<void> => {
      live.application = await applicationToken(emulator).catch(() => live.application);
      live.user = await userAccessToken(emulator.target).catch(() => live.user);
    };
    await refreshTokens();
    const accounts = await control('GET', '/_emulator/accounts');
    const knowns: Knowns = { applicationToken: TOKEN_PLACEHOLDERS.application, userToken: TOKEN_PLACEHOLDERS.user, identifiers: identifiersOf(accounts.body), controlToken };
    const rssStartMb = emulator.rssMb();
    log(`fuzz: ${routes.length} routes, emulator pid ${emulator.pid} on ${emulator.target.host}:${emulator.target.port}, RSS ${fmt(rssStartMb)} MB`);

    const recent: string[] = [];
    let firstFailure: string | undefined;
    const property = fc.asyncProperty(fuzzRequest(routes, knowns, exclude), async (generated) => {
      if (requests > 0 && requests % REFRESH_TOKENS_EVERY === 0) await refreshTokens();
      let req = protectInvariants(withTokens(generated, live));
      if (req.generator === 'journey-step') req = withJourney(req, await openJourney(emulator).catch(() => ({ uid: 'none', cookie: '', csrf: '' })));
      requests++;
      if (requests % 5_000 === 0) log(`fuzz: ${requests} requests, RSS ${fmt(emulator.rssMb())} MB`);
      const problem = await check(emulator, req, timeoutMs, statuses, (byGenerator[req.generator] ??= {}));
      recent.push(reproducer(req));
      if (recent.length > 4) recent.shift();
      if (!problem && req.path.startsWith('/_emulator/faults') && req.method === 'POST') await control('DELETE', '/_emulator/faults');
      if (problem) {
        firstFailure ??= `${problem}\n${reproducer(req)}\n  after, most recent last:\n${recent.slice(0, -1).map((r) => r.replace(/^/gm, '    ')).join('\n')}`;
        throw new Error(`${problem}\n${reproducer(req)}`);
      }
    });
    const result = await fc.check(property, { seed, numRuns: runs, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false, endOnFailure: false, skipAllAfterTimeLimit: seconds * 1000 + 30_000 });
    if (result.failed) {
      const shrunk = result.counterexample?.[0];
      violations.push(
        `${firstFailure ?? 'a request failed'}\n  smallest failing request fast-check found (seed ${seed}, path ${result.counterexamplePath}):\n${shrunk ? reproducer(protectInvariants(withTokens(shrunk, live))).replace(/^/gm, '    ') : '    (none)'}`,
      );
    }

    violations.push(...(await invariants(emulator, control, maxRssMb)));
    const rssEndMb = emulator.rssMb();
    const elapsed = (performance.now() - started) / 1000;
    const fives = Object.entries(statuses).filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0);
    const summary = `fuzz: seed ${seed}, ${requests} requests over ${routes.length} routes in ${elapsed.toFixed(1)} s; ${fives} × 5xx, ${statuses.timeout ?? 0} hangs; RSS ${fmt(rssStartMb)} → ${fmt(rssEndMb)} MB (≤ ${maxRssMb}); ${violations.length ? `${violations.length} violation(s)` : 'invariants hold'}`;
    return { seed, requests, routes: routes.length, seconds: elapsed, statuses, byGenerator, rssStartMb, rssEndMb, violations, summary };
  } finally {
    await emulator.stop();
  }
}

/**
 * Bodies this large may be answered before they are read: over the limit (`maxBodyBytes`, 1 MiB), or sent where no
 * body is read (a `text/plain` body to an API that answers 401 or 404 first). The fuzzer's connections ask to be
 * closed after one answer, so node closes them while the client is still sending.
 */
const LARGE_BODY = 64 * 1024;

/** Sends one request; the violation it shows, if any. */
async function check(emulator: EmulatorProcess, req: FuzzRequest, timeoutMs: number, ...counts: Array<Record<string, number>>): Promise<string | undefined> {
  const count = (key: string | number): void => counts.forEach((c) => void (c[key] = (c[key] ?? 0) + 1));
  try {
    const res = await send(emulator.target, req, timeoutMs);
    count(res.status);
    if (res.status >= 500) return `answered ${res.status}: ${truncate(res.body, 600)}`;
    return undefined;
  } catch (e) {
    const err = e as Error & { hang?: boolean; unsendable?: boolean; code?: string };
    if (err.unsendable) return undefined;
    // A server may answer and close the connection before it has read a large body (curl still reads that answer;
    // node's client reports the broken write instead).
    if ((err.code === 'EPIPE' || err.code === 'ECONNRESET') && Buffer.byteLength(req.body ?? '') > LARGE_BODY) {
      count('closed-early');
      return undefined;
    }
    count(err.hang ? 'timeout' : 'no-answer');
    const exited = emulator.exited();
    return exited ? `the emulator ${exited}: ${truncate(emulator.stderr(), 1_000)}` : `${err.hang ? 'hang' : 'no answer'}: ${err.message}`;
  }
}

/** After the storm: still alive and healthy, memory bounded, a token for the default application, and a link for user1. */
async function invariants(emulator: EmulatorProcess, control: (method: string, path: string, body?: unknown) => Promise<FuzzResponse>, maxRssMb: number): Promise<string[]> {
  const broken: string[] = [];
  if (emulator.exited()) return [`the emulator ${emulator.exited()}: ${truncate(emulator.stderr(), 1_000)}`];
  const health = await control('GET', '/_emulator/health').catch((e: Error) => ({ status: 0, body: e.message }));
  if (health.status !== 200) broken.push(`invariant: GET /_emulator/health answered ${health.status} ${truncate(health.body, 300)}`);
  const rss = emulator.rssMb();
  if (rss !== undefined && rss > maxRssMb) broken.push(`invariant: RSS ${fmt(rss)} MB is above ${maxRssMb} MB`);
  // What a storm may legitimately leave switched on for later requests: faults, journey presets, agent outcomes.
  for (const path of ['/_emulator/faults', '/_emulator/journeys/presets', '/_emulator/agents/outcomes']) await control('DELETE', path).catch(() => undefined);
  // The default application's throttle window (a minute of virtual time), which the storm may have used up.
  await control('POST', '/_emulator/clock/advance', { by: 'PT61S' }).catch(() => undefined);
  const token = await applicationToken(emulator).then(() => undefined, (e: Error) => e.message);
  if (token) broken.push(`invariant: the default application gets no client_credentials token: ${token}`);
  const link = await authorizationCodeFlow(emulator.target).catch((e: Error) => e.message);
  if (link !== true) broken.push(`invariant: user1/password1 cannot link through the pages and call /hello/user: ${link}`);
  return broken;
}

async function applicationToken(emulator: EmulatorProcess): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString();
  const res = await send(emulator.target, { generator: 'route', method: 'POST', path: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, 5_000);
  if (res.status !== 200) throw new Error(`POST /oauth/token answered ${res.status} ${truncate(res.body, 300)}`);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

function withTokens(req: FuzzRequest, live: { application: string; user: string }): FuzzRequest {
  const swap = (s: string): string => s.replace(TOKEN_PLACEHOLDERS.application, live.application).replace(TOKEN_PLACEHOLDERS.user, live.user);
  return { ...req, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, swap(v)])) };
}

/**
 * The changes the fuzzer makes to what it generated, so that the invariants' own credentials stay good: it never
 * re-registers the default application (which would change its secret, as it should), and never signs in as
 * `user1` with a wrong password in a journey (five of those lock the account for 15 minutes, as HMRC does).
 */
function protectInvariants(req: FuzzRequest): FuzzRequest {
  if (req.path.startsWith('/_emulator/applications') && req.body?.includes(CLIENT_ID)) return { ...req, body: req.body.replaceAll(CLIENT_ID, 'FuzzedApplication0000000000') };
  if (req.generator === 'journey-step' && req.body?.includes('user1')) return { ...req, body: req.body.replaceAll('user1', 'fuzzed-user') };
  return req;
}

interface Journey {
  uid: string;
  cookie: string;
  csrf: string;
}

/** A journey of the default application, opened as a browser would: its interaction uid, cookies and CSRF token. */
async function openJourney(emulator: EmulatorProcess): Promise<Journey> {
  const query = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 'fuzz' });
  const started = await send(emulator.target, { generator: 'route', method: 'GET', path: `/oauth/authorize?${query}`, headers: {} }, 5_000);
  const location = String(started.headers.location ?? '');
  const uid = /\/oauth\/interaction\/([^/?]+)/.exec(location)?.[1] ?? 'none';
  const cookie = [started.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
  const page = await send(emulator.target, { generator: 'route', method: 'GET', path: `/oauth/interaction/${uid}`, headers: { cookie } }, 5_000);
  const csrf = /name="csrfToken" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
  return { uid, cookie, csrf };
}

function withJourney(req: FuzzRequest, journey: Journey): FuzzRequest {
  const values = { uid: journey.uid, cookie: journey.cookie, csrf: journey.csrf };
  const swap = (s: string): string => {
    for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
      const value = values[name as keyof typeof values];
      // In a form body the placeholder arrives percent-encoded.
      s = s.replaceAll(encodeURIComponent(placeholder), encodeURIComponent(value)).replaceAll(placeholder, value);
    }
    return s;
  };
  return { ...req, path: swap(req.path), headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, swap(v)])), body: req.body === undefined ? undefined : swap(req.body) };
}

function identifiersOf(accountsJson: string): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string' && v.length <= 40 && !/\s/.test(v)) found.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  try {
    visit(JSON.parse(accountsJson));
  } catch {
    // no accounts to draw from: the generators fall back on made-up values
  }
  return [...found].slice(0, 200).concat('user1', CLIENT_ID);
}

/** What to paste into a bug report: the request as sent. */
export function reproducer(req: FuzzRequest): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `  ${k}: ${truncate(v, 200)}`);
  const body = req.body === undefined ? '' : `\n  body (${Buffer.byteLength(req.body)} bytes): ${truncate(req.body, 400)}`;
  return `  [${req.generator}] ${req.method} ${truncate(req.path, 400)}\n${headers.join('\n')}${body}`;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} characters)`;
}

function fmt(mb: number | undefined): string {
  return mb === undefined ? '?' : mb.toFixed(0);
}
