import { type ConnectionMethod, isViaServer, requiredHeaders } from '../../emulator/apis/fraud-prevention/connection-methods.js';

/** A valid value for every fraud prevention header (the specification's own examples). */
export const VALID_VALUES: Record<string, string> = {
  'gov-client-browser-js-user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'gov-client-device-id': 'beec798b-b366-47fa-b1f8-92cede14a1ce',
  'gov-client-local-ips': '10.1.2.3,fc00%3A%3A',
  'gov-client-local-ips-timestamp': '2020-09-21T14:30:05.123Z',
  'gov-client-mac-addresses': 'ea%3A43%3A1a%3A5d%3A21%3A45,10%3A12%3Acc%3Afa%3Aaa%3A32',
  'gov-client-multi-factor': 'type=AUTH_CODE&timestamp=2021-11-21T13%3A23Z&unique-reference=fc4b5fd6816f75a7c81fc8eaa9499d6a299bd803397166e8c4cf9280b801d62c',
  'gov-client-public-ip': '198.51.100.0',
  'gov-client-public-ip-timestamp': '2020-09-21T14:30:05.123Z',
  'gov-client-public-port': '12345',
  'gov-client-screens': 'width=1920&height=1080&scaling-factor=1&colour-depth=16,width=3000&height=2000&scaling-factor=1.25&colour-depth=16',
  'gov-client-timezone': 'UTC+00:00',
  'gov-client-user-agent': 'os-family=Windows&os-version=Server%202012&device-manufacturer=Dell%20Inc.&device-model=OptiPlex%20980',
  'gov-client-user-ids': 'os=domain%5Calice&my-application=alice123',
  'gov-client-window-size': 'width=1256&height=803',
  'gov-vendor-forwarded': 'by=203.0.113.6&for=198.51.100.0',
  'gov-vendor-license-ids': 'my-licensed-software=8D7963490527D33716835EE7C195516D5E562E03B224E9B359836466EE40CDE1',
  'gov-vendor-product-name': 'Product%20Name',
  'gov-vendor-public-ip': '203.0.113.6',
  'gov-vendor-version': 'my-application=1.6.0',
};

/** Exactly the headers a connection method requires, each valid. */
export function validHeaders(method: ConnectionMethod): Record<string, string> {
  const out: Record<string, string> = { 'gov-client-connection-method': method };
  for (const header of requiredHeaders(method)) if (header !== 'gov-client-connection-method') out[header] = VALID_VALUES[header]!;
  if (isViaServer(method)) out['gov-vendor-version'] = 'my-frontend-app=2.2.2&my-serverside-code=v3.8';
  return out;
}
