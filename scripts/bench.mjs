// `npm run bench`: the emulator's speed beside its peers, in one run, on this machine.
//
// Each server runs in its own child process on 127.0.0.1; this process only generates load, over
// keep-alive sockets with a fixed concurrency, for a fixed time. Throughput figures alternate
// between the emulator and its peer in short rounds, so a burst of load from elsewhere on the machine
// hits both sides alike. Targets print PASS or MISS; a miss never fails the run.
//
//   npm run bench                    the whole bench (about four minutes on 2 cores)
//   node scripts/bench.mjs --quick   shorter rounds, to check the bench itself works
//   node scripts/bench.mjs --json out.json   also write the figures as JSON
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { timeConformanceCatalogue } from './bench/conformance.mjs';
import { authorizationCodeFlow, CLIENT_ID, CLIENT_SECRET, JSON_V1, userAccessToken } from './bench/flow.mjs';
import { clientCredentialsTask, keepAliveAgent, runLoad, send, stopIfBroken } from './bench/http.mjs';
import { soak } from './bench/soak.mjs';
import { createTenants, growDatabase, startRedis } from './bench/stores.mjs';
import { absoluteTarget, fmt, line, ratioTarget } from './bench/report.mjs';
import { CLIENT as BARE_CLIENT } from './bench/servers/client.mjs';
import { bareExpressCommand, bareOidcProviderCommand, emulatorCommand, oauth2MockServerCommand, startServer } from './bench/servers.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const ROUND_MS = quick ? 500 : 1_500;
const ROUNDS = quick ? 2 : 4;
const WARM_UP_MS = quick ? 300 : 1_000;
const CONCURRENCY = 16;
const COLD_STARTS = quick ? 2 : 5;
const FLOW_MS = quick ? 2_000 : 5_000;
const FLOW_CONCURRENCY = 8;
const FLOW_ROUND_MS = quick ? 500 : 2_000;
const MEMORY_TOKENS = quick ? 10_000 : 100_000;
const STORE_NAMES = { emulator: 'memory', sqlite: 'SQLite', redis: 'Redis' };
const SOAK = quick ? { concurrency: 100, durationMs: 5_000, users: 20 } : { concurrency: 1_000, durationMs: 60_000, users: 100 };

if (!existsSync(new URL('../dist/bundle/cli.mjs', import.meta.url))) {
  console.error('bench: dist/bundle/cli.mjs is missing; run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(1);
}

// The emulator's own 3 requests/s throttle would cap every figure: raise it for the bench only.
const configDir = mkdtempSync(join(tmpdir(), 'hmrc-sandbox-bench-'));
const configFile = join(configDir, 'bench-config.json');
writeFileSync(configFile, JSON.stringify({ throttle: { requestsPerSecond: 1_000_000_000 } }));
const EMULATOR = emulatorCommand(configFile);

const agent = keepAliveAgent(CONCURRENCY);
const results = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg()[0], quick };
const benchStarted = performance.now();

console.log(`HMRC local sandbox bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}${quick ? ', --quick' : ''}`);
console.log(`  load: ${CONCURRENCY} keep-alive connections, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per server after a ${WARM_UP_MS / 1000} s warm-up\n`);

// ── Cold start: spawn → first 200, alternating, median of COLD_STARTS each ───────────────────────
const coldStarts = { emulator: [], oidc: [] };
const coldStartCpu = { emulator: [], oidc: [] };
for (let i = 0; i < COLD_STARTS; i++) {
  for (const [key, command] of [['emulator', EMULATOR], ['oidc', bareOidcProviderCommand]]) {
    const server = await startServer(command);
    coldStarts[key].push(server.coldStartMs);
    coldStartCpu[key].push(server.coldStartCpuMs);
    await server.stop();
  }
}
results.coldStartMs = coldStarts;
results.coldStartCpuMs = coldStartCpu;

// ── The servers under load, each in its own process ──────────────────────────────────────────────
const tokenEmulator = await startServer(EMULATOR);
const apiEmulator = await startServer(EMULATOR);
const bareOidc = await startServer(bareOidcProviderCommand);
const mockServer = await startServer(oauth2MockServerCommand);
const bareExpress = await startServer(bareExpressCommand);
results.emulatorRssAtStartMb = tokenEmulator.rssMb();

const tokenTask = (server, path, fields) => clientCredentialsTask(server, path, fields, agent);
const apiTask = (server, token) => {
  const headers = { accept: JSON_V1, authorization: `Bearer ${token}` };
  return async () => {
    const res = await send(server.target, { path: '/hello/user', headers, agent });
    return res.status === 200 && res.body === '{"message":"Hello User"}' ? true : `${server.name}: ${res.status} ${res.body.slice(0, 200)}`;
  };
};

// ── client_credentials tokens/s ──────────────────────────────────────────────────────────────────
let tokensIssued = 0;
const issueEmulatorToken = tokenTask(tokenEmulator, '/oauth/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
const emulatorTokenTask = async () => {
  const result = await issueEmulatorToken();
  if (result === true) tokensIssued++;
  return result;
};
const tokens = await alternate({
  emulator: { server: tokenEmulator, task: emulatorTokenTask },
  bareOidcProvider: { server: bareOidc, task: tokenTask(bareOidc, '/token', BARE_CLIENT) },
  oauth2MockServer: { server: mockServer, task: tokenTask(mockServer, '/token', { client_id: 'bench-client', client_secret: 'bench-client-secret' }) },
});
results.tokens = tokens;

// ── /hello/user requests/s with a user token ─────────────────────────────────────────────────────
const userToken = await userAccessToken(apiEmulator.target, agent);
const api = await alternate({
  emulator: { server: apiEmulator, task: apiTask(apiEmulator, userToken) },
  bareExpress: { server: bareExpress, task: apiTask(bareExpress, 'not-checked') },
});
results.api = api;

// ── Complete authorization-code flows/s ──────────────────────────────────────────────────────────
const flowAgent = keepAliveAgent(FLOW_CONCURRENCY * 2);
// After a warm-up, as every throughput figure here: the first flows compile the pages and their code paths.
failIfBroken('authorization-code flows (warm-up)', await runLoad({ task: () => authorizationCodeFlow(apiEmulator.target, flowAgent), concurrency: FLOW_CONCURRENCY, durationMs: WARM_UP_MS }));
const cpuBeforeFlows = apiEmulator.cpuMs();
const flows = await runLoad({ task: () => authorizationCodeFlow(apiEmulator.target, flowAgent), concurrency: FLOW_CONCURRENCY, durationMs: FLOW_MS });
failIfBroken('authorization-code flows', flows);
results.flowsPerSecond = flows.perSecond;
results.flowCpuMs = cpuBeforeFlows === undefined ? undefined : (apiEmulator.cpuMs() - cpuBeforeFlows) / flows.ok;

results.bareOidcProviderRssMb = bareOidc.rssMb();
for (const server of [apiEmulator, bareOidc, mockServer, bareExpress]) await server.stop();

// ── Memory after MEMORY_TOKENS tokens ────────────────────────────────────────────────────────────
const topUp = await runLoad({ task: emulatorTokenTask, concurrency: CONCURRENCY, count: Math.max(0, MEMORY_TOKENS - tokensIssued) });
failIfBroken('token top-up', topUp);
results.tokensIssued = tokensIssued;
results.emulatorRssMb = tokenEmulator.rssMb();
await tokenEmulator.stop();

// ── Soak: 1,000 link journeys at once for 60 s, then the clock past every expiry ───────────────────
// Its own emulator with HMRC's default throttle (the soak registers an application with a high rate limit).
const soakConfigFile = join(configDir, 'soak-config.json');
writeFileSync(soakConfigFile, '{}');
results.soak = await soak(emulatorCommand(soakConfigFile), SOAK);

// ── Stores: memory, SQLite and Redis side by side; idle tenants; a cold start on a 100 MB database ──────
results.stores = await benchStores();

// ── Conformance catalogue ────────────────────────────────────────────────────────────────────────
results.conformance = timeConformanceCatalogue();
rmSync(configDir, { recursive: true, force: true });
results.benchSeconds = (performance.now() - benchStarted) / 1000;

// ── Report ───────────────────────────────────────────────────────────────────────────────────────
const { tokens: tk, api: ap } = results;
const cpu = (micros) => (micros === undefined ? '' : `${fmt.number(micros)} µs CPU/req`);
results.targets = {
  tokensVsBareOidcProvider: ratioTarget(tk.ratio('bareOidcProvider'), { atLeast: 0.7 }),
  tokensVsOauth2MockServer: ratioTarget(tk.ratio('oauth2MockServer'), { atLeast: 1.5 }),
  apiVsBareExpress: ratioTarget(ap.ratio('bareExpress'), { atLeast: 0.6 }),
  coldStartVsBareOidcProvider: ratioTarget(median(coldStarts.emulator.map((ms, i) => ms / coldStarts.oidc[i])), { atMost: 1.2 }),
  flows: absoluteTarget(results.flowsPerSecond, { atLeast: 100, unit: 'flows/s' }),
  rss: absoluteTarget(results.emulatorRssMb, { below: 150, unit: 'MB' }),
  soakErrors: absoluteTarget(results.soak.failed, { atMost: 0, unit: 'errors' }),
  soakRss: ratioTarget(results.soak.rssAfterMb / results.soak.rssStartMb, { atMost: 1.2 }),
  sqliteTokensVsMemory: ratioTarget(1 / results.stores.tokens.ratio('sqlite'), { atLeast: 0.6 }),
  sqliteFlows: absoluteTarget(results.stores.flowsPerSecond.sqlite, { atLeast: 100, unit: 'flows/s' }),
  ...(results.stores.tokens.perSecond.redis === undefined ? {} : { redisTokensVsMemory: ratioTarget(1 / results.stores.tokens.ratio('redis'), { atLeast: 0.4 }) }),
  hundredTenantsRss: absoluteTarget(results.stores.tenantsRssMb, { below: 100, unit: 'MB' }),
  coldStart100MbVsBareOidcProvider: ratioTarget(median(results.stores.bigColdStartMs.map((ms, i) => ms / results.stores.bigColdStartOidcMs[i])), { atMost: 1.2 }),
};
const tg = results.targets;
const report = [
  'client_credentials tokens/s',
  line('emulator', fmt.number(tk.perSecond.emulator), 'tokens/s', cpu(tk.cpuMicros.emulator)),
  line('bare oidc-provider', fmt.number(tk.perSecond.bareOidcProvider), 'tokens/s', cpu(tk.cpuMicros.bareOidcProvider)),
  line('oauth2-mock-server', fmt.number(tk.perSecond.oauth2MockServer), 'tokens/s', cpu(tk.cpuMicros.oauth2MockServer)),
  line('emulator ÷ bare oidc-provider', tg.tokensVsBareOidcProvider.value, '', `${tg.tokensVsBareOidcProvider.text}${byCpu(tk.cpuMicros, 'bareOidcProvider')}`),
  line('emulator ÷ oauth2-mock-server', tg.tokensVsOauth2MockServer.value, '', `${tg.tokensVsOauth2MockServer.text}${byCpu(tk.cpuMicros, 'oauth2MockServer')}`),
  '',
  'GET /hello/user requests/s (valid user token, application/vnd.hmrc.1.0+json)',
  line('emulator', fmt.number(ap.perSecond.emulator), 'req/s', cpu(ap.cpuMicros.emulator)),
  line('bare express 5 route', fmt.number(ap.perSecond.bareExpress), 'req/s', cpu(ap.cpuMicros.bareExpress)),
  line('emulator ÷ bare express', tg.apiVsBareExpress.value, '', `${tg.apiVsBareExpress.text}${byCpu(ap.cpuMicros, 'bareExpress')}`),
  '',
  `Cold start, spawn → first 200 (median of ${COLD_STARTS}, alternating)`,
  line('emulator (hmrc-sandbox serve)', fmt.number(median(coldStarts.emulator)), 'ms', `[${coldStarts.emulator.map((ms) => fmt.number(ms)).join(', ')}]${cpuToStart(coldStartCpu.emulator)}`),
  line('bare oidc-provider', fmt.number(median(coldStarts.oidc)), 'ms', `[${coldStarts.oidc.map((ms) => fmt.number(ms)).join(', ')}]${cpuToStart(coldStartCpu.oidc)}`),
  line('emulator ÷ bare oidc-provider', tg.coldStartVsBareOidcProvider.value, '', `${tg.coldStartVsBareOidcProvider.text}${startByCpu()}`),
  '',
  'Authorization-code flows/s (authorize → sign in → grant → token → /hello/user)',
  line(`emulator, ${FLOW_CONCURRENCY} browsers at once`, fmt.number(results.flowsPerSecond, 1), 'flows/s', `${tg.flows.text}${results.flowCpuMs ? `  (${fmt.number(results.flowCpuMs, 1)} ms CPU per flow)` : ''}`),
  '',
  'Memory (RSS)',
  line('emulator at start', fmt.number(results.emulatorRssAtStartMb), 'MB'),
  line(`emulator after ${fmt.number(results.tokensIssued)} tokens`, fmt.number(results.emulatorRssMb), 'MB', tg.rss.text),
  line('bare oidc-provider after its rounds', fmt.number(results.bareOidcProviderRssMb), 'MB', '(for reference; it keeps at most 1,000 tokens)'),
  '',
  `Soak: ${fmt.number(SOAK.concurrency)} link journeys at once through the pages for ${SOAK.durationMs / 1000} s, then the clock moved past every expiry`,
  line('journeys completed', fmt.number(results.soak.journeys), '', `${fmt.number(results.soak.perSecond, 1)}/s over ${fmt.number(results.soak.seconds)} s`),
  line('errors', fmt.number(results.soak.failed), '', `${tg.soakErrors.text}${results.soak.firstFailure ? `  first: ${results.soak.firstFailure}` : ''}`),
  line('requests sent again', fmt.number(results.soak.resent), '', '(connection reset before any answer: sent once more, as a browser does)'),
  line('RSS at start · peak', `${fmt.number(results.soak.rssStartMb)} · ${fmt.number(results.soak.rssPeakMb)}`, 'MB'),
  line('RSS after the expiries ÷ at start', tg.soakRss.value, '', `${tg.soakRss.text}  (${fmt.number(results.soak.rssAfterMb)} MB, ${fmt.number(results.soak.settleSeconds)} s after the advance)`),
  '',
  'Stores: the memory store (--ephemeral), SQLite (--data-dir) and Redis (--store), one emulator process each, alternating rounds',
  ...['emulator', 'sqlite', 'redis'].filter((k) => results.stores.tokens.perSecond[k] !== undefined).map((k) =>
    line(STORE_NAMES[k], `${fmt.number(results.stores.tokens.perSecond[k])} tokens/s · ${fmt.number(results.stores.flowsPerSecond[k], 1)} flows/s`, '', `${cpu(results.stores.tokens.cpuMicros[k])}${results.stores.flows.cpuMicros[k] === undefined ? '' : ` · ${fmt.number(results.stores.flows.cpuMicros[k] / 1000, 1)} ms CPU/flow`}`),
  ),
  line('SQLite ÷ memory, tokens/s', tg.sqliteTokensVsMemory.value, '', tg.sqliteTokensVsMemory.text),
  line('SQLite flows/s', fmt.number(results.stores.flowsPerSecond.sqlite, 1), 'flows/s', tg.sqliteFlows.text),
  tg.redisTokensVsMemory ? line('Redis ÷ memory, tokens/s', tg.redisTokensVsMemory.value, '', tg.redisTokensVsMemory.text) : `  Redis: skipped (${results.stores.redisSkipped})`,
  line('100 tenants, each used once', fmt.number(results.stores.tenantsRssMb), 'MB more RSS', `${tg.hundredTenantsRss.text}  (${fmt.number(results.stores.tenantsSeconds, 1)} s to create)`),
  line(`cold start on a ${fmt.number(results.stores.bigDatabaseMb)} MB database`, fmt.number(median(results.stores.bigColdStartMs)), 'ms', `${tg.coldStart100MbVsBareOidcProvider.text}  (bare oidc-provider ${fmt.number(median(results.stores.bigColdStartOidcMs))} ms)`),
  '',
  'Conformance catalogue time',
  results.conformance.skipped
    ? `  skipped: ${results.conformance.skipped}`
    : line('whole catalogue', fmt.number(results.conformance.ms), 'ms', `${results.conformance.ok ? '' : 'NOT GREEN: '}${results.conformance.note}`),
  '',
  `${Object.values(tg).filter((x) => x.pass).length} of ${Object.keys(tg).length} targets met. Bench took ${fmt.number(results.benchSeconds)} s; load average now ${loadavg()[0].toFixed(2)}.`,
];
if (loadavg()[0] > 1.5) report.push('The machine was busy (load average above 1.5): throughput figures are noisy; the CPU µs/req figures less so.');
console.log(report.join('\n'));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ ...results, tokens: strip(tk), api: strip(ap) }, null, 2)}\n`);

/**
 * Each store behind its own emulator process (`emulator` is the memory store): client_credentials tokens/s and
 * authorization-code flows/s, each in alternating rounds; the RSS 100 tenants add; and cold starts on a 100 MB SQLite
 * database alternating with the bare oidc-provider's.
 */
async function benchStores() {
  const out = {};
  const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-sqlite-'));
  const redis = await startRedis();
  const servers = {
    emulator: await startServer(EMULATOR),
    sqlite: await startServer(emulatorCommand(configFile, ['--data-dir', sqliteDir], 'emulator on SQLite')),
    ...(redis.url ? { redis: await startServer(emulatorCommand(configFile, ['--store', redis.url], 'emulator on Redis')) } : {}),
  };
  out.redisSkipped = redis.skipped;
  out.tokens = await alternate(Object.fromEntries(Object.entries(servers).map(([k, server]) => [k, { server, task: tokenTask(server, '/oauth/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }) }])));
  // Flows alternate between the stores in rounds too, after a warm-up each, as the tokens do: run one after another,
  // a store's figure carried whatever else the machine was doing in its five seconds, and its first second compiling
  // the pages.
  const flowAgent = keepAliveAgent(FLOW_CONCURRENCY * 2);
  const flowTask = (server) => async () => {
    const result = await authorizationCodeFlow(server.target, flowAgent);
    return result === true ? true : `${server.name} flows: ${result}`;
  };
  out.flows = await alternate(Object.fromEntries(Object.entries(servers).map(([k, server]) => [k, { server, task: flowTask(server) }])), { concurrency: FLOW_CONCURRENCY, roundMs: FLOW_ROUND_MS });
  out.flowsPerSecond = out.flows.perSecond;
  const before = servers.emulator.rssMb();
  const started = performance.now();
  await createTenants(servers.emulator.target, agent, 100);
  out.tenantsSeconds = (performance.now() - started) / 1000;
  out.tenantsRssMb = servers.emulator.rssMb() - before;
  for (const server of Object.values(servers)) await server.stop();
  await redis.stop?.();
  rmSync(sqliteDir, { recursive: true, force: true });

  const bigDir = mkdtempSync(join(tmpdir(), 'bench-big-'));
  const big = emulatorCommand(configFile, ['--data-dir', bigDir], 'emulator on a large database');
  await (await startServer(big)).stop();
  growDatabase(bigDir, quick ? 20 : 100);
  out.bigDatabaseMb = statSync(join(bigDir, 'hmrc-sandbox.db')).size / 1024 / 1024;
  out.bigColdStartMs = [];
  out.bigColdStartOidcMs = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    for (const [list, command] of [[out.bigColdStartMs, big], [out.bigColdStartOidcMs, bareOidcProviderCommand]]) {
      const server = await startServer(command);
      list.push(server.coldStartMs);
      await server.stop();
    }
  }
  rmSync(bigDir, { recursive: true, force: true });
  return out;
}

/** The same comparison by CPU per request (peer's µs ÷ emulator's µs), when the OS reports CPU time. */
function byCpu(cpuMicros, peer) {
  return cpuMicros.emulator && cpuMicros[peer] ? `  (by CPU/req: ${fmt.number(cpuMicros[peer] / cpuMicros.emulator, 2)}×)` : '';
}

function startByCpu() {
  const [ours, theirs] = [coldStartCpu.emulator, coldStartCpu.oidc].map((cpuMs) => (cpuMs.every((ms) => ms) ? median(cpuMs) : undefined));
  return ours && theirs ? `  (by CPU: ${fmt.number(ours / theirs, 2)}×)` : '';
}

function cpuToStart(cpuMs) {
  return cpuMs.every((ms) => ms !== undefined) ? `, ${fmt.number(median(cpuMs))} ms CPU` : '';
}

function strip({ ratio: _ratio, ...rest }) {
  return rest;
}

/**
 * Warms each server up, then runs them in alternating rounds, back to back, so that a burst of load
 * from elsewhere on the machine hits the emulator and its peer alike. Per server: the median round's
 * requests/s and CPU µs per request (the server process's own CPU time, which outside load disturbs
 * less than wall-clock throughput). Ratios are the median of each round's emulator ÷ peer.
 */
async function alternate(servers, { concurrency = CONCURRENCY, roundMs = ROUND_MS } = {}) {
  const rounds = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
  for (const [name, { task }] of Object.entries(servers)) {
    failIfBroken(name, await runLoad({ task, concurrency, durationMs: WARM_UP_MS }));
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, { task, server }] of Object.entries(servers)) {
      const cpuBefore = server.cpuMs();
      const run = await runLoad({ task, concurrency, durationMs: roundMs });
      failIfBroken(name, run);
      const cpuAfter = server.cpuMs();
      rounds[name].push({ perSecond: run.perSecond, cpuMicros: cpuBefore === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / run.ok });
    }
  }
  const perSecond = Object.fromEntries(Object.entries(rounds).map(([name, r]) => [name, median(r.map((x) => x.perSecond))]));
  const cpuMicros = Object.fromEntries(Object.entries(rounds).map(([name, r]) => [name, r[0].cpuMicros === undefined ? undefined : median(r.map((x) => x.cpuMicros))]));
  const ratio = (peer) => median(rounds.emulator.map((x, i) => x.perSecond / rounds[peer][i].perSecond));
  return { perSecond, cpuMicros, ratio, rounds };
}

function failIfBroken(name, run) {
  stopIfBroken(`bench: ${name}`, run);
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
