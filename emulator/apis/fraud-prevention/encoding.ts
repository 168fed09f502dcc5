import { isIP } from 'node:net';

/**
 * The specification's data formats ("Getting it right", FPH-SPEC partials): values are US-ASCII with everything
 * else percent-encoded; key-value structures are `k1=v1&k2=v2` with keys and values percent-encoded and the
 * separators not; lists are `v1,v2` with each value percent-encoded and none empty.
 */

/** A percent-encoded component: only the characters `encodeURIComponent` leaves alone, and `%XX` escapes. */
const ENCODED = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-Fa-f]{2})*$/;

export function isPercentEncoded(component: string): boolean {
  return ENCODED.test(component);
}

/** Decodes a component, or undefined when its escapes do not form valid UTF-8. */
export function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component);
  } catch {
    return undefined;
  }
}

export interface Parsed<T> {
  value?: T;
  /** Why the value could not be parsed. */
  problem?: string;
}

/** `k1=v1&k2=v2` → decoded pairs, in order. Keys must be non-empty; values may be empty. */
export function parseKeyValues(text: string): Parsed<Array<[string, string]>> {
  const pairs: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { problem: `"${clip(part)}" is not a key=value pair` };
    const [rawKey, rawValue] = [part.slice(0, eq), part.slice(eq + 1)];
    if (!isPercentEncoded(rawKey) || !isPercentEncoded(rawValue)) return { problem: `"${clip(part)}" is not percent-encoded` };
    const key = decode(rawKey);
    const value = decode(rawValue);
    if (key === undefined || value === undefined) return { problem: `"${clip(part)}" has an invalid percent-encoding` };
    pairs.push([key, value]);
  }
  return { value: pairs };
}

/** `v1,v2` → decoded values. Every value must be non-empty and percent-encoded. */
export function parseList(text: string): Parsed<string[]> {
  const out: string[] = [];
  for (const item of text.split(',')) {
    if (item === '') return { problem: 'the list has an empty value' };
    if (!isPercentEncoded(item)) return { problem: `"${clip(item)}" is not percent-encoded` };
    const value = decode(item);
    if (value === undefined) return { problem: `"${clip(item)}" has an invalid percent-encoding` };
    out.push(value);
  }
  return { value: out };
}

/** A list of key-value structures (Gov-Client-Multi-Factor, Gov-Client-Screens, Gov-Vendor-Forwarded). */
export function parseListOfKeyValues(text: string): Parsed<Array<Map<string, string>>> {
  const out: Array<Map<string, string>> = [];
  for (const item of text.split(',')) {
    if (item === '') return { problem: 'the list has an empty value' };
    const parsed = parseKeyValues(item);
    if (!parsed.value) return { problem: parsed.problem! };
    out.push(new Map(parsed.value));
  }
  return { value: out };
}

export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

/** Private, loopback, link-local or unspecified: never a public IP address. */
export function isNonPublicIp(value: string): boolean {
  if (isIP(value) === 4) {
    const [a, b] = value.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const v = value.toLowerCase();
  return v === '::1' || v === '::' || v.startsWith('fe80:') || v.startsWith('fc') || v.startsWith('fd');
}

/** UTC `yyyy-MM-ddThh:mm:ss.sssZ`, a real instant. */
export function isUtcMillisTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && isRealInstant(value);
}

/** UTC `yyyy-MM-ddThh:mmZ`, seconds and milliseconds optional (Gov-Client-Multi-Factor). */
export function isUtcMinutesTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z$/.test(value) && isRealInstant(value);
}

function isRealInstant(value: string): boolean {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return false;
  // Date.parse rolls 2021-02-30 over to March: compare the date part back.
  return new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10) && Number(value.slice(11, 13)) < 24;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shortens a reflected value so that messages stay small whatever was sent. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
