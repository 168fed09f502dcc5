import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`), driven by playwright-core; never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run. On a developer's machine without Chromium they are skipped with a warning;
 * in CI (`CI` set) a missing Chromium is an error, so browser tests can never be skipped silently there.
 */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs it (apt-get install chromium)`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
