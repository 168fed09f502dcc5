import type { RunningEmulator } from '../server.js';

/** What the emulator prints on start: where it is, the default application, the personas. */
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
    '',
    `Default application "${app.name}"`,
    `  client_id:     ${app.clientId}`,
    `  client_secret: ${app.clientSecrets[0]}`,
    `  redirect URIs: ${app.redirectUris.join('  ')}`,
    '',
    'Seeded accounts (Government Gateway user ID / password):',
    ...running.personas.map((p) => `  ${p.persona.padEnd(28)} ${p.userId.padEnd(14)} ${p.password.padEnd(14)} ${p.description}`),
    '',
    'Press Ctrl+C to stop.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
