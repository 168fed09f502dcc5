// Proves the README's first command: `npm start` installs, builds, starts the emulator and prints how to use it.
// Run by .ci/run on its fresh clone. Uses a free port so it never clashes with anything. Beyond Hello World it
// drives one link-software journey (the GOV.UK pages, sign-in, grant, token, /hello/user) and fetches GOV.UK
// Frontend's stylesheet: the bundled CLI finds its templates and node_modules' assets beside its sources.
// `serve` keeps its state in a data directory (SQLite, through better-sqlite3's native addon): here a temporary
// one, so the check never meets the state of an earlier run (or a running emulator's lock) in ./hmrc-sandbox-data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizationCodeFlow } from './bench/flow.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'check-start-'));
const env = { ...process.env, HMRC_SANDBOX_PORT: '0', HMRC_SANDBOX_DATA_DIR: dataDir };
const child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let output = '';
const fail = (why) => {
  console.error(`npm start check failed: ${why}\n${output}`);
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
};
const timer = setTimeout(() => fail('no start-up banner within 180 s'), 180_000);
child.on('exit', (code) => fail(`npm start exited with ${code}`));
child.stdout.on('data', async (chunk) => {
  output += chunk;
  const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
  if (!url || !/Seeded accounts/.test(output)) return;
  child.stdout.removeAllListeners('data');
  if (!output.includes(`Data:      ${dataDir}`)) fail(`the banner does not name the data directory ${dataDir}`);
  const res = await fetch(`${url}/hello/world`, { headers: { accept: 'application/vnd.hmrc.1.0+json' } });
  const body = await res.text();
  if (res.status !== 200 || body !== '{"message":"Hello World"}') fail(`GET /hello/world answered ${res.status} ${body}`);
  const { hostname, port } = new URL(url);
  const flow = await authorizationCodeFlow({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) });
  if (flow !== true) fail(`the link-software journey failed: ${flow}`);
  const css = await fetch(`${url}/assets/govuk-frontend.min.css`);
  if (css.status !== 200 || !(await css.text()).includes('.govuk-')) fail(`GET /assets/govuk-frontend.min.css answered ${css.status}`);
  const script = await fetch(`${url}/_emulator/dashboard.js`);
  if (script.status !== 200 || !(await script.text()).includes('fetch(')) fail(`GET /_emulator/dashboard.js answered ${script.status}`);
  clearTimeout(timer);
  child.removeAllListeners('exit');
  process.kill(-child.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`npm start: OK (${url}: Hello World, one journey to a token and /hello/user, GOV.UK Frontend's stylesheet, the dashboard's script, state in a data directory)`);
});
