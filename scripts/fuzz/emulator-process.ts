// The emulator under fuzz: its own CLI, from source, in a child process on 127.0.0.1 and a free port, so its
// memory is its own and a crash is seen as an exit rather than taking the fuzzer with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Target } from './send.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface EmulatorProcess {
  target: Target;
  pid: number;
  /** Resident set size in MB (Linux `/proc`); undefined elsewhere. */
  rssMb: () => number | undefined;
  /** Why the process ended, if it has. */
  exited: () => string | undefined;
  /** The last lines it wrote to stderr, for a report. */
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `hmrc-sandbox serve --port 0 --host 127.0.0.1 --seed fuzz`, ready once it says where it listens and its health answers. */
export async function startEmulatorProcess({ timeoutMs = 30_000 } = {}): Promise<EmulatorProcess> {
  // The fuzzer's own HMRC_SANDBOX_* settings would change what is fuzzed; only the control token is passed on.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HMRC_SANDBOX_') || name === 'HMRC_SANDBOX_CONTROL_TOKEN'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--ephemeral', '--port', '0', '--host', '127.0.0.1', '--seed', 'fuzz'], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  let exit: string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => void (errors = (errors + chunk.toString('utf8')).slice(-8_000)));
  child.once('exit', (code, signal) => void (exit = `exited with ${signal ?? code}`));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not say where it listens in ${timeoutMs} ms\n${errors}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on https?:\/\/[^\s:/]+:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the emulator ${exit} before listening\n${errors}`));
    });
  });
  child.stdout!.resume();
  const pid = child.pid!;
  return {
    target: { host: '127.0.0.1', port },
    pid,
    rssMb: () => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return kb ? kb / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    exited: () => exit,
    stderr: () => errors,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
