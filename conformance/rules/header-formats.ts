import { isIP } from 'node:net';

/**
 * The kit's own reading of the fraud prevention specification's data formats (v3.3, "Getting it right" and each
 * header's page): values are US-ASCII, anything else percent-encoded; key-value structures are `k1=v1&k2=v2` with
 * keys and values percent-encoded; lists are `v1,v2` with no value empty. A format check takes one non-empty value
 * and answers what is wrong with it: `error` where the specification says "must", `warning` where a value is well
 * formed but unlikely to be right. Not the emulator's validator: the kit grades vendors by its own rules.
 */
export interface FormatProblem {
  severity: 'error' | 'warning';
  problem: string;
}

type FormatCheck = (value: string, viaServer: boolean) => FormatProblem | undefined;

const error = (problem: string): FormatProblem => ({ severity: 'error', problem });
const warning = (problem: string): FormatProblem => ({ severity: 'warning', problem });

/** A percent-encoded component: what `encodeURIComponent` leaves alone, and `%XX` escapes that decode. */
export function decodeComponent(raw: string): string | undefined {
  if (!/^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-Fa-f]{2})*$/.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** `k1=v1&k2=v2`, decoded; undefined unless every pair has a key and is percent-encoded. */
export function keyValues(value: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const pair of value.split('&')) {
    const eq = pair.indexOf('=');
    const key = decodeComponent(pair.slice(0, eq));
    const val = decodeComponent(pair.slice(eq + 1));
    if (eq < 1 || key === undefined || val === undefined) return undefined;
    out.set(key, val);
  }
  return out;
}

/** `v1,v2`, each item parsed by `item`; undefined if any is empty or does not parse. */
function list<T>(value: string, item: (raw: string) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (const raw of value.split(',')) {
    const parsed = raw === '' ? undefined : item(raw);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

const isIp = (v: string | undefined): boolean => v !== undefined && isIP(v) !== 0;
const isPositiveInt = (v: string | undefined): boolean => v !== undefined && /^[1-9]\d*$/.test(v);
/** Private, loopback, link-local or carrier-grade NAT: an address no server on the internet would see. */
const isNonPublicIp = (v: string): boolean => /^(?:10\.|127\.|0\.|192\.168\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/.test(v) || /^(?:::1?|f[cd]|fe80:)/i.test(v);
/** `yyyy-MM-ddThh:mm:ss.sssZ`, a real instant (Date rolls 30 February over, so the round trip catches it). */
const isMillisTimestamp = (v: string): boolean => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;

const timestamp: FormatCheck = (v) => (isMillisTimestamp(v) ? undefined : error('must be a UTC timestamp yyyy-MM-ddThh:mm:ss.sssZ'));

const publicIp =
  (whose: string): FormatCheck =>
  (raw) => {
    const v = raw.includes('%') ? (decodeComponent(raw) ?? raw) : raw;
    if (!isIp(v)) return error(`must be the ${whose}'s public IP address`);
    return isNonPublicIp(v) ? warning(`${v} is not a public IP address (the ${whose}'s)`) : undefined;
  };

const pairs =
  (what: string): FormatCheck =>
  (v) => {
    const kv = keyValues(v);
    return kv && [...kv.values()].some((x) => x !== '') ? undefined : error(`must be percent-encoded key=value pairs (${what})`);
  };

/** Each header's format, by its lower-case name (the journal's spelling). */
export const HEADER_FORMATS: Record<string, FormatCheck> = {
  'gov-client-device-id': (v) => {
    if (decodeComponent(v) === undefined) return error('must be percent-encoded');
    return /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v) ? undefined : warning('should be a UUID kept for the device');
  },
  'gov-client-local-ips': (v) => (list(v, (raw) => (isIp(decodeComponent(raw)) ? raw : undefined)) ? undefined : error('must be a comma-separated list of IP addresses, each percent-encoded')),
  'gov-client-local-ips-timestamp': timestamp,
  'gov-client-mac-addresses': (v) => {
    const macs = list(v, decodeComponent);
    if (!macs?.every((m) => /^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(m))) return error('must be a comma-separated list of MAC addresses, each percent-encoded');
    return macs.includes('00:00:00:00:00:00') ? warning('00:00:00:00:00:00 is not a network interface') : undefined;
  },
  'gov-client-multi-factor': (v) => {
    const factors = list(v, keyValues);
    const ok = factors?.every(
      (f) => ['TOTP', 'AUTH_CODE', 'OTHER'].includes(f.get('type') ?? '') && /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{3})?)?Z$/.test(f.get('timestamp') ?? '') && Boolean(f.get('unique-reference')),
    );
    return ok ? undefined : error('must list type=TOTP|AUTH_CODE|OTHER&timestamp=yyyy-MM-ddThh:mmZ&unique-reference=… per factor');
  },
  'gov-client-public-ip': publicIp('client device'),
  'gov-client-public-ip-timestamp': timestamp,
  'gov-client-public-port': (v) => {
    if (!isPositiveInt(v) || Number(v) > 65535) return error('must be a port number from 1 to 65535');
    return v === '80' || v === '443' ? error(`must be the client's source port, not the server port ${v}`) : undefined;
  },
  'gov-client-screens': (v) => {
    const screens = list(v, keyValues);
    const ok = screens?.every((s) => isPositiveInt(s.get('width')) && isPositiveInt(s.get('height')) && (!s.get('scaling-factor') || Number(s.get('scaling-factor')) > 0) && (!s.get('colour-depth') || isPositiveInt(s.get('colour-depth'))));
    return ok ? undefined : error('must list width=…&height=…&scaling-factor=…&colour-depth=… per screen, width and height in whole pixels');
  },
  'gov-client-timezone': (v) => (/^UTC[+-](?:0\d|1[0-4]):[0-5]\d$/.test(v) ? undefined : error('must be UTC±hh:mm')),
  'gov-client-user-agent': (v) => {
    const kv = keyValues(v);
    return kv && ['os-family', 'os-version', 'device-manufacturer', 'device-model'].some((k) => kv.get(k)) ? undefined : error('must be os-family=…&os-version=…&device-manufacturer=…&device-model=…');
  },
  'gov-client-user-ids': pairs('the user in the software and on the device'),
  'gov-client-window-size': (v) => {
    const kv = keyValues(v);
    return kv && isPositiveInt(kv.get('width')) && isPositiveInt(kv.get('height')) ? undefined : error('must be width=…&height=… in whole pixels');
  },
  'gov-vendor-forwarded': (v) => (list(v, keyValues)?.every((hop) => isIp(hop.get('by')) && isIp(hop.get('for'))) ? undefined : error('must list by=<server IP>&for=<sender IP> per hop')),
  'gov-vendor-license-ids': pairs('<software>=<hashed licence key>'),
  'gov-vendor-product-name': (v) => (decodeComponent(v) === undefined ? error('must be percent-encoded') : undefined),
  'gov-vendor-public-ip': publicIp('vendor server'),
  'gov-vendor-version': (v, viaServer) => {
    const kv = keyValues(v);
    if (!kv || ![...kv.values()].some((x) => x !== '')) return error('must be <software>=<version> pairs');
    return viaServer && kv.size < 2 ? warning('should give the version of the client and of the server') : undefined;
  },
};
