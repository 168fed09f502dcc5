import type { CheckId } from '../checks.js';
import type { VendorConfig } from '../contract/vendor-config.js';
import type { Delivery, HookOutcome, LinkState, Software, UserKey } from '../drivers/software.js';
import { onEmulator, type Callback, type OpenResult, type UserAgent } from '../drivers/user-agent.js';
import type { EmulatorClient, JournalEntry } from './emulator-client.js';
import { apiRequests, describeEntry, responseBody, tokenRequests } from './journal-views.js';
import { Blocked, CheckFailed, NotApplicable } from './outcomes.js';
import type { ResolvedUser } from './resolve-user.js';
import type { RunLedger } from './run-ledger.js';

/** Who signs in at HMRC: the contract's user, someone that user has not authorised, or an agent the user has authorised. */
export type Signer = 'user' | 'wrongUser' | 'agent';

export interface LinkAttempt {
  open: OpenResult;
  /** The authorization URL the software built. */
  authorizeUrl: URL;
  params: URLSearchParams;
  /** HMRC refused the request (its error page, never redirected). */
  rejected?: { status: number; error: string } | undefined;
}

export interface Linked {
  attempt: LinkAttempt;
  callback: Callback;
  /** Fingerprints (`sha256:…`) of the tokens HMRC issued. */
  accessToken: string;
  refreshToken: string;
}

/** Everything a check runs against: one per check, so no state leaks from one check to the next. */
export interface SessionDeps {
  id: CheckId;
  config: VendorConfig;
  emulator: EmulatorClient;
  software: Software;
  clientId: string;
  clientSecret: string;
  newUserAgent: () => Promise<UserAgent>;
  /** The taxpayer the software acts for, someone that taxpayer has not authorised, and an agent (authorised by the kit when needed). */
  user: ResolvedUser;
  wrongUser: ResolvedUser;
  agent: ResolvedUser;
  since: number;
  run: RunLedger;
}

/** What one user action did: the software's answer and the API requests it made. */
export interface ApiAction {
  outcome: HookOutcome;
  calls: JournalEntry[];
}

/**
 * The primitives scenarios are written in: start a link, walk HMRC's journey, deliver (or tamper with) the callback,
 * make the software call an API, read what it shows, move the clock, switch faults on, read the journal.
 * Each step first moves virtual time one second on, as a user would, which also keeps the kit's traffic inside
 * HMRC's rate limit (3 requests a second, counted over a minute).
 */
export class CheckSession {
  readonly notes: string[] = [];
  private readonly findings: string[] = [];
  private ua: UserAgent | undefined;

  constructor(private readonly deps: SessionDeps) {}

  get id(): CheckId {
    return this.deps.id;
  }
  get config(): VendorConfig {
    return this.deps.config;
  }
  get clientId(): string {
    return this.deps.clientId;
  }
  /** The application's client secret: what must never reach the browser. */
  get secret(): string {
    return this.deps.clientSecret;
  }

  get run(): RunLedger {
    return this.deps.run;
  }
  /** Whether the contract's hooks take `{user}` (the software can be driven for more than one user). */
  get perUser(): boolean {
    return this.deps.software.perUser;
  }

  /** Opens the software's link (for `user`'s hooks) in a fresh user agent; the user ends on HMRC's first page. */
  async startLink(user: UserKey = 'user'): Promise<LinkAttempt> {
    await this.tick();
    await this.ua?.close();
    this.ua = await this.deps.newUserAgent();
    const open = await this.deps.software.startLink(this.ua, user);
    if (!open.authorizeUrl) {
      this.block('authorization-request', `starting a link did not lead to HMRC's /oauth/authorize (ended at ${open.landing.url || 'nothing'}, HTTP ${open.landing.status})`);
    }
    const authorizeUrl = new URL(open.authorizeUrl!);
    const rejected = onEmulator(open.landing.url, this.deps.emulator.baseUrl) && open.landing.status >= 400 ? { status: open.landing.status, error: errorText(open.landing.body) } : undefined;
    return { open, authorizeUrl, params: authorizeUrl.searchParams, rejected };
  }

  /** Signs in (as the contract's user, unless told otherwise) and grants or denies authority; returns the callback, not yet delivered. */
  async authorise(decision: 'grant' | 'deny', as: Signer = 'user'): Promise<Callback> {
    if (!this.ua) throw new Error('start a link first');
    await this.tick();
    return this.ua.authorise(this.deps[as], decision);
  }

  get wrongUser(): ResolvedUser {
    return this.deps.wrongUser;
  }
  get user(): ResolvedUser {
    return this.deps.user;
  }
  get agent(): ResolvedUser {
    return this.deps.agent;
  }

  /** Delivers a callback to the software (optionally changed, e.g. a tampered state). */
  async deliver(callback: Callback): Promise<Delivery> {
    if (!this.ua) throw new Error('start a link first');
    await this.tick();
    return this.deps.software.deliver(this.ua, callback);
  }

  abandonLink(): void {
    this.deps.software.abandonLink();
  }

  /**
   * A complete, successful link. When it cannot complete, the check is blocked by the check whose rule the
   * software broke (or fails, if that is this check).
   */
  async link(as: Signer = 'user', user: UserKey = 'user'): Promise<Linked> {
    const attempt = await this.startLink(user);
    if (attempt.rejected) {
      this.block(/code_challenge/.test(attempt.rejected.error) ? 'pkce' : 'authorization-request', `HMRC refused the authorization request: ${attempt.rejected.error}`);
    }
    const callback = await this.authorise('grant', as);
    const mark = await this.mark();
    const delivery = await this.deliver(callback);
    const exchanges = tokenRequests(await this.entriesSince(mark), 'authorization_code');
    const last = exchanges.at(-1);
    if (!last) this.block('code-exchange', 'the software did not exchange the code when the callback arrived');
    if (last!.status !== 200) {
      const pkce = attempt.params.has('code_challenge') && (responseBody(last!).error === 'invalid_grant' || /code_verifier/.test(String(responseBody(last!).error_description)));
      this.block(pkce ? 'pkce' : 'code-exchange', `the code exchange failed: ${describeEntry(last!)}`);
    }
    if (delivery.crashed) this.block('code-exchange', `the software answered the callback with ${delivery.status ?? 'no response'}`);
    const state = await this.linkState(user);
    if (state && state !== 'linked') this.block('code-exchange', `after a successful code exchange the software shows "${state}"`);
    const tokens = responseBody(last!);
    return { attempt, callback, accessToken: String(tokens.access_token), refreshToken: String(tokens.refresh_token) };
  }

  /** Makes the software call an API with `user`'s stored token (the user's action); its answer says what the user was told. */
  async callApi(user: UserKey = 'user'): Promise<HookOutcome> {
    await this.tick();
    return this.deps.software.callApi(user);
  }

  /**
   * Makes the software call an API and requires the calls to succeed. A call HMRC refused for a reason another
   * check owns blocks this check on that one: headers (406, no bearer) on `api-call-headers`, a scope that does not
   * cover the API (403 INVALID_SCOPE) on `authorization-request`.
   */
  async callApiSuccessfully(user: UserKey = 'user'): Promise<ApiAction> {
    const mark = await this.mark();
    const outcome = await this.callApi(user);
    const calls = apiRequests(await this.entriesSince(mark));
    if (!calls.length) this.block('api-call-headers', 'asked to call an API, the software made no API request');
    blockOnOthersRules(this, calls);
    const failed = calls.filter((c) => c.status >= 400);
    if (failed.length === calls.length) throw new Error(`the software's API calls failed: ${failed.map(describeEntry).join(', ')}`);
    return { outcome, calls };
  }

  /** What the software shows `user`, or undefined when the contract has no status hook. */
  async linkState(user: UserKey = 'user'): Promise<LinkState | undefined> {
    return (await this.deps.software.status(user))?.state;
  }

  /** What the software shows `user`, with its message. */
  async status(user: UserKey = 'user'): Promise<{ state: LinkState; message?: string | undefined } | undefined> {
    return this.deps.software.status(user);
  }

  /** Runs the contract's reset hook. */
  async reset(): Promise<void> {
    await this.tick();
    await this.deps.software.reset();
  }

  /** The agent becomes the user's agent for the user's VAT (or Income Tax) records; returns how to end it. */
  async authoriseAgent(): Promise<() => Promise<void>> {
    const arn = this.deps.agent.identifiers.agentServicesAccountNumber;
    const ids = this.deps.user.identifiers;
    const relationship = ids.vrn ? { service: 'MTD-VAT', clientId: ids.vrn } : ids.nino ? { service: 'MTD-IT', clientId: ids.nino } : undefined;
    if (!arn || !relationship) return async () => undefined;
    await this.deps.emulator.relationship('create', { arn, ...relationship });
    return () => this.deps.emulator.relationship('delete', { arn, ...relationship });
  }

  async advance(by: string): Promise<void> {
    await this.deps.emulator.advance(by);
  }

  async fault(id: string, times: number | 'always' = 1): Promise<void> {
    await this.deps.emulator.fault({ id, times, clientId: this.clientId });
  }

  /** The user removes the software's authority at HMRC: its grants and tokens are revoked for real. */
  async removeAuthority(): Promise<void> {
    await this.tick();
    await this.deps.emulator.removeAuthority(this.deps.user.userId, this.clientId);
  }

  async clearFaults(): Promise<void> {
    await this.deps.emulator.clearFaults();
  }

  async faultAvailable(id: string): Promise<boolean> {
    return (await this.deps.emulator.faultIds()).includes(id);
  }

  /** A journal position: `entriesSince(mark)` is what happened after it. */
  async mark(): Promise<number> {
    return this.deps.emulator.mark();
  }

  /** This application's journal entries (and those with no application, such as refused calls) after `mark`. */
  async entriesSince(mark: number): Promise<JournalEntry[]> {
    return (await this.deps.emulator.journal(mark)).filter((e) => !e.clientId || e.clientId === this.clientId);
  }

  /** This application's journal entries since the run began: every check's. */
  async runEntries(): Promise<JournalEntry[]> {
    return this.entriesSince(this.deps.run.since);
  }

  /** Everything this check caused: its evidence. */
  async evidence(): Promise<JournalEntry[]> {
    return this.entriesSince(this.deps.since);
  }

  /** Collects the failed expectations; {@link verdict} fails the check if there are any. */
  expect(condition: unknown, finding: string): void {
    if (!condition) this.findings.push(finding);
  }

  verdict(): void {
    if (this.findings.length) throw new CheckFailed([...this.findings]);
  }

  fail(finding: string): never {
    throw new CheckFailed([...this.findings, finding]);
  }

  /** Blocked by another check's rule; a failure instead if this check is that one, or has already found a fault. */
  block(by: CheckId, reason: string): never {
    if (by === this.id || this.findings.length) this.fail(reason);
    throw new Blocked(by, reason);
  }

  notApplicable(reason: string): never {
    throw new NotApplicable(reason);
  }

  async close(): Promise<void> {
    this.deps.software.abandonLink();
    await this.ua?.close();
  }

  private async tick(): Promise<void> {
    await this.deps.emulator.advance('PT1S');
  }
}

/** Blocks on the check that owns the rule a refused API call broke (see {@link CheckSession.callApiSuccessfully}). */
export function blockOnOthersRules(s: CheckSession, calls: JournalEntry[]): void {
  const scope = calls.find((c) => c.status === 403 && responseBody(c).code === 'INVALID_SCOPE');
  if (scope) s.block('authorization-request', `HMRC refused the API call because the scopes granted do not cover it: ${describeEntry(scope)}`);
  const bad = calls.find((c) => c.status === 406 || (c.status === 401 && !c.requestHeaders.authorization));
  if (bad) s.block('api-call-headers', `HMRC refused the API call: ${describeEntry(bad)}`);
}

function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: string; error_description?: string };
    return `${parsed.error ?? ''} ${parsed.error_description ?? ''}`.trim() || body.slice(0, 200);
  } catch {
    return body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  }
}
