import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
};

// The CLI stops yargs caching a command's help before running it (cli/main.ts, skipCachingHelp): the help must
// still be there whenever a user asks for it or gets the arguments wrong.
describe('hmrc-sandbox help', () => {
  it('shows a command’s own options for `serve --help`', async () => {
    const { code, stdout } = await run('serve', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^hmrc-sandbox serve\b/);
    expect(stdout).toContain('--data-dir');
    expect(stdout).toContain('--ephemeral');
  }, 60_000);

  it('names an unknown argument and shows that command’s options', async () => {
    const { code, stderr } = await run('serve', '--bogus');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^hmrc-sandbox serve\b/m);
    expect(stderr).toContain('--data-dir');
    expect(stderr).toContain('Unknown argument: bogus');
  }, 60_000);

  it('asks for a command when none is named', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(1);
    expect(stderr).toContain('Name a command: serve, conform or ca');
  }, 60_000);
});
