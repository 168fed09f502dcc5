// Starts each server under test in its own child process (so it never shares an event loop, or a
// CPU, with the load generator), measures its cold start, reads its memory and CPU time, and stops it.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { send } from './http.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVERS = fileURLToPath(new URL('./servers/', import.meta.url));
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The emulator, started by its own (bundled) CLI exactly as `npm start` does, with the given config file, its
 * state in memory unless `state` says otherwise (`['--data-dir', dir]`, `['--store', 'redis://…']`).
 */
export const emulatorCommand = (configFile, state = ['--ephemeral'], name = 'emulator') => ({
  name,
  args: ['dist/bundle/cli.mjs', 'serve', ...state, '--port', '0', '--config', configFile],
  readyPath: '/_emulator/health',
});
export const bareOidcProviderCommand = { name: 'bare oidc-provider', args: [`${SERVERS}bare-oidc-provider.mjs`], readyPath: '/.well-known/openid-configuration' };
export const oauth2MockServerCommand = { name: 'oauth2-mock-server', args: [`${SERVERS}oauth2-mock-server.mjs`], readyPath: '/.well-known/openid-configuration' };
export const bareExpressCommand = { name: 'bare express', args: [`${SERVERS}bare-express.mjs`], readyPath: '/hello/user' };

/**
 * Spawns `node <args>` and waits until it prints `listening on http://…:PORT` and then answers
 * `readyPath` with 200. `coldStartMs` is spawn → first 200.
 */
export async function startServer({ name, args, readyPath }, { timeoutMs = 20_000 } = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: benchEnv() });
  running.add(child);
  let output = '';
  const remember = (chunk) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stderr.on('data', remember);
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no "listening on" line in ${timeoutMs} ms\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      remember(chunk);
      const match = /listening on https?:\/\/[^\s:/]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining, so the child never blocks on a full pipe
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening\n${output}`));
    });
  });
  const target = { host: '127.0.0.1', port };
  for (;;) {
    const res = await send(target, { path: readyPath }).catch(() => undefined);
    if (res?.status === 200) break;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${name}: ${readyPath} never answered 200\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const coldStartMs = performance.now() - t0;
  const coldStartCpuMs = cpuMs(child.pid);
  return {
    name,
    target,
    pid: child.pid,
    coldStartMs,
    /** CPU time the process used from spawn to its first 200 (steadier than wall time on a busy machine). */
    coldStartCpuMs,
    /** Resident set size of the server process, in MB. */
    rssMb: () => rssMb(child.pid),
    /** CPU time (user + system) the server process has used so far, in ms; undefined off Linux. */
    cpuMs: () => cpuMs(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(kill);
          running.delete(child);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The bench's own environment minus `HMRC_SANDBOX_*` (a base URL or port set there would mislead it). */
function benchEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HMRC_SANDBOX_')));
  return { ...env, NODE_ENV: 'production' };
}

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel.
const TICKS_PER_SECOND = 100;

function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    if (kb) return kb / 1024;
  } catch {
    // not Linux: fall back to ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
}
