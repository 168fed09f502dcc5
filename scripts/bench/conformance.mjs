// "Conformance catalogue time": how long the conformance kit takes to run its whole catalogue of
// scenarios, when the kit provides a runnable entry. Skipped (with a note) when it does not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The first runnable entry found, as `node` arguments, or undefined. */
function findEntry() {
  const cli = `${ROOT}dist/emulator/cli/main.js`;
  const help = spawnSync(process.execPath, [cli, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  if (/^\s*hmrc-sandbox conformance\b/m.test(help.stdout ?? '')) return [cli, 'conformance', '--reference-vendor'];
  for (const candidate of ['dist/conformance/cli/main.js', 'dist/conformance/main.js']) {
    if (existsSync(`${ROOT}${candidate}`)) return [`${ROOT}${candidate}`, '--reference-vendor'];
  }
  return undefined;
}

/** Runs the catalogue once; resolves `{ ms, ok, note }`, or `{ skipped }` with the reason. */
export function timeConformanceCatalogue() {
  const entry = findEntry();
  if (!entry) return { skipped: 'conformance/ has no runnable entry yet' };
  const t0 = performance.now();
  const run = spawnSync(process.execPath, entry, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  if (run.error || run.status === null) return { skipped: `${entry.slice(1).join(' ')}: ${run.error?.message ?? 'timed out'}` };
  return { ms, ok: run.status === 0, note: `node ${entry.map((a) => a.replace(ROOT, '')).join(' ')} → exit ${run.status}` };
}
