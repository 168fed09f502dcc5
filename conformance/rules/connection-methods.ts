/**
 * The kit's own reading of HMRC's fraud prevention specification v3.3 ("Connection methods"): which headers each
 * connection method must send. Written from what each method is — where the software runs, whether a server sits
 * between it and HMRC, whether it has a screen and a signed-in person — rather than copied from the emulator, so
 * that the kit grades vendors independently of the emulator's validator. rules/connection-methods.test.ts holds it
 * against the specification's table, row by row.
 */
export const CONNECTION_METHODS = [
  'WEB_APP_VIA_SERVER',
  'DESKTOP_APP_DIRECT',
  'DESKTOP_APP_VIA_SERVER',
  'MOBILE_APP_DIRECT',
  'MOBILE_APP_VIA_SERVER',
  'BATCH_PROCESS_DIRECT',
  'OTHER_DIRECT',
  'OTHER_VIA_SERVER',
] as const;

export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

export function isConnectionMethod(value: unknown): value is ConnectionMethod {
  return (CONNECTION_METHODS as readonly unknown[]).includes(value);
}

/** What the specification's table follows: the kind of client, and whether the vendor's servers relay its calls. */
function traits(method: ConnectionMethod): { web: boolean; mobile: boolean; batch: boolean; screen: boolean; viaServer: boolean } {
  return {
    web: method === 'WEB_APP_VIA_SERVER',
    mobile: method.startsWith('MOBILE_'),
    batch: method === 'BATCH_PROCESS_DIRECT',
    screen: method.startsWith('WEB_') || method.startsWith('DESKTOP_') || method.startsWith('MOBILE_'),
    viaServer: method.endsWith('_VIA_SERVER'),
  };
}

/** The headers (as HMRC spells them) `method` must send on every call. */
export function requiredHeaders(method: ConnectionMethod): string[] {
  const t = traits(method);
  const headers = ['Gov-Client-Connection-Method', 'Gov-Client-Device-ID', 'Gov-Client-Timezone', 'Gov-Client-User-IDs', 'Gov-Vendor-License-IDs', 'Gov-Vendor-Product-Name', 'Gov-Vendor-Version'];
  // A browser reports its own user agent; installed software describes the device and its network interfaces.
  if (t.web) headers.push('Gov-Client-Browser-JS-User-Agent');
  else headers.push('Gov-Client-User-Agent', 'Gov-Client-Local-IPs', 'Gov-Client-Local-IPs-Timestamp');
  // MAC addresses: installed software on a computer, not a phone.
  if (!t.web && !t.mobile) headers.push('Gov-Client-MAC-Addresses');
  if (t.screen) headers.push('Gov-Client-Screens', 'Gov-Client-Window-Size');
  // A batch process has no person signing in at the time of the call.
  if (!t.batch) headers.push('Gov-Client-Multi-Factor');
  // Via a server: the client's public address as the server saw it, and the servers it went through.
  if (t.viaServer) headers.push('Gov-Client-Public-IP', 'Gov-Client-Public-IP-Timestamp', 'Gov-Client-Public-Port', 'Gov-Vendor-Public-IP', 'Gov-Vendor-Forwarded');
  return headers;
}
