import { ALPHANUMERIC, type Prng } from '../../emulator/accounts/identifiers/prng.js';
import { vatReturn } from '../vat-return.js';
import { CookieJar, JSON_V1, send, type Reply } from './client.js';

/**
 * Load on an emulator process that is killed at random moments, and a record of every write it acknowledged with
 * a 2xx: what must still be there, and still work, after a restart. A write whose request was cut off by the kill
 * is uncertain and never checked; records an operation works on are taken out of the model while it runs, so a cut
 * off operation leaves nothing half-recorded.
 */

const REDIRECT_URI = 'http://localhost:3000/callback';
export const CLOCK_START = Date.parse('2026-01-15T09:00:00Z');
const DEFAULT_APP = { clientId: 'LocalSandboxDefaultClientId0', secret: '8c3f8a62-5b4e-4f1e-9d3a-2f6b7c1d0e9a' };

interface App {
  clientId: string;
  secret: string;
}
interface Chain {
  app: App;
  code: string;
  access: string;
  refresh: string;
  prevAccess?: string;
  prevRefresh?: string;
}
interface VatReturn {
  vrn: string;
  periodKey: string;
  access: string;
}

/** A response the emulator should not have given: the test fails on it, unlike a request cut off by a kill. */
export class Unexpected extends Error {}

function expectStatus(what: string, reply: Reply, status: number): Reply {
  if (reply.status !== status) throw new Unexpected(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

export class DurabilityLoad {
  readonly apps: App[] = [];
  readonly users = new Set<string>();
  readonly pendingCodes: Array<{ app: App; code: string }> = [];
  readonly chains: Chain[] = [];
  readonly vatReturns: VatReturn[] = [];
  /** Clock advances of one second acknowledged, and those cut off (each may or may not have happened). */
  clock = { acknowledged: 0, uncertain: 0 };
  /** What was checked after restarts, for the test's report. */
  readonly checked = { apps: 0, users: 0, codes: 0, codeReplays: 0, chains: 0, refreshReplays: 0, vatReturns: 0, clocks: 0 };
  private workerApps: Array<App | undefined> = [];
  private stopped = false;
  private periodKeys = 0;

  constructor(
    /** Where the load goes; another process on the same shared store may take over (test/shared-store). */
    public base: string,
    private readonly prng: Prng,
  ) {}

  /** Runs `workers` loops of random operations until `stop()`; resolves when they have all stopped. */
  async run(workers: number): Promise<void> {
    this.stopped = false;
    await Promise.all(Array.from({ length: workers }, (_, i) => this.worker(i)));
  }

  stop(): void {
    this.stopped = true;
  }

  private async worker(i: number): Promise<void> {
    try {
      while (!this.stopped) {
        // Each worker journeys through its own application, so its journey presets are its own.
        const app = this.workerApps[i] ?? (this.workerApps[i] = await this.registerApp());
        const op = this.prng.pick(['app', 'user', 'journey', 'journey', 'journey', 'refresh', 'refresh', 'vat', 'clock'] as const);
        if (op === 'app') await this.registerApp();
        else if (op === 'user') await this.createUser('individuals', []);
        else if (op === 'journey') await this.journey(app);
        else if (op === 'refresh') await this.refresh();
        else if (op === 'vat') await this.vat(app);
        else await this.advanceClock();
      }
    } catch (e) {
      if (e instanceof Unexpected) throw e;
      // Cut off by the kill: this worker is done for the round.
    }
  }

  private url(path: string): string {
    return `${this.base}${path}`;
  }

  private async registerApp(): Promise<App> {
    const app = { clientId: `Durable${this.prng.chars(ALPHANUMERIC, 20)}`, secret: `secret-${this.prng.chars(ALPHANUMERIC, 16)}` };
    const body = { clientId: app.clientId, clientSecrets: [app.secret], name: app.clientId, redirectUris: [REDIRECT_URI] };
    expectStatus('register an application', await send(this.url('/_emulator/applications'), { json: body }), 201);
    this.apps.push(app);
    return app;
  }

  private async applicationToken(app: App): Promise<string> {
    const form = { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.secret };
    return expectStatus(`client_credentials for ${app.clientId}`, await send(this.url('/oauth/token'), { form }), 200).body.access_token as string;
  }

  private async createUser(kind: 'individuals' | 'organisations', serviceNames: string[]): Promise<Record<string, unknown>> {
    const bearer = await this.applicationToken(DEFAULT_APP);
    const reply = expectStatus(`create a test ${kind}`, await send(this.url(`/create-test-user/${kind}`), { json: { serviceNames }, bearer, accept: JSON_V1 }), 201);
    this.users.add(reply.body.userId as string);
    return reply.body;
  }

  /** A headless link journey (an `auto` preset) to a code at the redirect URI. */
  private async code(app: App, scope: string, userId?: string): Promise<string> {
    const preset = { outcome: 'grant', clientId: app.clientId, auto: true, ...(userId ? { userId } : {}) };
    expectStatus('preset a journey', await send(this.url('/_emulator/journeys/presets'), { json: preset }), 201);
    const jar = new CookieJar();
    const query = new URLSearchParams({ response_type: 'code', client_id: app.clientId, scope, redirect_uri: REDIRECT_URI, state: 'durable' });
    let url = this.url(`/oauth/authorize?${query}`);
    for (let step = 0; step < 10; step++) {
      const reply = await send(url, { cookie: jar.header() });
      jar.take(reply.setCookies);
      if (reply.status < 300 || reply.status >= 400 || !reply.location) throw new Unexpected(`journey: ${url} answered ${reply.status} ${JSON.stringify(reply.body)}`);
      if (reply.location.startsWith(REDIRECT_URI)) {
        const code = new URL(reply.location).searchParams.get('code');
        if (!code) throw new Unexpected(`journey: back without a code: ${reply.location}`);
        return code;
      }
      url = new URL(reply.location, this.base).href;
    }
    throw new Unexpected('journey: no redirect back after 10 steps');
  }

  private exchange(app: App, code: string): Promise<Reply> {
    return send(this.url('/oauth/token'), { form: { grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.secret, redirect_uri: REDIRECT_URI, code } });
  }

  private refreshWith(app: App, refreshToken: string): Promise<Reply> {
    return send(this.url('/oauth/token'), { form: { grant_type: 'refresh_token', client_id: app.clientId, client_secret: app.secret, refresh_token: refreshToken } });
  }

  private helloUser(access: string): Promise<Reply> {
    return send(this.url('/hello/user'), { bearer: access, accept: JSON_V1 });
  }

  /** A journey whose code is either left for after the restart, or exchanged for the chain of tokens. */
  private async journey(app: App): Promise<void> {
    const code = await this.code(app, 'hello');
    if (this.prng.int(0, 2) === 0) {
      this.pendingCodes.push({ app, code });
      return;
    }
    const tokens = expectStatus('exchange a code', await this.exchange(app, code), 200).body;
    this.chains.push({ app, code, access: tokens.access_token as string, refresh: tokens.refresh_token as string });
  }

  private async refresh(): Promise<void> {
    const chain = this.chains.splice(this.prng.int(0, this.chains.length - 1), 1)[0];
    if (!chain) return;
    const tokens = expectStatus('refresh', await this.refreshWith(chain.app, chain.refresh), 200).body;
    this.chains.push({ ...chain, prevAccess: chain.access, prevRefresh: chain.refresh, access: tokens.access_token as string, refresh: tokens.refresh_token as string });
  }

  private async vat(app: App): Promise<void> {
    const user = await this.createUser('organisations', ['mtd-vat']);
    const code = await this.code(app, 'read:vat write:vat', user.userId as string);
    const access = expectStatus('exchange a VAT code', await this.exchange(app, code), 200).body.access_token as string;
    const periodKey = `#${String(++this.periodKeys).padStart(3, '0')}`;
    const vrn = user.vrn as string;
    expectStatus('submit a VAT return', await send(this.url(`/organisations/vat/${vrn}/returns`), { json: vatReturn(periodKey), bearer: access, accept: JSON_V1 }), 201);
    this.vatReturns.push({ vrn, periodKey, access });
  }

  private async advanceClock(): Promise<void> {
    this.clock.uncertain++;
    expectStatus('advance the clock', await send(this.url('/_emulator/clock/advance'), { json: { by: 'PT1S' } }), 200);
    this.clock.uncertain--;
    this.clock.acknowledged++;
  }

  /**
   * After a restart: every acknowledged write is there and works. Checks that spend what they check (a code
   * exchanged, a replayed code or refresh token revoking its grant) take the record out of the model.
   */
  async verify(check: (ok: boolean, what: string) => void): Promise<void> {
    const seconds = (Date.parse((await send(this.url('/_emulator/clock'))).body.now as string) - CLOCK_START) / 1000;
    check(seconds >= this.clock.acknowledged && seconds <= this.clock.acknowledged + this.clock.uncertain, `clock ${seconds} s after its start; acknowledged ${this.clock.acknowledged} advances of 1 s, ${this.clock.uncertain} cut off`);
    this.clock = { acknowledged: seconds, uncertain: 0 };
    this.checked.clocks++;

    const listed = new Set(((await send(this.url('/_emulator/applications'))).body.applications as Array<{ clientId: string }>).map((a) => a.clientId));
    for (const app of this.apps) {
      check(listed.has(app.clientId), `application ${app.clientId} listed`);
      const form = { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.secret };
      check((await send(this.url('/oauth/token'), { form })).status === 200, `application ${app.clientId} authenticates`);
      this.checked.apps++;
    }
    const accounts = new Set(((await send(this.url('/_emulator/accounts'))).body.accounts as Array<{ userId: string }>).map((a) => a.userId));
    for (const userId of this.users) {
      check(accounts.has(userId), `test user ${userId} exists`);
      this.checked.users++;
    }

    for (const { app, code } of this.pendingCodes.splice(0)) {
      const first = await this.exchange(app, code);
      check(first.status === 200, `a code issued before the kill is exchanged once after it (${first.status} ${JSON.stringify(first.body)})`);
      check((await this.helloUser(first.body.access_token as string)).status === 200, 'its access token works');
      const again = await this.exchange(app, code);
      check(again.status === 400 && again.body.error_description === 'code is invalid', `and only once (${again.status} ${JSON.stringify(again.body)})`);
      this.checked.codes++;
    }

    for (const chain of this.chains.splice(0)) {
      check((await this.helloUser(chain.access)).status === 200, `access token of ${chain.app.clientId} still works`);
      if (chain.prevAccess) check((await this.helloUser(chain.prevAccess)).status === 401, 'the access token it replaced stays revoked');
      this.checked.chains++;
      const test = this.prng.int(0, 3);
      if (test === 0) {
        const replay = await this.exchange(chain.app, chain.code);
        check(replay.status === 400 && replay.body.error_description === 'code is invalid', `an exchanged code stays spent (${replay.status} ${JSON.stringify(replay.body)})`);
        this.checked.codeReplays++;
      } else if (test === 1 && chain.prevRefresh) {
        const replay = await this.refreshWith(chain.app, chain.prevRefresh);
        check(replay.status === 400 && replay.body.error === 'invalid_grant', `a rotated refresh token stays dead (${replay.status} ${JSON.stringify(replay.body)})`);
        this.checked.refreshReplays++;
      } else {
        const next = await this.refreshWith(chain.app, chain.refresh);
        check(next.status === 200, `the latest refresh token still refreshes (${next.status} ${JSON.stringify(next.body)})`);
        if (next.status === 200) this.chains.push({ ...chain, prevAccess: chain.access, prevRefresh: chain.refresh, access: next.body.access_token as string, refresh: next.body.refresh_token as string });
      }
    }

    for (const { vrn, periodKey, access } of this.vatReturns) {
      const view = await send(this.url(`/organisations/vat/${vrn}/returns/${encodeURIComponent(periodKey)}`), { bearer: access, accept: JSON_V1 });
      check(view.status === 200 && view.body.periodKey === periodKey && view.body.netVatDue === vatReturn(periodKey).netVatDue, `VAT return ${vrn} ${periodKey} is kept (${view.status})`);
      const again = await send(this.url(`/organisations/vat/${vrn}/returns`), { json: vatReturn(periodKey), bearer: access, accept: JSON_V1 });
      check(again.status === 403 && again.body.code === 'DUPLICATE_SUBMISSION', `and cannot be submitted twice (${again.status})`);
      this.checked.vatReturns++;
    }
  }
}
