import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The command driver, for desktop and command-line software: the kit runs the vendor's commands as their own
 * processes. A link command prints the authorisation URL (any line containing `/oauth/authorize`) and then either
 * listens on its localhost redirect URI or reads an out-of-band code from stdin.
 *
 * A command's exit code is its outcome; exit codes ≥ 64, a signal or a time-out count as a crash (the command
 * equivalent of a 5xx).
 */
export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function crashed(result: CommandResult): boolean {
  return result.timedOut || result.signal !== null || result.exitCode === null || result.exitCode >= 64;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a command to completion (stdin closed). */
export async function runCommand(command: string[], o: CommandOptions): Promise<CommandResult> {
  const running = new RunningCommand(command, o);
  running.closeStdin();
  return running.done;
}

/** A long-running command (a link in progress): read its output as it comes, write to its stdin, await its end. */
export class RunningCommand {
  readonly done: Promise<CommandResult>;
  private stdout = '';
  private stderr = '';
  private readonly child: ChildProcess;
  private readonly waiters: Array<() => void> = [];

  constructor(command: string[], o: CommandOptions) {
    const [program, ...args] = command;
    this.child = spawn(program!, args, { cwd: o.cwd, env: o.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      for (const w of this.waiters.splice(0)) w();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdin!.on('error', () => undefined);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.child.kill('SIGKILL');
    }, o.timeoutMs ?? 20_000);
    this.done = new Promise((resolve) => {
      const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
        clearTimeout(timer);
        for (const w of this.waiters.splice(0)) w();
        resolve({ exitCode, signal, stdout: this.stdout, stderr: this.stderr, timedOut });
      };
      this.child.on('error', (e) => {
        this.stderr += String(e.message);
        finish(127, null);
      });
      this.child.on('close', finish);
    });
  }

  /** Resolves with the first stdout line matching `pattern`, or undefined if the command ends or the time runs out first. */
  async waitForLine(pattern: RegExp, timeoutMs = 10_000): Promise<string | undefined> {
    let ended = false;
    void this.done.then(() => (ended = true));
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const line = this.stdout.split(/\r?\n/).find((l) => pattern.test(l));
      if (line !== undefined || ended || performance.now() > deadline) return line;
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  write(text: string): void {
    this.child.stdin!.write(text);
  }

  closeStdin(): void {
    this.child.stdin!.end();
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
