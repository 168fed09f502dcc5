import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../conformance/runner/report.js';

export const REFERENCE_VENDOR = 'conformance/reference-vendor/vendor.yaml';
export const PYTHON_VENDOR = 'conformance/python-vendor/vendor.yaml';

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  report?: RunReport | undefined;
  junit?: string | undefined;
  html?: string | undefined;
}

/** Runs `hmrc-sandbox conform` in a child process, as a vendor's CI would, with JSON, JUnit and HTML reports. */
export async function runConform(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'conform-test-'));
  const json = join(dir, 'report.json');
  const junit = join(dir, 'report.xml');
  const html = join(dir, 'report.html');
  const child = spawn('npx', ['tsx', 'cli/main.ts', 'conform', '--json', json, '--junit', junit, '--html', html, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const read = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const text = read(json);
  return { exitCode, stdout, stderr, report: text ? (JSON.parse(text) as RunReport) : undefined, junit: read(junit), html: read(html) };
}

export function idsWithStatus(report: RunReport | undefined, status: string): string[] {
  return (report?.checks ?? []).filter((c) => c.status === status).map((c) => c.id);
}
