import { type ConnectionMethod, isViaServer } from './connection-methods.js';
import {
  clip,
  decode,
  isIpAddress,
  isNonPublicIp,
  isPercentEncoded,
  isUtcMillisTimestamp,
  isUtcMinutesTimestamp,
  parseKeyValues,
  parseList,
  parseListOfKeyValues,
  UUID,
} from './encoding.js';

/**
 * The format of each fraud prevention header (FPH-SPEC v3.3 partials; reference §5.2). A rule sees one non-empty
 * value and returns its problems: `INVALID_HEADER` where the specification says "must", and
 * `POTENTIALLY_INVALID_HEADER` where a value is well formed but unlikely to be right (a private address where a
 * public one belongs, a device ID that is not a UUID). HMRC's validator is not public: the wording is the emulator's.
 */
export type IssueCode = 'MISSING_HEADER' | 'EMPTY_HEADER' | 'INVALID_HEADER' | 'POTENTIALLY_INVALID_HEADER' | 'UNEXPECTED_HEADER';

export interface Issue {
  code: IssueCode;
  message: string;
  /** Errors make the set INVALID_HEADERS; warnings only POTENTIALLY_INVALID_HEADERS. */
  severity: 'error' | 'warning';
}

export type HeaderRule = (value: string, method: ConnectionMethod) => Issue[];

const invalid = (message: string): Issue[] => [{ code: 'INVALID_HEADER', message, severity: 'error' }];
const doubtful = (message: string): Issue[] => [{ code: 'POTENTIALLY_INVALID_HEADER', message, severity: 'warning' }];

const encodedValue: HeaderRule = (v) => (isPercentEncoded(v) ? [] : invalid('Value must be percent-encoded US-ASCII'));

const publicIp =
  (what: string): HeaderRule =>
  (raw) => {
    // HMRC's examples send IPv6 addresses raw here; a percent-encoded one is accepted too.
    const v = raw.includes('%') ? (decode(raw) ?? raw) : raw;
    if (!isIpAddress(v)) return invalid(`Value must be an IPv4 or IPv6 address (the ${what}'s public IP address)`);
    if (isNonPublicIp(v)) return doubtful(`${v} is a private, loopback or link-local address, not the ${what}'s public IP address`);
    return [];
  };

const millisTimestamp: HeaderRule = (v) =>
  isUtcMillisTimestamp(v) ? [] : invalid('Value must be a UTC timestamp in the format yyyy-MM-ddThh:mm:ss.sssZ, for example 2020-09-21T14:30:05.123Z');

/** Key-value headers: parse, then check the keys. `known` keys, when given, are the only expected ones. */
function keyValues(check: (pairs: Array<[string, string]>, method: ConnectionMethod) => Issue[]): HeaderRule {
  return (v, method) => {
    const parsed = parseKeyValues(v);
    if (!parsed.value) return invalid(`Value must be key=value pairs separated by &, keys and values percent-encoded: ${parsed.problem}`);
    return check(parsed.value, method);
  };
}

const positiveInt = (v: string | undefined): boolean => v !== undefined && /^[1-9]\d{0,5}$/.test(v);
const positiveNumber = (v: string | undefined): boolean => v !== undefined && /^\d{1,4}(?:\.\d{1,6})?$/.test(v) && Number(v) > 0;

export const HEADER_RULES: Record<string, HeaderRule> = {
  'gov-client-browser-js-user-agent': (v) => (/^[\x20-\x7e]+$/.test(v) ? [] : invalid('Value must be the browser\'s navigator.userAgent, in printable US-ASCII')),

  'gov-client-device-id': (v) => {
    if (!isPercentEncoded(v)) return invalid('Value must be percent-encoded US-ASCII');
    return UUID.test(v) ? [] : doubtful('Value should be a UUID generated once per device and kept, for example beec798b-b366-47fa-b1f8-92cede14a1ce');
  },

  'gov-client-local-ips': (v) => {
    const parsed = parseList(v);
    if (!parsed.value) return invalid(`Value must be a comma-separated list of IP addresses, IPv6 addresses percent-encoded: ${parsed.problem}`);
    const bad = parsed.value.find((ip) => !isIpAddress(ip));
    return bad === undefined ? [] : invalid(`"${clip(bad)}" is not an IP address`);
  },

  'gov-client-local-ips-timestamp': millisTimestamp,

  'gov-client-mac-addresses': (v) => {
    const parsed = parseList(v);
    if (!parsed.value) return invalid(`Value must be a comma-separated list of MAC addresses, each percent-encoded: ${parsed.problem}`);
    const bad = parsed.value.find((mac) => !/^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(mac));
    if (bad !== undefined) return invalid(`"${clip(bad)}" is not a MAC address such as ea:43:1a:5d:21:45`);
    return parsed.value.some((mac) => mac === '00:00:00:00:00:00') ? doubtful('00:00:00:00:00:00 is not a real network interface') : [];
  },

  'gov-client-multi-factor': (v) => {
    const parsed = parseListOfKeyValues(v);
    if (!parsed.value) return invalid(`Value must be a comma-separated list of type=…&timestamp=…&unique-reference=… sets: ${parsed.problem}`);
    for (const factor of parsed.value) {
      const type = factor.get('type');
      if (type !== 'TOTP' && type !== 'AUTH_CODE' && type !== 'OTHER') return invalid('Each factor\'s type must be TOTP, AUTH_CODE or OTHER');
      const timestamp = factor.get('timestamp');
      if (!timestamp || !isUtcMinutesTimestamp(timestamp)) return invalid('Each factor needs a timestamp in UTC, yyyy-MM-ddThh:mmZ (seconds and milliseconds optional), percent-encoded');
      if (!factor.get('unique-reference')) return invalid('Each factor needs a unique-reference: a hash identifying the factor, such as the phone number or app');
    }
    return [];
  },

  'gov-client-public-ip': publicIp('client device'),
  'gov-client-public-ip-timestamp': millisTimestamp,

  'gov-client-public-port': (v) => {
    if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535) return invalid('Value must be a port number from 1 to 65535');
    return v === '80' || v === '443' ? invalid(`${v} is a server port: send the client device's source port`) : [];
  },

  'gov-client-screens': (v) => {
    const parsed = parseListOfKeyValues(v);
    if (!parsed.value) return invalid(`Value must be a comma-separated list of width=…&height=…&scaling-factor=…&colour-depth=… sets: ${parsed.problem}`);
    for (const screen of parsed.value) {
      if (!positiveInt(screen.get('width')) || !positiveInt(screen.get('height'))) return invalid('Each screen needs width and height in pixels, positive whole numbers');
      // "Whenever a key is applicable but has no applicable value, you can omit the key-value pair or include the
      // key with an empty value" (Getting it right): only the pixels are indispensable.
      const scaling = screen.get('scaling-factor');
      const depth = screen.get('colour-depth');
      if (scaling && !positiveNumber(scaling)) return invalid('A screen\'s scaling-factor must be a positive number such as 1 or 1.25');
      if (depth && !positiveInt(depth)) return invalid('A screen\'s colour-depth must be in bits, a positive whole number');
    }
    return [];
  },

  'gov-client-timezone': (v) => (/^UTC[+-](?:0\d|1[0-4]):[0-5]\d$/.test(v) ? [] : invalid('Value must be UTC±hh:mm, for example UTC+00:00 or UTC-01:15')),

  'gov-client-user-agent': keyValues((pairs) => {
    const known = new Set(['os-family', 'os-version', 'device-manufacturer', 'device-model']);
    if (!pairs.some(([k, val]) => known.has(k) && val !== '')) return invalid('Value must describe the device: os-family=…&os-version=…&device-manufacturer=…&device-model=…');
    const unknown = pairs.filter(([k]) => !known.has(k)).map(([k]) => clip(k));
    return unknown.length ? doubtful(`Unexpected keys: ${unknown.join(', ')}; expected os-family, os-version, device-manufacturer, device-model`) : [];
  }),

  'gov-client-user-ids': keyValues((pairs) => (pairs.some(([, val]) => val !== '') ? [] : invalid('Value must identify the user in your software and on the device, for example os=alice&my-application=alice123'))),

  'gov-client-window-size': keyValues((pairs) => {
    const m = new Map(pairs);
    return positiveInt(m.get('width')) && positiveInt(m.get('height')) ? [] : invalid('Value must be width=…&height=… in pixels, positive whole numbers');
  }),

  'gov-vendor-forwarded': (v) => {
    const parsed = parseListOfKeyValues(v);
    if (!parsed.value) return invalid(`Value must be a comma-separated list of by=…&for=… hops: ${parsed.problem}`);
    for (const hop of parsed.value) {
      if (!isIpAddress(hop.get('by') ?? '') || !isIpAddress(hop.get('for') ?? '')) return invalid('Each hop needs by=<server IP> and for=<sender IP>, both IP addresses');
    }
    return [];
  },

  'gov-vendor-license-ids': keyValues((pairs) => (pairs.some(([, val]) => val !== '') ? [] : invalid('Value must be <software-name>=<hashed licence key> pairs'))),

  'gov-vendor-product-name': encodedValue,

  'gov-vendor-public-ip': publicIp('vendor server'),

  'gov-vendor-version': keyValues((pairs, method) => {
    if (!pairs.some(([, val]) => val !== '')) return invalid('Value must be <software-name>=<version> pairs, for example my-application=1.6.0');
    return isViaServer(method) && pairs.length < 2
      ? doubtful('Connection methods via a server should give the version of every component, client and server, for example my-frontend-app=2.2.2&my-serverside-code=v3.8')
      : [];
  }),
};
