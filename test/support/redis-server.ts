import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server (`apt-get install redis-server`; .ci/run installs it). */
const REDIS_SERVER = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 15_000;

export interface RedisServer {
  /** `redis://127.0.0.1:<port>/0`, with `:<password>@` when started with one. */
  url: string;
  port: number;
  /** Its data directory (the append-only file). */
  dir: string;
  /** Stops it (SIGKILL) and deletes its directory: call once, at the end. */
  stop: () => Promise<void>;
  /** Kills it with SIGKILL, keeping its directory: Redis is down until `restart`. */
  kill: () => Promise<void>;
  /** Starts it again on the same port and directory: everything it acknowledged is back. */
  restart: () => Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A real Redis for a test, on a free loopback port in a temporary directory, every write fsynced to its append-only
 * file before it is acknowledged (`appendfsync always`: a kill loses nothing acknowledged). Fails, never skips, when
 * redis-server is missing.
 */
export async function startRedisServer(options: { password?: string; binary?: string } = {}): Promise<RedisServer> {
  const binary = options.binary ?? REDIS_SERVER;
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: install Debian's redis-server (apt-get install redis-server), as .ci/run does`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(binary, port, dir, options.password).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const halt = async (): Promise<void> => {
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    running.delete(child);
    child = undefined;
  };
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}/0`,
    port,
    dir,
    kill: halt,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await halt();
      child = await launch(binary, port, dir, options.password);
    },
  };
}

async function launch(binary: string, port: number, dir: string, password: string | undefined): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''];
  if (password) args.push('--requirepass', password);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      running.delete(child);
      reject(new Error(`redis-server on port ${port} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.stdout!.off('data', read);
      child.stdout!.resume();
      resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('error', (err) => fail(`could not be started (${err.message})`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code})`));
  });
  child.removeAllListeners('exit');
  return child;
}

/** A port free on 127.0.0.1 now (the operating system's pick). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
