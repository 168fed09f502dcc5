import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('hmrc-sandbox output piped into a reader that stops early', () => {
  it('stops quietly when the reader closes the pipe (`conform --list | head -1`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'conform', '--list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Read the first chunk, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(code).toBe(0);
  }, 60_000);
});
