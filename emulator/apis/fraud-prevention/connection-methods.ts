/**
 * Which fraud prevention headers each connection method must send (HMRC's fraud prevention specification v3.3,
 * `source/connection-method/<method>/index.html.md.erb`). Header names are lower case, as the validator reports them.
 *
 * "Gov-Client-Browser-Do-Not-Track, Gov-Client-Browser-Plugins and Gov-Client-Local-IPs are no longer needed for
 * WEB_APP_VIA_SERVER" (change log v3.1/v3.2): they are not required, and sending them earns UNEXPECTED_HEADER.
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
  return typeof value === 'string' && (CONNECTION_METHODS as readonly string[]).includes(value);
}

type Flags = [web: 0 | 1, desktopDirect: 0 | 1, desktopServer: 0 | 1, mobileDirect: 0 | 1, mobileServer: 0 | 1, batch: 0 | 1, otherDirect: 0 | 1, otherServer: 0 | 1];

/** The specification's table, row by row, columns in {@link CONNECTION_METHODS} order. */
const TABLE: Record<string, Flags> = {
  'gov-client-connection-method': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-browser-js-user-agent': [1, 0, 0, 0, 0, 0, 0, 0],
  'gov-client-device-id': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-local-ips': [0, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-local-ips-timestamp': [0, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-mac-addresses': [0, 1, 1, 0, 0, 1, 1, 1],
  'gov-client-multi-factor': [1, 1, 1, 1, 1, 0, 1, 1],
  'gov-client-public-ip': [1, 0, 1, 0, 1, 0, 0, 1],
  'gov-client-public-ip-timestamp': [1, 0, 1, 0, 1, 0, 0, 1],
  'gov-client-public-port': [1, 0, 1, 0, 1, 0, 0, 1],
  'gov-client-screens': [1, 1, 1, 1, 1, 0, 0, 0],
  'gov-client-timezone': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-user-agent': [0, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-user-ids': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-client-window-size': [1, 1, 1, 1, 1, 0, 0, 0],
  'gov-vendor-forwarded': [1, 0, 1, 0, 1, 0, 0, 1],
  'gov-vendor-license-ids': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-vendor-product-name': [1, 1, 1, 1, 1, 1, 1, 1],
  'gov-vendor-public-ip': [1, 0, 1, 0, 1, 0, 0, 1],
  'gov-vendor-version': [1, 1, 1, 1, 1, 1, 1, 1],
};

/** Every header the specification defines today. */
export const FRAUD_HEADERS: readonly string[] = Object.keys(TABLE);

/** The headers a connection method must send, in the specification's order. */
export function requiredHeaders(method: ConnectionMethod): string[] {
  const column = CONNECTION_METHODS.indexOf(method);
  return FRAUD_HEADERS.filter((header) => TABLE[header]![column] === 1);
}

/** `*_VIA_SERVER` methods: the vendor's servers sit between the client and HMRC. */
export function isViaServer(method: ConnectionMethod): boolean {
  return method.endsWith('_VIA_SERVER');
}
