// Compares builds of the emulator side by side, finer than `npm run bench` can: every server runs at once and the
// load moves between them in small batches (200 tokens or 24 flows, 0.03–0.3 s each), so the machine's own swings
// (±10–20 % from one minute to the next on a shared 2-core machine) hit every build alike. It reports each server's
// CPU time per token or per flow over the whole run (Linux only: it reads /proc), and the rate within its batches.
// Use it to tell whether a change helps by a few per cent, or to find which commit made a figure worse (a checkout of
// each, built, side by side).
//
//   node scripts/bench/compare.mjs [--flows] [--sqlite] [--seconds 30] [memory:|sqlite:]CLI... [bare]
//
//   CLI        a built CLI: dist/bundle/cli.mjs (what `npm start` runs) or dist/cli/main.js, of this or another checkout;
//              `sqlite:` before it runs that one on a new SQLite data dir, `memory:` with --ephemeral
//   bare       the bare oidc-provider of the bench (tokens only)
//   --flows    complete authorization-code flows (8 at once) instead of client_credentials tokens (16 at once)
//   --sqlite   every emulator without a prefix on a new SQLite data dir instead of --ephemeral
//
// e.g. git worktree add /tmp/before HEAD~3 && (cd /tmp/before && npm ci && npm run build)
//      node scripts/bench/compare.mjs --seconds 40 /tmp/before/dist/bundle/cli.mjs dist/bundle/cli.mjs bare
//      node scripts/bench/compare.mjs --flows sqlite:dist/bundle/cli.mjs memory:dist/bundle/cli.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authorizationCodeFlow, CLIENT_ID, CLIENT_SECRET } from './flow.mjs';
import { clientCredentialsTask, keepAliveAgent, runLoad, stopIfBroken } from './http.mjs';
import { fmt } from './report.mjs';
import { CLIENT as BARE_CLIENT } from './servers/client.mjs';
import { bareOidcProviderCommand, startServer } from './servers.mjs';

const args = process.argv.slice(2);
const flows = args.includes('--flows');
const sqlite = args.includes('--sqlite');
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 30;
const targets = args.filter((a, i) => !a.startsWith('--') && (secondsAt < 0 || i !== secondsAt + 1));
const unknown = args.filter((a) => a.startsWith('--') && !['--flows', '--sqlite', '--seconds'].includes(a));
if (targets.length === 0 || unknown.length > 0 || !(seconds > 0) || (flows && targets.includes('bare'))) {
  console.error('usage: node scripts/bench/compare.mjs [--flows] [--sqlite] [--seconds 30] [memory:|sqlite:]CLI... [bare]   (bare: tokens only)');
  process.exit(2);
}

const concurrency = flows ? 8 : 16;
const batch = flows ? 24 : 200;
const scratch = mkdtempSync(join(tmpdir(), 'hmrc-sandbox-compare-'));
// Also when a build answers wrongly and the run stops at once (servers.mjs kills the servers then).
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const configFile = join(scratch, 'config.json');
writeFileSync(configFile, JSON.stringify({ throttle: { requestsPerSecond: 1_000_000_000 } }));

const servers = [];
try {
  for (const [i, target] of targets.entries()) {
    const [, store = sqlite ? 'sqlite' : 'memory', cli = target] = /^(?:(memory|sqlite):)?(.*)$/.exec(target) ?? [];
    const state = store === 'sqlite' ? ['--data-dir', join(scratch, `data-${i}`)] : ['--ephemeral'];
    const command =
      target === 'bare' ? bareOidcProviderCommand : { name: target, args: [resolve(cli), 'serve', ...state, '--port', '0', '--config', configFile], readyPath: '/_emulator/health' };
    const server = await startServer(command);
    const agent = keepAliveAgent(concurrency * 2);
    servers.push({ name: target, server, task: flows ? () => authorizationCodeFlow(server.target, agent) : tokenTask(server, target === 'bare', agent), done: 0, ms: 0 });
  }
  for (const s of servers) stopIfBroken(`compare: ${s.name}`, await runLoad({ task: s.task, concurrency, count: batch * 5 }));
  for (const s of servers) s.cpuBefore = s.server.cpuMs();
  const deadline = performance.now() + seconds * 1000;
  // Each pass starts with the next server: whichever batch follows the slowest server's carries some of its aftermath
  // (one build came out 5–8 % slower when always first), so every server takes every place in turn.
  for (let pass = 0; performance.now() < deadline; pass++) {
    for (const s of [...servers.slice(pass % servers.length), ...servers.slice(0, pass % servers.length)]) {
      const run = await runLoad({ task: s.task, concurrency, count: batch });
      stopIfBroken(`compare: ${s.name}`, run);
      s.done += run.ok;
      s.ms += run.seconds * 1000;
    }
  }
  const unit = flows ? 'flow' : 'token';
  console.log(`${flows ? 'authorization-code flows' : 'client_credentials tokens'}, ${sqlite ? 'SQLite' : 'memory'} store unless named, ${seconds} s in batches of ${batch}, ${concurrency} at once`);
  for (const s of servers) {
    const cpuMs = s.server.cpuMs() - s.cpuBefore; // NaN off Linux: no /proc to read it from
    const perUnit = flows ? `${fmt.number(cpuMs / s.done, 2)} ms` : `${fmt.number((cpuMs * 1000) / s.done, 1)} µs`;
    console.log(`  ${s.name.padEnd(48)} ${perUnit} CPU/${unit}   ${fmt.number((s.done * 1000) / s.ms, flows ? 1 : 0)} ${unit}s/s   (${fmt.number(s.done)} ${unit}s)`);
  }
} finally {
  for (const s of servers) await s.server.stop();
}

function tokenTask(server, bare, agent) {
  return bare ? clientCredentialsTask(server, '/token', BARE_CLIENT, agent) : clientCredentialsTask(server, '/oauth/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, agent);
}
