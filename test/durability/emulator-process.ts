import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** An emulator started as its own process: `hmrc-sandbox serve` through tsx, as `npx tsx cli/main.ts` does. */
export interface EmulatorProcess {
  child: ChildProcess;
  baseUrl: string;
  stdout: string;
  /** Resolves once the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Output of a CLI run that was expected to stop by itself (a refusal to start, say). */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx cli/main.ts …`: one process, so a signal sent to it ends the emulator itself. */
function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `serve` with these arguments and resolves once it prints where it listens (rejects if it exits first). */
export function startEmulator(args: string[], timeoutMs = 30_000): Promise<EmulatorProcess> {
  const child = cli(['serve', ...args]);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start-up banner within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url && stdout.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, baseUrl: url, stdout, exited });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${how}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}

/** Runs `serve` expecting it to refuse to start: resolves with its exit code and output. */
export function runUntilExit(args: string[], timeoutMs = 30_000): Promise<CliResult> {
  const child = cli(['serve', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** SIGKILL: no handler runs, nothing is flushed or closed; resolves once the process is gone. */
export async function kill(emulator: EmulatorProcess): Promise<void> {
  emulator.child.kill('SIGKILL');
  await emulator.exited;
}

/** A port free right now on the loopback interface, so restarts can listen where the software expects them. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
