// "Conformance catalogue time": how long `hmrc-sandbox conform --reference-vendor` takes to run the whole
// catalogue of checks against the kit's own reference vendor (its own emulator and vendor process
// included). Skipped, with a note, when the CLI has no `conform` command.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/bundle/cli.mjs';
const ARGS = ['conform', '--reference-vendor', '--quiet'];

/** Runs the catalogue once; `{ ms, ok, note }`, or `{ skipped }` with the reason. */
export function timeConformanceCatalogue({ timeoutMs = 90_000 } = {}) {
  const help = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  if (!/^\s*hmrc-sandbox conform\b/m.test(help.stdout ?? '')) return { skipped: `${CLI} has no "conform" command yet` };
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...ARGS], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  const ms = performance.now() - t0;
  if (run.error || run.status === null) return { skipped: `hmrc-sandbox ${ARGS.join(' ')}: ${run.error?.message ?? 'did not finish'}` };
  return { ms, ok: run.status === 0, note: `hmrc-sandbox ${ARGS.join(' ')} → exit ${run.status}` };
}
