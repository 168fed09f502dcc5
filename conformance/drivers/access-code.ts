/** The phone number the kit's user gives when HMRC's production journey sets up 2-step verification by text. */
export const TEST_PHONE = '07700900123';

/**
 * The 2-step verification code a user would read from their phone or authenticator app (production journey,
 * docs/journey.md): the authenticator code at virtual time from the control API, else the newest code in the
 * emulator's outbox.
 */
export async function readAccessCode(emulator: { emulatorUrl: string; controlToken?: string | undefined }, userId: string): Promise<string> {
  const control = `${emulator.emulatorUrl}/_emulator`;
  const init = emulator.controlToken ? { headers: { authorization: `Bearer ${emulator.controlToken}` } } : {};
  const totp = await fetch(`${control}/journeys/totp?userId=${encodeURIComponent(userId)}`, init);
  if (totp.ok) {
    const code = ((await totp.json()) as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  } else await totp.arrayBuffer();
  const outbox = (await (await fetch(`${control}/outbox`, init)).json()) as { messages?: Array<{ body: string }> };
  const code = [...(outbox.messages ?? [])].reverse().map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
  if (!code) throw new Error(`HMRC's journey asked ${userId} for an access code, but none was sent to the outbox`);
  return code;
}
