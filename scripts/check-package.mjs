// Proves the package as a user gets it: packs it (`npm pack`, which builds), installs the tarball into an empty
// project outside this repository, then there runs `npx hmrc-sandbox serve --port 0 --ephemeral` until Hello World,
// one link-software journey and GOV.UK Frontend's stylesheet answer and Ctrl+C stops it; imports the programmatic
// API (`start`, with a data directory, so better-sqlite3's addon loads), the conformance kit and the test-runner
// integration; type-checks a TypeScript file against the shipped types; and runs examples/vitest-vendor's tests.
// Run by .ci/run. Prints the tarball's size and the install time.
//
// better-sqlite3 is compiled on install when its prebuilt addon cannot be downloaded, as here (no network but the
// npm registry): about 90 s. A user's install downloads it; this check hands prebuild-install the addon this
// repository's own install built (a `.prebuild-installrc` naming a local folder), so the install takes seconds.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { authorizationCodeFlow } from './bench/flow.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'check-package-'));
const project = join(work, 'vendor-project');
const npmEnv = { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };

function fail(why, output = '') {
  console.error(`package check failed: ${why}${output ? `\n${output}` : ''}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

function run(command, args, cwd, what) {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, env: npmEnv, encoding: 'utf8' });
  if (r.status !== 0) fail(`${what} exited with ${r.status}`, `${r.stdout}${r.stderr}`);
  return { stdout: r.stdout, output: `${r.stdout}${r.stderr}`, seconds: (performance.now() - started) / 1000 };
}

// 1. Build and pack (`npm pack` alone would build too, through `prepack`, with its output amid pack's JSON).
run('npm', ['run', 'build'], ROOT, 'npm run build');
const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT, 'npm pack').stdout)[0];
const tarball = join(work, packed.filename);
const paths = packed.files.map((f) => f.path);
for (const needed of ['dist/bundle/cli.mjs', 'dist/emulator/index.d.ts', 'dist/conformance/index.js', 'dist/emulator/pages/templates/layout.njk', 'fixtures/personas.yaml']) {
  if (!paths.includes(needed)) fail(`the tarball lacks ${needed}`);
}
if (paths.some((p) => /\.(test\.[jt]s|map)$|^(test|scripts|examples)\//.test(p))) fail(`the tarball holds tests, maps or tooling: ${paths.filter((p) => /\.(test\.[jt]s|map)$|^(test|scripts|examples)\//.test(p)).join(', ')}`);

// 2. The vendor project: a copy of examples/vitest-vendor, outside this repository, with better-sqlite3's addon at hand.
cpSync(join(ROOT, 'examples/vitest-vendor'), project, { recursive: true, filter: (src) => !/node_modules|package-lock\.json/.test(src) });
const sqlite = createRequire(join(ROOT, 'package.json'))('better-sqlite3/package.json');
const prebuilds = join(work, 'prebuilds');
mkdirSync(prebuilds);
const prebuilt = `better-sqlite3-v${sqlite.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
run('tar', ['czf', join(prebuilds, prebuilt), '-C', join(ROOT, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node'], ROOT, 'tar');
writeFileSync(join(project, '.prebuild-installrc'), `local-prebuilds=${prebuilds}\n`);
const install = run('npm', ['install', tarball, '--prefer-offline'], project, 'npm install <tarball>');

// 3. The CLI, as `npx hmrc-sandbox`.
await new Promise((resolve) => {
  const child = spawn('npx', ['hmrc-sandbox', 'serve', '--port', '0', '--ephemeral'], { cwd: project, env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const timer = setTimeout(() => stop('no start-up banner within 60 s'), 60_000);
  const stop = (why) => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    fail(`npx hmrc-sandbox serve: ${why}`, output);
  };
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => stop(`exited with ${code} before it was checked`));
  child.stdout.on('data', async (chunk) => {
    output += chunk;
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (!url || !/Press Ctrl\+C to stop/.test(output)) return;
    child.stdout.removeAllListeners('data');
    child.stdout.on('data', (more) => (output += more));
    clearTimeout(timer);
    const hello = await fetch(`${url}/hello/world`, { headers: { accept: 'application/vnd.hmrc.1.0+json' } });
    if (hello.status !== 200) stop(`GET /hello/world answered ${hello.status}`);
    const { port } = new URL(url);
    const flow = await authorizationCodeFlow({ host: '127.0.0.1', port: Number(port) });
    if (flow !== true) stop(`the link-software journey failed: ${flow}`);
    const css = await fetch(`${url}/assets/govuk-frontend.min.css`);
    if (css.status !== 200) stop(`GET /assets/govuk-frontend.min.css answered ${css.status}`);
    child.removeAllListeners('exit');
    // Ctrl+C reaches npx and the emulator alike (one process group); npx ends by the signal, the emulator says it
    // stopped. 'close' waits for the emulator too: it holds the same pipes.
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGINT') return fail(`npx hmrc-sandbox serve exited with ${code ?? signal} on SIGINT`, output);
      if (!/HMRC local sandbox stopped/.test(output)) return fail('npx hmrc-sandbox serve did not say it stopped', output);
      if (/already parsed request body/.test(output)) return fail('oidc-provider warned that the request body was already parsed', output);
      resolve();
    });
    process.kill(-child.pid, 'SIGINT');
  });
});

// 4. The programmatic API, the conformance kit and the test-runner integration, imported by name.
writeFileSync(
  join(project, 'check-import.mjs'),
  `import { start } from 'hmrc-local-sandbox';
import { CHECKS, runConformance } from 'hmrc-local-sandbox/conformance';
import { startTestSandbox } from 'hmrc-local-sandbox/testing';
const sandbox = await start({ port: 0, dataDir: './state' });
const res = await fetch(sandbox.baseUrl + '/hello/world', { headers: { accept: 'application/vnd.hmrc.1.0+json' } });
await sandbox.stop();
if (res.status !== 200 || !sandbox.emulator.dataFile || CHECKS.length === 0 || typeof runConformance !== 'function' || typeof startTestSandbox !== 'function') process.exit(1);
`,
);
run('node', ['check-import.mjs'], project, "import { start } from 'hmrc-local-sandbox'");

// 5. The shipped types, from a strict TypeScript project (tsc's own default: skipLibCheck).
writeFileSync(
  join(project, 'check-types.ts'),
  `import { start, type RunningEmulator } from 'hmrc-local-sandbox';
import { CHECKS, type CheckId } from 'hmrc-local-sandbox/conformance';
import { testSandbox, type TestSandbox } from 'hmrc-local-sandbox/testing';
export async function check(): Promise<[string, CheckId | undefined, TestSandbox]> {
  const sandbox: RunningEmulator = await start({ port: 0, seed: 'ci' });
  await sandbox.stop();
  return [sandbox.baseUrl.toUpperCase(), CHECKS[0]?.id, testSandbox()];
}
`,
);
writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, noEmit: true, types: [] }, files: ['check-types.ts'] }));
run('node', [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], project, 'tsc against the shipped types');

// 6. The example vendor project's own tests (vitest, with the emulator's global setup).
const example = run('npx', ['vitest', 'run'], project, 'examples/vitest-vendor: vitest run');
const passed = /Tests\s+(\d+) passed/.exec(stripVTControlCharacters(example.output))?.[1];
if (!passed) fail('examples/vitest-vendor ran no test', example.output);

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `package: OK (${packed.filename}: ${mb(statSync(tarball).size)} packed, ${mb(packed.unpackedSize)} unpacked, ${packed.entryCount} files; ` +
    `installed with its dependencies in ${install.seconds.toFixed(0)} s; npx hmrc-sandbox serve, a journey, Ctrl+C; ` +
    `import { start }, /conformance, /testing; types; examples/vitest-vendor: ${passed} passed)`,
);
rmSync(work, { recursive: true, force: true });
