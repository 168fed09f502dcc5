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
  const redis = running.emulator.context.config.store.url;
  if (!dataFile && !redis) return ['  Data:      in memory only (--ephemeral): nothing is kept when the emulator stops'];
  const lines = [redis ? `  Data:      Redis at ${withoutPassword(redis)}  (shared by every emulator given it)` : `  Data:      ${dirname(dataFile!)}  (kept across restarts; --ephemeral keeps nothing)`];
  if (restored) lines.push(`  ${''.padEnd(10)} carried on from the last run: applications, accounts, tokens and clock as left; POST /_emulator/reset re-seeds`);
  if (restored && restored.seedChanged) lines.push(`  ${''.padEnd(10)} note: seeded from another seed, fixtures file or applications than this config names; a reset seeds from this one`);
  return lines;
}

/** The TLS listener and proxy on HMRC's host names, and the CA to trust, when they were asked for. */
function tlsLines(running: RunningEmulator): string[] {
  const tls = running.tls;
  if (!tls) return [];
  return [
    '',
    ...(tls.httpsPort === undefined ? [] : [`  HTTPS:     https://test-api.service.hmrc.gov.uk:${tls.httpsPort} once the name points here (hosts file, extra_hosts)`]),
    ...(tls.proxyPort === undefined ? [] : [`  Proxy:     HTTPS_PROXY=http://localhost:${tls.proxyPort}  (HMRC's hosts only; nothing is forwarded)`]),
    `  Trust:     ${tls.ca.certPath ?? '(a CA made for this process)'}  — how: hmrc-sandbox ca, docs/https.md`,
  ];
}

/** Who may use the control API; a token the emulator made up is printed here, once, and nowhere else. */
function controlAccess(running: RunningEmulator): string[] {
  const { token, generated } = running.emulator.context.control;
  if (generated) {
    return [
      `  The control API needs a token (bound to ${running.emulator.context.config.host}, beyond loopback). This one is new at every start:`,
      `             Authorization: Bearer ${token}`,
      '             Set HMRC_SANDBOX_CONTROL_TOKEN to choose a lasting one (docs/control-api-security.md).',
    ];
  }
  if (token) return ['  The control API needs the token set in HMRC_SANDBOX_CONTROL_TOKEN (or control.token): Authorization: Bearer <token>'];
  return ['             (open on loopback without a token; set HMRC_SANDBOX_CONTROL_TOKEN to require one)'];
}

/**
 * The runtime policy, said once where it matters: Node.js 22 and 24 are supported; 20.19 and later still run the
 * emulator but are past their end of life, and there oidc-provider prints "Unsupported runtime" as it loads.
 */
export function nodeRuntimeNote(version = process.versions.node): string[] {
  if (Number(version.split('.')[0]) >= 22) return [];
  return [
    `  Node.js:   ${version} works, but Node.js 20 is past its end of life: oidc-provider's "Unsupported runtime" warning above`,
    '             says only that it is no longer tested there. Supported: Node.js 22 and 24 (LTS).',
  ];
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
    `  Dashboard: ${running.baseUrl}/_emulator/  (clock, accounts, presets, faults, journal, mailbox; for QA in a browser)`,
    `  Control:   ${running.baseUrl}/_emulator/health, /_emulator/accounts, /_emulator/journal, /_emulator/clock  (described at /_emulator/openapi.json)`,
    ...controlAccess(running),
    ...data(running),
    ...tlsLines(running),
    ...nodeRuntimeNote(),
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

/** A Redis URL as it may be printed: its password, if any, as `***`. */
function withoutPassword(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}
