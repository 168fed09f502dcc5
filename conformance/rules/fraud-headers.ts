import { type ConnectionMethod, CONNECTION_METHODS, isConnectionMethod, requiredHeaders } from './connection-methods.js';
import { HEADER_FORMATS } from './header-formats.js';

/**
 * The kit's verdict on one API call's fraud prevention headers (specification v3.3):
 *
 * - Gov-Client-Connection-Method is one of the eight methods (else nothing more can be judged);
 * - every header that method requires is sent and not empty (Gov-Client-Multi-Factor may be empty after agreeing
 *   it with HMRC: a warning);
 * - every value is printable US-ASCII, holds no placeholder (`null`, `undefined`, …) and is in its header's format;
 * - warnings: Gov-Client-* and Gov-Vendor-* headers the method does not use, and a first Gov-Vendor-Forwarded hop
 *   that is not `by=<Gov-Vendor-Public-IP>&for=<Gov-Client-Public-IP>`.
 *
 * A finding names the header as HMRC spells it. Errors fail the check; warnings are notes.
 */
export interface HeaderFinding {
  header: string;
  problem: string;
}

export interface FraudHeaderVerdict {
  method: ConnectionMethod | undefined;
  errors: HeaderFinding[];
  warnings: HeaderFinding[];
}

const PLACEHOLDERS = new Set(['null', 'undefined', 'nan', '[object object]', '[object%20object]']);

/** Judges one call's headers (names in any case, as the journal records them: lower case). */
export function judgeFraudHeaders(headers: Record<string, string | undefined>): FraudHeaderVerdict {
  const sent = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && /^gov-(?:client|vendor)-/i.test(name)) sent.set(name.toLowerCase(), value);
  const errors: HeaderFinding[] = [];
  const warnings: HeaderFinding[] = [];

  const methodValue = sent.get('gov-client-connection-method');
  if (!isConnectionMethod(methodValue)) {
    const problem = methodValue === undefined ? 'missing' : `must be one of ${CONNECTION_METHODS.join(', ')}`;
    return { method: undefined, errors: [{ header: 'Gov-Client-Connection-Method', problem }], warnings };
  }
  const method = methodValue;
  const required = requiredHeaders(method);
  for (const header of required) {
    const value = sent.get(header.toLowerCase());
    if (value === undefined) errors.push({ header, problem: 'missing' });
    else if (value.trim() === '') (header === 'Gov-Client-Multi-Factor' ? warnings : errors).push({ header, problem: 'empty' });
    else {
      const found = generalProblem(value) ?? HEADER_FORMATS[header.toLowerCase()]?.(value, method.endsWith('_VIA_SERVER'));
      if (found) (found.severity === 'error' ? errors : warnings).push({ header, problem: found.problem });
    }
  }
  const expected = new Set(required.map((h) => h.toLowerCase()));
  for (const name of sent.keys()) if (!expected.has(name)) warnings.push({ header: name, problem: `not used by ${method}` });
  warnings.push(...forwardedMismatch(sent));
  return { method, errors, warnings };
}

/** What every value must be, whatever the header. */
function generalProblem(value: string): { severity: 'error'; problem: string } | undefined {
  if (/[^\x20-\x7e]/.test(value)) return { severity: 'error', problem: 'must be US-ASCII, other characters percent-encoded' };
  const placeholder = value.split(/[,&=]/).find((part) => PLACEHOLDERS.has(part.trim().toLowerCase()));
  return placeholder === undefined ? undefined : { severity: 'error', problem: `holds the placeholder "${placeholder}": leave a missing value out` };
}

/** The first hop of Gov-Vendor-Forwarded is the vendor's server receiving the client's call. */
function forwardedMismatch(sent: Map<string, string>): HeaderFinding[] {
  const first = sent.get('gov-vendor-forwarded')?.split(',')[0];
  if (!first) return [];
  const hop = new URLSearchParams(first);
  const out: HeaderFinding[] = [];
  const vendorIp = sent.get('gov-vendor-public-ip');
  const clientIp = sent.get('gov-client-public-ip');
  if (vendorIp && hop.get('by') !== safeDecode(vendorIp)) out.push({ header: 'Gov-Vendor-Forwarded', problem: 'the first hop\'s "by" should be Gov-Vendor-Public-IP' });
  if (clientIp && hop.get('for') !== safeDecode(clientIp)) out.push({ header: 'Gov-Vendor-Forwarded', problem: 'the first hop\'s "for" should be Gov-Client-Public-IP' });
  return out;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
