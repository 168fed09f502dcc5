// Installs dependencies when node_modules is missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone with no separate install step.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const stamp = 'node_modules/.install-stamp';
const lock = readFileSync('package-lock.json');
const digest = createHash('sha256').update(lock).digest('hex');
const current = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (current !== digest) {
  const started = performance.now();
  console.error('Installing dependencies (npm ci): usually under a minute; a few minutes where better-sqlite3 has no prebuilt binary to download and is compiled…');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
  writeFileSync(stamp, digest);
  console.error(`Dependencies installed in ${Math.round((performance.now() - started) / 1000)} s.`);
}
