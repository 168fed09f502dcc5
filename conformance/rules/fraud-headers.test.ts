import { describe, expect, it } from 'vitest';
import { judgeFraudHeaders } from './fraud-headers.js';

/** A complete, valid set for WEB_APP_VIA_SERVER (the specification's own examples), lower case as the journal has them. */
const WEB: Record<string, string> = {
  'gov-client-connection-method': 'WEB_APP_VIA_SERVER',
  'gov-client-browser-js-user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'gov-client-device-id': 'beec798b-b366-47fa-b1f8-92cede14a1ce',
  'gov-client-multi-factor': 'type=AUTH_CODE&timestamp=2021-11-21T13%3A23Z&unique-reference=fc4b5fd6816f75a7c81fc8eaa9499d6a299bd803397166e8c4cf9280b801d62c',
  'gov-client-public-ip': '198.51.100.0',
  'gov-client-public-ip-timestamp': '2020-09-21T14:30:05.123Z',
  'gov-client-public-port': '12345',
  'gov-client-screens': 'width=1920&height=1080&scaling-factor=1&colour-depth=16,width=3000&height=2000&scaling-factor=1.25&colour-depth=16',
  'gov-client-timezone': 'UTC+00:00',
  'gov-client-user-ids': 'my-application=alice123',
  'gov-client-window-size': 'width=1256&height=803',
  'gov-vendor-forwarded': 'by=203.0.113.6&for=198.51.100.0',
  'gov-vendor-license-ids': 'my-licensed-software=8D7963490527D33716835EE7C195516D5E562E03B224E9B359836466EE40CDE1',
  'gov-vendor-product-name': 'Product%20Name',
  'gov-vendor-public-ip': '203.0.113.6',
  'gov-vendor-version': 'my-frontend-app=2.2.2&my-serverside-code=v3.8',
};

/** The same for DESKTOP_APP_DIRECT. */
const DESKTOP: Record<string, string> = {
  'gov-client-connection-method': 'DESKTOP_APP_DIRECT',
  'gov-client-device-id': 'beec798b-b366-47fa-b1f8-92cede14a1ce',
  'gov-client-local-ips': 'fc00%3A%3A,10.1.2.3',
  'gov-client-local-ips-timestamp': '2020-09-21T14:30:05.123Z',
  'gov-client-mac-addresses': 'ea%3A43%3A1a%3A5d%3A21%3A45,10%3A12%3Acc%3Afa%3Aaa%3A32',
  'gov-client-multi-factor': 'type=TOTP&timestamp=2021-11-21T13%3A23%3A05Z&unique-reference=abc',
  'gov-client-screens': 'width=1920&height=1080&scaling-factor=1&colour-depth=16',
  'gov-client-timezone': 'UTC-01:15',
  'gov-client-user-agent': 'os-family=Windows&os-version=Server%202012&device-manufacturer=Dell%20Inc.&device-model=OptiPlex%20980',
  'gov-client-user-ids': 'os=domain%5Calice&my-application=alice123',
  'gov-client-window-size': 'width=1256&height=803',
  'gov-vendor-license-ids': 'my-licensed-software=8D79',
  'gov-vendor-product-name': 'Product%20Name',
  'gov-vendor-version': 'my-application=1.6.0',
};

const problems = (headers: Record<string, string>) => judgeFraudHeaders(headers).errors.map((e) => `${e.header}: ${e.problem}`);
const notes = (headers: Record<string, string>) => judgeFraudHeaders(headers).warnings.map((w) => `${w.header}: ${w.problem}`);
const without = (headers: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(headers).filter(([k]) => !names.includes(k)));

describe("the kit's fraud prevention header rules", () => {
  it.each([
    ['WEB_APP_VIA_SERVER', WEB],
    ['DESKTOP_APP_DIRECT', DESKTOP],
  ])('find nothing wrong with the specification’s examples for %s', (_method, headers) => {
    expect(problems(headers)).toEqual([]);
    expect(notes(headers)).toEqual([]);
  });

  it('judge nothing else without a known connection method', () => {
    expect(problems({ 'gov-client-timezone': 'GMT' })).toEqual(['Gov-Client-Connection-Method: missing']);
    expect(problems({ ...WEB, 'gov-client-connection-method': 'WEB' })).toEqual([expect.stringMatching(/^Gov-Client-Connection-Method: must be one of WEB_APP_VIA_SERVER, /)]);
  });

  it('name each required header that is missing or empty', () => {
    expect(problems({ ...without(WEB, 'gov-client-device-id', 'gov-vendor-version'), 'gov-client-timezone': ' ' })).toEqual([
      'Gov-Client-Device-ID: missing',
      'Gov-Client-Timezone: empty',
      'Gov-Vendor-Version: missing',
    ]);
  });

  it('allow an empty Gov-Client-Multi-Factor, as a warning (it must be agreed with HMRC)', () => {
    const headers = { ...WEB, 'gov-client-multi-factor': '' };
    expect(problems(headers)).toEqual([]);
    expect(notes(headers)).toEqual(['Gov-Client-Multi-Factor: empty']);
  });

  it('accept headers in any case', () => {
    expect(problems(Object.fromEntries(Object.entries(DESKTOP).map(([k, v]) => [k.toUpperCase(), v])))).toEqual([]);
  });

  it.each([
    ['gov-client-timezone', 'GMT', /UTC±hh:mm/],
    ['gov-client-timezone', 'UTC+15:00', /UTC±hh:mm/],
    ['gov-client-public-ip-timestamp', '2020-09-21T14:30:05Z', /yyyy-MM-ddThh:mm:ss.sssZ/],
    ['gov-client-public-ip-timestamp', '2021-02-30T14:30:05.123Z', /yyyy-MM-ddThh:mm:ss.sssZ/],
    ['gov-client-public-port', '443', /not the server port 443/],
    ['gov-client-public-port', '70000', /1 to 65535/],
    ['gov-client-public-ip', 'example.com', /public IP address/],
    ['gov-client-screens', 'width=1920', /per screen/],
    ['gov-client-screens', 'width=1920&height=1080&scaling-factor=big', /per screen/],
    ['gov-client-window-size', 'width=0&height=803', /whole pixels/],
    ['gov-client-multi-factor', 'type=SMS&timestamp=2021-11-21T13%3A23Z&unique-reference=x', /TOTP\|AUTH_CODE\|OTHER/],
    ['gov-client-multi-factor', 'type=TOTP&timestamp=2021-11-21T13:23Z&unique-reference=x', /TOTP\|AUTH_CODE\|OTHER/],
    ['gov-client-user-ids', 'alice', /key=value/],
    ['gov-client-user-ids', 'my-application=', /key=value/],
    ['gov-vendor-forwarded', 'by=203.0.113.6', /by=<server IP>&for=<sender IP>/],
    ['gov-vendor-product-name', 'Product Name', /percent-encoded/],
    ['gov-vendor-version', 'v1', /<software>=<version>/],
    ['gov-client-device-id', 'beec798b-b366-47fa-b1f8-92cede14a1cé', /US-ASCII/],
    ['gov-client-user-ids', 'my-application=undefined', /placeholder "undefined"/],
  ])('reject %s: %s', (header, value, problem) => {
    expect(problems({ ...WEB, [header]: value })).toEqual([expect.stringMatching(problem)]);
  });

  it.each([
    ['gov-client-local-ips', 'fc00::,10.1.2.3', /IP addresses, each percent-encoded/],
    ['gov-client-local-ips', '10.1.2.3,', /IP addresses/],
    ['gov-client-mac-addresses', 'ea:43:1a:5d:21:45', /MAC addresses, each percent-encoded/],
    ['gov-client-user-agent', 'os=Windows', /os-family=/],
  ])('reject %s: %s (installed software)', (header, value, problem) => {
    expect(problems({ ...DESKTOP, [header]: value })).toEqual([expect.stringMatching(problem)]);
  });

  it('warn about values that are well formed but unlikely to be right', () => {
    expect(notes({ ...WEB, 'gov-client-public-ip': '192.168.1.20', 'gov-vendor-forwarded': 'by=203.0.113.6&for=192.168.1.20' })).toEqual(['Gov-Client-Public-IP: 192.168.1.20 is not a public IP address (the client device\'s)']);
    expect(notes({ ...WEB, 'gov-client-device-id': 'my-device' })).toEqual(['Gov-Client-Device-ID: should be a UUID kept for the device']);
    expect(notes({ ...WEB, 'gov-vendor-version': 'my-application=1.6.0' })).toEqual(['Gov-Vendor-Version: should give the version of the client and of the server']);
    expect(notes({ ...DESKTOP, 'gov-client-mac-addresses': '00%3A00%3A00%3A00%3A00%3A00' })).toEqual(['Gov-Client-MAC-Addresses: 00:00:00:00:00:00 is not a network interface']);
  });

  it('warn about headers the connection method does not use, and a first hop that does not match', () => {
    expect(notes({ ...WEB, 'gov-client-local-ips': '10.1.2.3', 'gov-client-browser-plugins': 'x' })).toEqual(['gov-client-local-ips: not used by WEB_APP_VIA_SERVER', 'gov-client-browser-plugins: not used by WEB_APP_VIA_SERVER']);
    expect(notes({ ...WEB, 'gov-vendor-forwarded': 'by=203.0.113.7&for=198.51.100.1' })).toEqual([
      'Gov-Vendor-Forwarded: the first hop\'s "by" should be Gov-Vendor-Public-IP',
      'Gov-Vendor-Forwarded: the first hop\'s "for" should be Gov-Client-Public-IP',
    ]);
  });
});
