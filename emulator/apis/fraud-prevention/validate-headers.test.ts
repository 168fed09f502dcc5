import { describe, expect, it } from 'vitest';
import { validHeaders, VALID_VALUES } from '../../../test/http/fraud-header-sets.js';
import { CONNECTION_METHODS, type ConnectionMethod, requiredHeaders } from './connection-methods.js';
import { MAX_VALUE_LENGTH, validateFraudHeaders, type ValidationResult } from './validate-headers.js';

const without = (headers: Record<string, string>, name: string): Record<string, string> => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
const cases = <T>(rows: T[]): T[] => rows;

/** The first connection method that requires a header, so that its value is judged. */
const methodRequiring = (header: string): ConnectionMethod => CONNECTION_METHODS.find((m) => requiredHeaders(m).includes(header))!;

function issue(result: ValidationResult, header: string): { code: string; message: string } | undefined {
  return [...(result.errors ?? []), ...(result.warnings ?? [])].find((m) => m.headers.includes(header));
}

describe('fraud prevention header validator', () => {
  describe.each(CONNECTION_METHODS)('%s', (method) => {
    it('accepts exactly the required headers, each valid', () => {
      expect(validateFraudHeaders(validHeaders(method)).result).toEqual({ specVersion: '3.3', code: 'VALID_HEADERS', message: 'All headers appear to be valid' });
    });

    it.each(requiredHeaders(method).filter((h) => h !== 'gov-client-connection-method'))('reports %s as MISSING_HEADER when it is left out', (header) => {
      const { result } = validateFraudHeaders(without(validHeaders(method), header));
      expect(result.code).toBe('INVALID_HEADERS');
      expect(result.errors).toEqual([{ code: 'MISSING_HEADER', message: 'Header required', headers: [header] }]);
    });

    it.each(requiredHeaders(method).filter((h) => h !== 'gov-client-connection-method' && h !== 'gov-client-multi-factor'))('reports %s as EMPTY_HEADER when it is empty', (header) => {
      const { result } = validateFraudHeaders({ ...validHeaders(method), [header]: '' });
      expect(result.code).toBe('INVALID_HEADERS');
      expect(issue(result, header)?.code).toBe('EMPTY_HEADER');
    });
  });

  it('only warns about an empty Gov-Client-Multi-Factor, which HMRC may agree to for single-factor sign-in', () => {
    const { result } = validateFraudHeaders({ ...validHeaders('DESKTOP_APP_DIRECT'), 'gov-client-multi-factor': '' });
    expect(result.code).toBe('POTENTIALLY_INVALID_HEADERS');
    expect(result.message).toBe('At least 1 header is potentially invalid');
    expect(result.warnings?.[0]).toMatchObject({ code: 'EMPTY_HEADER', headers: ['gov-client-multi-factor'] });
    expect(result.errors).toBeUndefined();
  });

  it.each(
    cases<[string, string, 'INVALID_HEADER' | 'POTENTIALLY_INVALID_HEADER']>([
      ['gov-client-browser-js-user-agent', 'Mozilla\u0007', 'INVALID_HEADER'],
      ['gov-client-device-id', 'my-device-1', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-client-device-id', 'my device', 'INVALID_HEADER'],
      ['gov-client-device-id', 'null', 'INVALID_HEADER'],
      ['gov-client-local-ips', '10.1.2.3,,10.0.0.1', 'INVALID_HEADER'],
      ['gov-client-local-ips', 'fc00::', 'INVALID_HEADER'],
      ['gov-client-local-ips', '999.1.2.3', 'INVALID_HEADER'],
      ['gov-client-local-ips-timestamp', '2020-09-21T14:30:05Z', 'INVALID_HEADER'],
      ['gov-client-local-ips-timestamp', '2020-02-30T14:30:05.123Z', 'INVALID_HEADER'],
      ['gov-client-mac-addresses', 'ea:43:1a:5d:21:45', 'INVALID_HEADER'],
      ['gov-client-mac-addresses', '00%3A00%3A00%3A00%3A00%3A00', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-client-multi-factor', 'type=SMS&timestamp=2021-11-21T13%3A23Z&unique-reference=abc', 'INVALID_HEADER'],
      ['gov-client-multi-factor', 'type=TOTP&timestamp=2021-11-21T13%3A23Z', 'INVALID_HEADER'],
      ['gov-client-multi-factor', 'type=TOTP&timestamp=21-11-2021&unique-reference=abc', 'INVALID_HEADER'],
      ['gov-client-public-ip', '10.0.0.1', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-client-public-ip', 'localhost', 'INVALID_HEADER'],
      ['gov-client-public-ip-timestamp', 'yesterday', 'INVALID_HEADER'],
      ['gov-client-public-port', '443', 'INVALID_HEADER'],
      ['gov-client-public-port', '70000', 'INVALID_HEADER'],
      ['gov-client-screens', 'height=1080&scaling-factor=1&colour-depth=16', 'INVALID_HEADER'],
      ['gov-client-screens', 'width=0&height=1080&scaling-factor=1&colour-depth=16', 'INVALID_HEADER'],
      ['gov-client-screens', 'width=1920&height=1080&scaling-factor=0&colour-depth=16', 'INVALID_HEADER'],
      ['gov-client-screens', 'width=1920&height=1080&scaling-factor=1&colour-depth=deep', 'INVALID_HEADER'],
      ['gov-client-timezone', 'GMT', 'INVALID_HEADER'],
      ['gov-client-timezone', 'UTC+0', 'INVALID_HEADER'],
      ['gov-client-user-agent', 'Windows 10', 'INVALID_HEADER'],
      ['gov-client-user-agent', 'os-family=Windows&browser=Chrome', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-client-user-ids', 'alice', 'INVALID_HEADER'],
      ['gov-client-user-ids', 'my-application=', 'INVALID_HEADER'],
      ['gov-client-user-ids', 'my-application=undefined', 'INVALID_HEADER'],
      ['gov-client-user-ids', 'my-application=%ZZ', 'INVALID_HEADER'],
      ['gov-client-user-ids', 'my-application=%C3%28', 'INVALID_HEADER'],
      ['gov-client-window-size', 'width=abc&height=803', 'INVALID_HEADER'],
      ['gov-vendor-forwarded', 'by=203.0.113.6', 'INVALID_HEADER'],
      ['gov-vendor-forwarded', 'by=203.0.113.7&for=198.51.100.0', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-vendor-forwarded', 'by=203.0.113.6&for=198.51.100.9', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-vendor-license-ids', 'abc', 'INVALID_HEADER'],
      ['gov-vendor-product-name', 'Product Name', 'INVALID_HEADER'],
      ['gov-vendor-product-name', 'Prod\u00fcct', 'INVALID_HEADER'],
      ['gov-vendor-product-name', 'x'.repeat(MAX_VALUE_LENGTH + 1), 'INVALID_HEADER'],
      ['gov-vendor-public-ip', '192.168.0.1', 'POTENTIALLY_INVALID_HEADER'],
      ['gov-vendor-version', 'my-application=1.0', 'POTENTIALLY_INVALID_HEADER'],
    ]),
  )('judges %s: %j as %s', (header, value, code) => {
    const method = header === 'gov-vendor-version' ? 'WEB_APP_VIA_SERVER' : methodRequiring(header);
    const { result, findings } = validateFraudHeaders({ ...validHeaders(method), [header]: value });
    expect(result.code).toBe(code === 'INVALID_HEADER' ? 'INVALID_HEADERS' : 'POTENTIALLY_INVALID_HEADERS');
    expect(issue(result, header)?.code).toBe(code);
    expect(findings.find((f) => f.header === header)?.code).toBe(code);
    expect(JSON.stringify(result).length).toBeLessThan(2000);
  });

  it('warns about a header the connection method does not use, and about one the specification does not define', () => {
    const { result } = validateFraudHeaders({ ...validHeaders('DESKTOP_APP_DIRECT'), 'gov-client-public-ip': VALID_VALUES['gov-client-public-ip']!, 'gov-client-devic-id': 'x' });
    expect(result.code).toBe('POTENTIALLY_INVALID_HEADERS');
    expect(result.warnings).toEqual([
      { code: 'UNEXPECTED_HEADER', message: 'Header not expected for connection method DESKTOP_APP_DIRECT', headers: ['gov-client-public-ip'] },
      { code: 'UNEXPECTED_HEADER', message: 'Header is not part of the fraud prevention specification; check its spelling', headers: ['gov-client-devic-id'] },
    ]);
  });

  it('accepts a key sent with an empty value or left out where the specification allows it', () => {
    const headers = { ...validHeaders('DESKTOP_APP_DIRECT'), 'gov-client-screens': 'width=1920&height=1080&scaling-factor=&colour-depth=16', 'gov-client-user-agent': 'os-family=Windows&device-model=' };
    expect(validateFraudHeaders(headers).result.code).toBe('VALID_HEADERS');
  });

  it('accepts IPv6 addresses raw or percent-encoded, and matches them across Gov-Vendor-Forwarded', () => {
    const headers = {
      ...validHeaders('WEB_APP_VIA_SERVER'),
      'gov-client-public-ip': '2001:DB8:85A3::8A2E:370:7334',
      'gov-vendor-public-ip': '2001%3Adb8%3A1%3A%3A6',
      'gov-vendor-forwarded': 'by=2001%3Adb8%3A1%3A%3A6&for=2001%3Adb8%3A85a3%3A%3A8a2e%3A370%3A7334,by=203.0.113.9&for=2001%3Adb8%3A1%3A%3A6',
    };
    expect(validateFraudHeaders(headers).result.code).toBe('VALID_HEADERS');
  });

  it('warns about headers the specification has retired', () => {
    const { result } = validateFraudHeaders({ ...validHeaders('WEB_APP_VIA_SERVER'), 'gov-client-browser-do-not-track': 'false' });
    expect(result.warnings).toEqual([
      { code: 'UNEXPECTED_HEADER', message: 'Header is no longer part of the fraud prevention specification: stop sending it', headers: ['gov-client-browser-do-not-track'] },
    ]);
  });

  it('groups headers that share a problem and names them in lower case', () => {
    const headers = without(without(validHeaders('MOBILE_APP_DIRECT'), 'gov-client-timezone'), 'gov-client-screens');
    const { result } = validateFraudHeaders({ ...headers, 'Gov-Client-Device-ID': 'beec798b-b366-47fa-b1f8-92cede14a1ce' });
    expect(result.errors).toEqual([{ code: 'MISSING_HEADER', message: 'Header required', headers: ['gov-client-screens', 'gov-client-timezone'] }]);
  });

  it('cannot judge anything without a known connection method', () => {
    const missing = validateFraudHeaders(without(validHeaders('OTHER_DIRECT'), 'gov-client-connection-method'));
    expect(missing.result.errors).toEqual([{ code: 'MISSING_HEADER', message: 'Header required', headers: ['gov-client-connection-method'] }]);
    expect(missing.connectionMethod).toBeUndefined();
    const unknown = validateFraudHeaders({ ...validHeaders('OTHER_DIRECT'), 'gov-client-connection-method': 'WEB' });
    expect(unknown.result.errors?.[0]).toMatchObject({ code: 'INVALID_HEADER', headers: ['gov-client-connection-method'] });
  });

  it('answers NO_HEADERS when no fraud prevention header was sent at all', () => {
    expect(validateFraudHeaders({ accept: 'application/vnd.hmrc.1.0+json' }).result).toEqual({
      specVersion: '3.3',
      code: 'INVALID_HEADERS',
      message: 'At least 1 header is invalid',
      errors: [{ code: 'NO_HEADERS', message: 'No fraud prevention headers were sent', headers: [] }],
    });
  });

  it('lists every judged header in the findings, valid ones as VALID_HEADER', () => {
    const { findings } = validateFraudHeaders({ ...validHeaders('BATCH_PROCESS_DIRECT'), 'gov-client-timezone': 'GMT' });
    expect(findings.map((f) => f.header)).toEqual([...requiredHeaders('BATCH_PROCESS_DIRECT')].sort());
    expect(findings.filter((f) => f.code !== 'VALID_HEADER')).toEqual([{ header: 'gov-client-timezone', code: 'INVALID_HEADER', message: expect.stringContaining('UTC±hh:mm') }]);
  });
});
