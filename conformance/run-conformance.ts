import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type RunningEmulator } from '../emulator/index.js';
import { CHECKS, findCheck } from './checks.js';
import { loadVendorConfig, VendorConfigError, type VendorConfig } from './contract/vendor-config.js';
import { BrowserUserAgent, type BrowserHandle } from './drivers/browser-user-agent.js';
import { HttpUserAgent } from './drivers/http-user-agent.js';
import { Software } from './drivers/software.js';
import type { Sighting, UserAgent } from './drivers/user-agent.js';
import { SCENARIOS } from './scenarios/index.js';
import { EmulatorClient } from './runner/emulator-client.js';
import { hardCodedHostsEnv, needsProxy } from './runner/hard-coded-hosts.js';
import { loadExpectedFailures } from './runner/expected-failures.js';
import { resolveUser, taxpayerEnv } from './runner/resolve-user.js';
import { Blocked, CheckFailed, NotApplicable } from './runner/outcomes.js';
import type { CheckResult, Reporter, RunReport } from './runner/report.js';
import { RunLedger } from './runner/run-ledger.js';
import { runTarget } from './runner/run-tenant.js';
import { CheckSession, type SessionDeps } from './runner/session.js';
import { VendorProcess } from './runner/vendor-process.js';

type Check = (typeof CHECKS)[number];

export interface RunOptions {
  /** The vendor contract (YAML or JSON). */
  configPath: string;
  /** Use this running emulator instead of starting one: when the kit launches the software, the run takes a tenant of its own there (run-tenant.ts). */
  emulatorUrl?: string | undefined;
  /** `false`: use `emulatorUrl` as it is, without a tenant (it should then be dedicated to the run: the kit moves its clock). */
  tenant?: boolean | undefined;
  /** The running emulator's control token, when it needs one; defaults to `HMRC_SANDBOX_CONTROL_TOKEN`. */
  controlToken?: string | undefined;
  /** Run only these checks. */
  only?: string[] | undefined;
  /** Expected-failures file; overrides the config's `expectedFailures`. */
  expectedFailures?: string | undefined;
  /** Overrides the config's user agent. */
  userAgent?: 'http' | 'browser' | undefined;
  reporters: Reporter[];
  env?: NodeJS.ProcessEnv;
  /** Stops the run after the current check (the software and the emulator are still shut down). */
  signal?: AbortSignal | undefined;
}

/**
 * Runs the catalogue against the vendor's software: starts (or attaches to) an emulator, registers the application,
 * launches the software, then runs each check from a clean slate and collects its evidence from the journal.
 * Everything lives in this call: several runs can share a process.
 *
 * @example
 * const report = await runConformance({ configPath: 'vendor.yaml', reporters: [consoleReporter(process.stdout)] });
 * process.exitCode = report.summary.unexpected ? 1 : 0;
 */
export async function runConformance(options: RunOptions): Promise<RunReport> {
  const env = options.env ?? process.env;
  const started = performance.now();
  const startedAt = new Date(performance.timeOrigin + started).toISOString();
  const config = loadVendorConfig(options.configPath, { port: await freePort(), env });
  if (options.userAgent) config.userAgent = options.userAgent;
  const selected = selectChecks(options.only);
  const expectedPath = options.expectedFailures ?? config.expectedFailures;
  const expected = expectedPath ? loadExpectedFailures(expectedPath) : new Map<string, string>();

  const proxied = needsProxy(config, options.emulatorUrl);
  const resources: Array<() => Promise<void> | void> = [];
  try {
    let running: RunningEmulator | undefined;
    if (!options.emulatorUrl) {
      running = await start({ port: 0, seed: 'conformance', clock: { frozen: true }, ...(proxied ? { proxy: { port: 0 } } : {}) });
      resources.push(() => running!.stop());
    }
    const controlToken = running ? undefined : (options.controlToken ?? env.HMRC_SANDBOX_CONTROL_TOKEN);
    // A tenant only when the kit launches the software and so can hand it the tenant's URL; software already running
    // was configured with the URL it was given.
    const inTenant = options.tenant !== false && config.launch !== undefined;
    const target = running ? { baseUrl: running.baseUrl } : await runTarget(options.emulatorUrl!, controlToken, inTenant);
    if (target.release) resources.push(target.release);
    const emulator = new EmulatorClient(target.baseUrl.replace(/\/$/, ''), controlToken);
    await emulator.health();

    const clientId = config.application.clientId ?? `Conformance${randomBytes(12).toString('hex').slice(0, 17)}`;
    const clientSecret = config.application.clientSecret ?? randomUUID();
    await emulator.registerApplication({ clientId, clientSecrets: [clientSecret], name: config.name, redirectUris: config.application.redirectUris, subscriptions: config.application.subscriptions });

    const accounts = await emulator.accounts();
    const user = resolveUser(config.user, accounts, 'user');
    const wrongUser = resolveUser(config.wrongUser, accounts, 'wrongUser');
    const agent = resolveUser({ persona: 'agent' }, accounts, 'agent');
    const run = new RunLedger(await emulator.mark());
    for (const secret of [clientSecret, user.password, wrongUser.password, agent.password]) run.redactor.secret(secret);

    const workdir = mkdtempSync(join(tmpdir(), 'hmrc-conformance-'));
    resources.push(() => rmSync(workdir, { recursive: true, force: true }));
    const vendorEnv: NodeJS.ProcessEnv = {
      ...env,
      HMRC_BASE_URL: emulator.baseUrl,
      HMRC_CLIENT_ID: clientId,
      HMRC_CLIENT_SECRET: clientSecret,
      HMRC_REDIRECT_URI: config.application.redirectUris[0],
      HMRC_REDIRECT_URIS: config.application.redirectUris.join(' '),
      HMRC_CONNECTION_METHOD: config.connectionMethod,
      HMRC_CONFORMANCE_WORKDIR: workdir,
      // Software that "opens the browser" through $BROWSER (Python's webbrowser, many CLIs) prints the URL instead.
      BROWSER: 'echo',
      ...taxpayerEnv(user),
      ...(proxied ? hardCodedHostsEnv({ port: running!.tls!.proxyPort!, caPem: running!.tls!.ca.certPem }, workdir) : {}),
    };
    if (config.launch) {
      const vendor = await VendorProcess.launch(config.launch, config.cwd, vendorEnv);
      resources.push(() => vendor.stop());
    }
    const software = new Software(config, vendorEnv);
    const newUserAgent = userAgentFactory(config, emulator, resources, run.observe);

    for (const r of options.reporters) r.runStarted?.({ vendor: config.name, emulatorUrl: emulator.baseUrl, checks: selected.length });
    const results: CheckResult[] = [];
    for (const check of selected) {
      options.signal?.throwIfAborted();
      for (const r of options.reporters) r.checkStarted?.(check);
      const result = await runCheck(check, { config, emulator, software, clientId, clientSecret, newUserAgent, user, wrongUser, agent, run });
      result.expected = expected.get(check.id);
      results.push(result);
      result.unexpected = isUnexpected(result, results);
      for (const r of options.reporters) r.checkFinished?.(result);
    }
    for (const result of results) result.unexpected = isUnexpected(result, results);

    const count = (status: CheckResult['status']): number => results.filter((r) => r.status === status).length;
    const nowPassing = results.filter((r) => r.status === 'passed' && r.expected).map((r) => r.id);
    const report: RunReport = {
      tool: 'hmrc-sandbox conform',
      reportVersion: 1,
      vendor: config.name,
      emulatorUrl: emulator.baseUrl,
      userAgent: config.userAgent,
      connectionMethod: config.connectionMethod,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      summary: {
        total: results.length,
        passed: count('passed'),
        failed: count('failed'),
        blocked: count('blocked'),
        skipped: count('skipped'),
        expectedFailures: results.filter((r) => r.status === 'failed' && r.expected).length,
        unexpected: results.filter((r) => r.unexpected).length,
        expectedButPassed: nowPassing,
      },
      checks: results,
    };
    for (const r of options.reporters) await r.runFinished?.(report);
    return report;
  } finally {
    for (const release of resources.reverse()) await release();
  }
}

function selectChecks(only: string[] | undefined): Check[] {
  if (!only?.length) return [...CHECKS];
  const unknown = only.filter((id) => !findCheck(id));
  if (unknown.length) throw new VendorConfigError([`--only: unknown check ${unknown.join(', ')}; known checks: ${CHECKS.map((c) => c.id).join(', ')}`]);
  return CHECKS.filter((c) => only.includes(c.id));
}

/** A failure counts unless excused; a blocked check counts unless the check that blocked it failed in this run. */
function isUnexpected(result: CheckResult, all: CheckResult[]): boolean {
  if (result.status === 'failed') return !result.expected;
  if (result.status === 'blocked') return !all.some((r) => r.id === result.blockedBy && r.status === 'failed');
  return false;
}

/** What every check of a run shares; each check's session adds its id and where its journal starts. */
type CheckDeps = Omit<SessionDeps, 'id' | 'since'>;

async function runCheck(check: Check, deps: CheckDeps): Promise<CheckResult> {
  const started = performance.now();
  const result: CheckResult = { ...check, status: 'passed', findings: [], notes: [], unexpected: false, durationMs: 0, evidence: [] };
  await deps.emulator.clearFaults();
  await deps.emulator.advance('PT1M');
  let session: CheckSession | undefined;
  try {
    await deps.software.reset();
    const since = await deps.emulator.mark();
    deps.run.checkStarted(check.id, since);
    session = new CheckSession({ ...deps, id: check.id, since });
    await startsNotLinked(session);
    await SCENARIOS[check.id].run(session);
  } catch (e) {
    if (e instanceof CheckFailed) Object.assign(result, { status: 'failed', findings: e.findings, message: e.findings[0] });
    else if (e instanceof Blocked) Object.assign(result, { status: 'blocked', blockedBy: e.by, message: `blocked by ${e.by}: ${e.message}` });
    else if (e instanceof NotApplicable) Object.assign(result, { status: 'skipped', message: e.message });
    else Object.assign(result, { status: 'failed', message: `the check could not run: ${(e as Error).message}`, findings: [`the check could not run: ${(e as Error).message}`] });
  } finally {
    if (session) {
      result.notes = session.notes;
      result.evidence = await session.evidence().catch(() => []);
      await session.close();
    }
    await deps.emulator.clearFaults().catch(() => undefined);
  }
  result.durationMs = Math.round(performance.now() - started);
  return redacted(result, deps.run);
}

/**
 * Each check starts from "not linked": after the reset hook, software that still shows anything else kept its
 * tokens, and the check cannot be judged (blocked by `reset`, whose rule that is).
 */
async function startsNotLinked(session: CheckSession): Promise<void> {
  if (!session.config.reset) return;
  const shown = await session.status();
  if (shown && shown.state !== 'not-linked') session.block('reset', `after the reset hook the software shows "${shown.state}", not "not-linked": the reset hook kept its tokens`);
}

/** The result with every secret and token masked (tokens HMRC issued in this check are learnt from its evidence first). */
function redacted(result: CheckResult, run: RunLedger): CheckResult {
  for (const entry of result.evidence) {
    const rb = entry.responseBody as Record<string, unknown> | undefined;
    if (entry.path === '/oauth/token' && rb && typeof rb === 'object') {
      run.redactor.issuedToken(rb.access_token);
      run.redactor.issuedToken(rb.refresh_token);
    }
  }
  const r = run.redactor;
  return { ...result, message: result.message === undefined ? undefined : r.text(result.message), findings: r.deep(result.findings), notes: r.deep(result.notes), evidence: r.deep(result.evidence) };
}

function userAgentFactory(config: VendorConfig, emulator: EmulatorClient, resources: Array<() => Promise<void> | void>, observe: (s: Sighting) => void): () => Promise<UserAgent> {
  const options = { emulatorUrl: emulator.baseUrl, controlToken: emulator.controlToken, redirectUris: config.application.redirectUris, hmrcHostsAreEmulator: config.hmrcHosts === 'hard-coded', observe };
  if (config.userAgent === 'http') return async () => new HttpUserAgent(options);
  if (options.hmrcHostsAreEmulator) throw new VendorConfigError(['hmrcHosts: hard-coded works with userAgent: http for now (the browser user agent cannot yet reach HMRC\'s hosts at the emulator)']);
  let browser: Promise<BrowserHandle> | undefined;
  return async () => {
    if (!browser) {
      browser = BrowserUserAgent.launchBrowser();
      resources.push(async () => (await browser!).close());
    }
    return BrowserUserAgent.create(await browser, options);
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
