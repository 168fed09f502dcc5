import { dirname } from 'node:path';
import type { SeededPersona } from '../accounts/seed.js';
import type { RunningEmulator } from '../server.js';

/** The identifiers and 2-step details worth having at hand, on an indented line under the persona. */
function details(p: SeededPersona): string[] {
  const parts = [
    p.nino && `NINO ${p.nino}`,
    p.mtdItId && `MTDITID ${p.mtdItId}`,
    p.vrn && `VRN ${p.vrn}`,
    p.arn && `ARN ${p.arn}`,
    p.phoneNumber && `2-step codes to ${p.phoneNumber}`,
    p.totpSecret && `authenticator secret ${p.totpSecret}`,
  ].filter(Boolean);
  return parts.length ? [`  ${''.padEnd(26)} ${parts.join(' · ')}`] : [];
}

/** Where the state is kept, and whether this run carried on from the last. */
function data(running: RunningEmulator): string[] {
  const { dataFile, restored } = running.emulator;
  if (!dataFile) return ['  Data:      in memory only (--ephemeral): nothing is kept when the emulator stops'];
  const lines = [`  Data:      ${dirname(dataFile)}  (kept across restarts; --ephemeral keeps nothing)`];
  if (restored) lines.push(`  ${''.padEnd(10)} carried on from the last run: applications, accounts, tokens and clock as left; POST /_emulator/reset re-seeds`);
  if (restored && restored.seedChanged) lines.push(`  ${''.padEnd(10)} note: seeded from another seed, fixtures file or applications than this config names; a reset seeds from this one`);
  return lines;
}

/** What the emulator prints on start: where it is, where its state is kept, the default application, the personas. */
export function startupBanner(running: RunningEmulator, startupMs: number): string {
  const app = running.applications[0]!;
  const lines = [
    '',
    `HMRC local sandbox listening on ${running.baseUrl}  (started in ${Math.round(startupMs)} ms)`,
    '',
    `  Use ${running.baseUrl} wherever your software has https://test-api.service.hmrc.gov.uk`,
    `  Authorize: ${running.baseUrl}/oauth/authorize    Token: ${running.baseUrl}/oauth/token`,
    `  Try:       curl -H 'Accept: application/vnd.hmrc.1.0+json' ${running.baseUrl}/hello/world`,
    `  Control:   ${running.baseUrl}/_emulator/health, /_emulator/accounts, /_emulator/journal, /_emulator/clock`,
    ...data(running),
    '',
    `Default application "${app.name}"`,
    `  client_id:     ${app.clientId}`,
    `  client_secret: ${app.clientSecrets[0]}`,
    `  redirect URIs: ${app.redirectUris.join('  ')}`,
    '',
    'Seeded accounts (Government Gateway user ID / password):',
    ...running.personas.flatMap((p) => [`  ${p.persona.padEnd(26)} ${p.userId.padEnd(13)} ${p.password.padEnd(13)} ${p.description}`, ...details(p)]),
    '',
    'Press Ctrl+C to stop.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
