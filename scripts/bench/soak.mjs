// "Soak": a long run of many link journeys at once, through the real pages, then the clock moved past every
// expiry. The figure is whether the emulator answers every one of them and gives its memory back.
//
// On its own emulator process, with HMRC's default throttle: a soak application with a high
// `rateLimitPerSecond` is registered through the control API, and the journeys are spread over test users made
// with the Create Test User API, so neither the 3 requests/s throttle nor a lock-out can be what the soak
// measures. Each journey is authorize → start page → sign in → grant → token → /hello/user, as flow.mjs drives
// it (cookie jar, CSRF tokens from the forms).
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { authorizationCodeFlow, JSON_V1 } from './flow.mjs';
import { form, keepAliveAgent, resent, runLoad, send } from './http.mjs';
import { startServer } from './servers.mjs';

const CLIENT = { clientId: 'BenchSoakApplication000000', clientSecret: 'bench-soak-secret-1', redirectUri: 'http://localhost:3000/callback' };
/** Past every expiry: codes (10 minutes), tokens (4 hours), grants (547 days), sessions, lock-outs. */
const PAST_EVERY_EXPIRY = 'P600D';
const QUIET_JOURNEYS_MS = 10_000;

/**
 * Runs the soak; resolves `{ journeys, failed, firstFailure, perSecond, rssStartMb, rssPeakMb, rssAfterMb, settleSeconds }`.
 * `rssStartMb` is read once the soak's application and users exist and a few journeys have warmed the emulator up.
 */
export async function soak(command, { concurrency, durationMs, users, settleMs = 120_000, log = () => {} }) {
  const server = await startServer(command);
  try {
    const { target } = server;
    const registered = await send(target, {
      method: 'POST',
      path: '/_emulator/applications',
      headers: { 'content-type': 'application/json'},
      body: JSON.stringify({ clientId: CLIENT.clientId, clientSecrets: [CLIENT.clientSecret], name: 'Bench soak', redirectUris: [CLIENT.redirectUri], rateLimitPerSecond: 1_000_000 }),
    });
    if (registered.status !== 201) throw new Error(`soak: registering the application: ${registered.status} ${registered.body}`);
    const applicationToken = await clientCredentials(target);
    const people = [];
    for (let i = 0; i < users; i++) {
      const res = await send(target, {
        method: 'POST',
        path: '/create-test-user/individuals',
        headers: { accept: JSON_V1, 'content-type': 'application/json', authorization: `Bearer ${applicationToken}` },
        body: '{}',
      });
      if (res.status !== 201) throw new Error(`soak: creating test user ${i + 1}: ${res.status} ${res.body}`);
      const { userId, password } = JSON.parse(res.body);
      people.push({ userId, password });
    }
    let next = 0;
    let opened = 0;
    // Browsers, each with its one keep-alive connection, taken by a journey and given back for the next one. The
    // first ones open at 2 ms intervals, not all in the same millisecond, so the listen queue never overflows.
    const browsers = [];
    const journey = async () => {
      let browser = browsers.pop();
      if (!browser) {
        await sleep(2 * opened++);
        browser = keepAliveAgent(1);
      }
      try {
        return await authorizationCodeFlow(target, browser, { user: people[next++ % people.length], client: CLIENT, timeoutMs: 120_000 });
      } finally {
        browsers.push(browser);
      }
    };
    const warmUp = await runLoad({ task: journey, concurrency: 10, count: 50 });
    if (warmUp.failed) throw new Error(`soak: warm-up journeys failed: ${warmUp.firstFailure}`);
    const rssStartMb = server.rssMb();
    log(`soak: ${concurrency} journeys at once for ${durationMs / 1000} s over ${users} test users; RSS at start ${rssStartMb.toFixed(0)} MB`);

    let rssPeakMb = rssStartMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, server.rssMb())), 1_000);
    opened = 0;
    const resentBefore = resent.count;
    const run = await runLoad({ task: journey, concurrency, durationMs }).finally(() => clearInterval(sampler));

    // Past every expiry; the first store call after the move sweeps (emulator/store/memory-store.ts).
    const advanced = await send(target, { method: 'POST', path: '/_emulator/clock/advance', headers: { 'content-type': 'application/json'}, body: JSON.stringify({ by: PAST_EVERY_EXPIRY }) });
    if (advanced.status !== 200) throw new Error(`soak: clock advance: ${advanced.status} ${advanced.body}`);
    const settleStart = performance.now();
    // A quiet spell after the busy one: a few journeys at a time for a while (they bring the full collections that
    // find the soak's entries gone), then only a health check now and then. V8 gives unused heap back once
    // allocation has been low for some seconds after a full collection (its memory reducer), not under load.
    const quiet = await runLoad({ task: journey, concurrency: 4, durationMs: QUIET_JOURNEYS_MS });
    if (quiet.failed) throw new Error(`soak: journeys after the clock advance failed: ${quiet.firstFailure}`);
    let rssAfterMb = server.rssMb();
    while (rssAfterMb > rssStartMb * 1.2 && performance.now() - settleStart < settleMs) {
      await sleep(1_000);
      const health = await send(target, { path: '/_emulator/health' });
      if (health.status !== 200) throw new Error(`soak: health after the clock advance: ${health.status} ${health.body}`);
      rssAfterMb = server.rssMb();
    }
    for (const browser of browsers) browser.destroy();
    return { ...run, journeys: run.ok, resent: resent.count - resentBefore, rssStartMb, rssPeakMb, rssAfterMb, settleSeconds: (performance.now() - settleStart) / 1000 };
  } finally {
    await server.stop();
  }
}

async function clientCredentials(target) {
  const res = await send(target, {
    method: 'POST',
    path: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
  });
  if (res.status !== 200) throw new Error(`soak: client_credentials: ${res.status} ${res.body}`);
  return JSON.parse(res.body).access_token;
}
