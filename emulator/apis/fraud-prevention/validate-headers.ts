import type { IncomingHttpHeaders } from 'node:http';
import { type ConnectionMethod, FRAUD_HEADERS, isConnectionMethod, requiredHeaders } from './connection-methods.js';
import { decode, parseListOfKeyValues } from './encoding.js';
import { HEADER_RULES, type Issue, type IssueCode } from './header-rules.js';

/**
 * HMRC's Test Fraud Prevention Headers validator, rebuilt from the specification (v3.3) since HMRC's is not public:
 *
 * 1. `Gov-Client-Connection-Method` must be one of the eight methods; it decides which headers are required.
 * 2. Each required header must be present (MISSING_HEADER) and not empty (EMPTY_HEADER; for
 *    Gov-Client-Multi-Factor an empty value is only a warning — allowed after agreeing it with HMRC).
 * 3. Each value must be US-ASCII, at most {@link MAX_VALUE_LENGTH} characters, no placeholder such as `null` or
 *    `undefined` ("Getting it right"), and in the header's format (header-rules.ts).
 * 4. Gov-Client-* and Gov-Vendor-* headers the method does not use are UNEXPECTED_HEADER warnings.
 * 5. Cross-header: the first Gov-Vendor-Forwarded hop is `by=<Gov-Vendor-Public-IP>&for=<Gov-Client-Public-IP>`.
 *
 * Any error → INVALID_HEADERS; only warnings → POTENTIALLY_INVALID_HEADERS; none → VALID_HEADERS. Header names
 * are reported in lower case. `errors` and `warnings` are left out when empty, as in HMRC's observed responses.
 */
export const SPEC_VERSION = '3.3';

/** Longer values are rejected rather than parsed: no real header comes close (the emulator's choice). */
export const MAX_VALUE_LENGTH = 2048;

export type ResultCode = 'VALID_HEADERS' | 'INVALID_HEADERS' | 'POTENTIALLY_INVALID_HEADERS';

export interface HeaderMessage {
  code: IssueCode | 'NO_HEADERS';
  message: string;
  headers: string[];
}

export interface ValidationResult {
  specVersion: string;
  code: ResultCode;
  message: string;
  errors?: HeaderMessage[];
  warnings?: HeaderMessage[];
}

/** One header's verdict, as the validation-feedback endpoint lists it. */
export interface HeaderFinding {
  header: string;
  code: IssueCode | 'VALID_HEADER';
  message?: string;
}

export interface Validation {
  result: ValidationResult;
  findings: HeaderFinding[];
  /** The connection method sent, when it is one of the eight. */
  connectionMethod: ConnectionMethod | undefined;
}

const MESSAGES: Record<ResultCode, string> = {
  VALID_HEADERS: 'All headers appear to be valid',
  INVALID_HEADERS: 'At least 1 header is invalid',
  POTENTIALLY_INVALID_HEADERS: 'At least 1 header is potentially invalid',
};

const CONNECTION_METHOD = 'gov-client-connection-method';
const EMPTY_MULTI_FACTOR =
  'Value is empty. This may be correct for single factor authentication, for example username and password. If this is the case, you must contact us explaining why you cannot submit this header.';
/** Dropped from the specification (change log v3.1, v3.2): sending them is a sign of an outdated implementation. */
const RETIRED_HEADERS = new Set(['gov-client-browser-do-not-track', 'gov-client-browser-plugins']);
const PLACEHOLDERS = new Set(['null', 'undefined', 'nan', '[object object]', '[object%20object]']);

/** Validates the fraud prevention headers of one request. */
export function validateFraudHeaders(headers: IncomingHttpHeaders): Validation {
  const sent = fraudHeadersOf(headers);
  const issues = new Map<string, Issue[]>();
  const add = (header: string, issue: Issue): void => void issues.set(header, [...(issues.get(header) ?? []), issue]);

  if (sent.size === 0) {
    const errors: HeaderMessage[] = [{ code: 'NO_HEADERS', message: 'No fraud prevention headers were sent', headers: [] }];
    return { result: { specVersion: SPEC_VERSION, code: 'INVALID_HEADERS', message: MESSAGES.INVALID_HEADERS, errors }, findings: [], connectionMethod: undefined };
  }

  const methodValue = sent.get(CONNECTION_METHOD);
  const method = isConnectionMethod(methodValue) ? methodValue : undefined;
  if (methodValue === undefined) add(CONNECTION_METHOD, { code: 'MISSING_HEADER', message: 'Header required', severity: 'error' });
  else if (methodValue.trim() === '') add(CONNECTION_METHOD, { code: 'EMPTY_HEADER', message: 'Value is empty', severity: 'error' });
  else if (!method) add(CONNECTION_METHOD, { code: 'INVALID_HEADER', message: 'Value must be one of WEB_APP_VIA_SERVER, DESKTOP_APP_DIRECT, DESKTOP_APP_VIA_SERVER, MOBILE_APP_DIRECT, MOBILE_APP_VIA_SERVER, BATCH_PROCESS_DIRECT, OTHER_DIRECT, OTHER_VIA_SERVER', severity: 'error' });

  const required = new Set(method ? requiredHeaders(method) : []);
  required.delete(CONNECTION_METHOD);
  for (const header of required) {
    const value = sent.get(header);
    if (value === undefined) add(header, { code: 'MISSING_HEADER', message: 'Header required', severity: 'error' });
    else for (const issue of checkValue(header, value, method!)) add(header, issue);
  }
  for (const header of sent.keys()) {
    if (header === CONNECTION_METHOD || required.has(header)) continue;
    const message = !method
      ? undefined
      : FRAUD_HEADERS.includes(header)
        ? `Header not expected for connection method ${method}`
        : RETIRED_HEADERS.has(header)
          ? 'Header is no longer part of the fraud prevention specification: stop sending it'
          : 'Header is not part of the fraud prevention specification; check its spelling';
    if (message) add(header, { code: 'UNEXPECTED_HEADER', message, severity: 'warning' });
  }
  if (method) for (const [header, issue] of crossHeaderIssues(sent, issues)) add(header, issue);

  // Without a usable connection method nothing else can be judged: only that header is reported.
  const judged = method ? new Set([CONNECTION_METHOD, ...required, ...sent.keys()]) : new Set([CONNECTION_METHOD]);
  return { ...summarise(issues), findings: findingsOf(judged, issues), connectionMethod: method };
}

/** The request's Gov-Client-* and Gov-Vendor-* headers, lower-cased, repeated headers joined with commas. */
function fraudHeadersOf(headers: IncomingHttpHeaders): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('gov-client-') && !lower.startsWith('gov-vendor-')) continue;
    if (value === undefined) continue;
    out.set(lower, Array.isArray(value) ? value.join(',') : value);
  }
  return out;
}

function checkValue(header: string, value: string, method: ConnectionMethod): Issue[] {
  if (value.trim() === '') {
    return header === 'gov-client-multi-factor'
      ? [{ code: 'EMPTY_HEADER', message: EMPTY_MULTI_FACTOR, severity: 'warning' }]
      : [{ code: 'EMPTY_HEADER', message: 'Value is empty', severity: 'error' }];
  }
  if (value.length > MAX_VALUE_LENGTH) return [{ code: 'INVALID_HEADER', message: `Value is longer than ${MAX_VALUE_LENGTH} characters`, severity: 'error' }];
  if (/[^\x20-\x7e]/.test(value)) return [{ code: 'INVALID_HEADER', message: 'Value must be US-ASCII: percent-encode any other character', severity: 'error' }];
  const placeholder = value.split(/[,&=]/).find((part) => PLACEHOLDERS.has(part.trim().toLowerCase()));
  if (placeholder !== undefined) return [{ code: 'INVALID_HEADER', message: `Value contains the placeholder "${placeholder}": leave a missing value out instead`, severity: 'error' }];
  return HEADER_RULES[header]?.(value, method) ?? [];
}

/** The first Gov-Vendor-Forwarded hop must match Gov-Vendor-Public-IP and Gov-Client-Public-IP. */
function crossHeaderIssues(sent: Map<string, string>, issues: Map<string, Issue[]>): Array<[string, Issue]> {
  const forwarded = sent.get('gov-vendor-forwarded');
  const clean = (h: string): boolean => sent.has(h) && !issues.has(h);
  if (forwarded === undefined || !clean('gov-vendor-forwarded')) return [];
  const first = parseListOfKeyValues(forwarded).value?.[0];
  if (!first) return [];
  const out: Array<[string, Issue]> = [];
  const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === (decode(b) ?? b).toLowerCase();
  const vendorIp = sent.get('gov-vendor-public-ip');
  if (vendorIp !== undefined && clean('gov-vendor-public-ip') && !same(first.get('by'), vendorIp))
    out.push(['gov-vendor-forwarded', { code: 'POTENTIALLY_INVALID_HEADER', message: 'The first hop\'s "by" should be the Gov-Vendor-Public-IP value', severity: 'warning' }]);
  const clientIp = sent.get('gov-client-public-ip');
  if (clientIp !== undefined && clean('gov-client-public-ip') && !same(first.get('for'), clientIp))
    out.push(['gov-vendor-forwarded', { code: 'POTENTIALLY_INVALID_HEADER', message: 'The first hop\'s "for" should be the Gov-Client-Public-IP value', severity: 'warning' }]);
  return out;
}

function summarise(issues: Map<string, Issue[]>): { result: ValidationResult } {
  const group = (severity: Issue['severity']): HeaderMessage[] => {
    const grouped = new Map<string, HeaderMessage>();
    for (const [header, list] of issues) {
      for (const issue of list) {
        if (issue.severity !== severity) continue;
        const key = `${issue.code}\n${issue.message}`;
        const entry = grouped.get(key) ?? { code: issue.code, message: issue.message, headers: [] };
        if (!entry.headers.includes(header)) entry.headers.push(header);
        grouped.set(key, entry);
      }
    }
    return [...grouped.values()];
  };
  const errors = group('error');
  const warnings = group('warning');
  const code: ResultCode = errors.length ? 'INVALID_HEADERS' : warnings.length ? 'POTENTIALLY_INVALID_HEADERS' : 'VALID_HEADERS';
  return {
    result: {
      specVersion: SPEC_VERSION,
      code,
      message: MESSAGES[code],
      ...(errors.length ? { errors } : {}),
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

function findingsOf(headers: Set<string>, issues: Map<string, Issue[]>): HeaderFinding[] {
  const out: HeaderFinding[] = [];
  for (const header of [...headers].sort()) {
    const list = issues.get(header);
    if (!list?.length) out.push({ header, code: 'VALID_HEADER' });
    else for (const issue of list) out.push({ header, code: issue.code, message: issue.message });
  }
  return out;
}
