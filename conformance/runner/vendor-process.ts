import { spawn, type ChildProcess } from 'node:child_process';
import type { VendorConfig } from '../contract/vendor-config.js';

/** The vendor's software, started by the kit as its own process (the contract's `launch`). */
export class VendorProcess {
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (c: string) => this.keep(c));
    child.stderr?.setEncoding('utf8').on('data', (c: string) => this.keep(c));
  }

  static async launch(launch: NonNullable<VendorConfig['launch']>, cwd: string, env: NodeJS.ProcessEnv): Promise<VendorProcess> {
    const [program, ...args] = launch.command;
    const child = spawn(program!, args, { cwd, env: { ...env, ...launch.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const vendor = new VendorProcess(child);
    const exited = new Promise<string>((resolve) => {
      child.once('error', (e) => resolve(`could not start ${program}: ${e.message}`));
      child.once('exit', (code, signal) => resolve(`exited (${signal ?? code}) before it was ready`));
    });
    if (!launch.ready) return vendor;
    const deadline = performance.now() + launch.readyTimeoutMs;
    for (;;) {
      const problem = await Promise.race([exited, ready(launch.ready).then((ok) => (ok ? '' : undefined))]);
      if (problem === '') return vendor;
      if (problem !== undefined) throw new Error(`the software ${problem}\n${vendor.output.slice(-2000)}`);
      if (performance.now() > deadline) {
        await vendor.stop();
        throw new Error(`the software was not ready at ${launch.ready} within ${launch.readyTimeoutMs} ms\n${vendor.output.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The last lines the software printed (for error messages). */
  tail(): string {
    return this.output.slice(-2000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await gone;
    clearTimeout(timer);
  }

  private keep(chunk: string): void {
    this.output = (this.output + chunk).slice(-20_000);
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.status < 500;
  } catch {
    return false;
  }
}
