// What the fuzzer sends: fast-check arbitraries for whole HTTP requests aimed at the emulator's routes, from
// the plausible (a real route, a valid token, a well-formed body with one wrong field) to the hostile
// (malformed percent-encoding, lone surrogates, 5,000-deep JSON, a megabyte of nothing, odd content types).
import fc from 'fast-check';
import type { Route } from './routes.js';

export interface FuzzRequest {
  /** Which generator made it; see {@link GENERATORS}. */
  generator: Generator;
  method: string;
  /** Path and query, as sent (already percent-encoded where the generator meant it to be). */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** Values the running emulator gave the fuzzer before the storm, so requests can reach past the first checks. */
export interface Knowns {
  applicationToken: string;
  userToken: string;
  /** Identifiers of seeded accounts (NINOs, VRNs, ARNs, user IDs, …). */
  identifiers: string[];
  /** Sent with `/_emulator/*` requests when the control API wants a token. */
  controlToken?: string | undefined;
}

/**
 * The generators, each a kind of request. `route` sends one request to a route of the route tables with
 * fuzzed parameters, query, headers and body; `journey-step` the same to a step of a journey the runner has just
 * opened, with its cookies and CSRF token, so the steps' own form handling is reached; the others are the hostile
 * cases worth a generator of their own.
 */
export const GENERATORS = ['route', 'journey-step', 'raw-path', 'deep-json', 'huge-body', 'clock-advance-enormous'] as const;

/**
 * Stand-ins the runner replaces at send time: for `journey-step` requests, the interaction of a journey it has
 * just opened (its uid, its cookies, its page's CSRF token); for any request, the current tokens.
 */
export const PLACEHOLDERS = { uid: '{{uid}}', cookie: '{{cookie}}', csrf: '{{csrf}}' } as const;
export type Generator = (typeof GENERATORS)[number];

/**
 * Generators whose requests find defects that are known and being fixed: `--skip-known-defects` leaves them out.
 * Empty now: the two it held (an enormous clock advance, JSON nested thousands deep) are fixed, and their
 * generators run everywhere as regression checks.
 */
export const KNOWN_DEFECTS: readonly Generator[] = [];

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0644\u0627',
  '\u200b\u200d\ufeff',
  '\ud800',
  '\udfff\ud800',
  '💷🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'e\u0301\u0301\u0301',
  'İıſK',
  '%',
  '%zz',
  '%c0%af',
  '%00',
  '%ff%fe',
  '%252e%252e',
  '../../etc/passwd',
  '..',
  '.',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '\r\nX-Injected: 1',
  'A'.repeat(5_000),
];

const FIELD_NAMES = [
  'by', 'id', 'times', 'delayMs', 'clientId', 'pathPrefix', 'clientSecrets', 'name', 'redirectUris', 'subscriptions', 'rateLimitPerSecond',
  'outcome', 'auto', 'userId', 'password', 'csrfToken', 'decision', 'method', 'phone', 'totp', 'accessCode', 'email', 'nino', 'vrn', 'arn',
  'grant_type', 'client_id', 'client_secret', 'code', 'redirect_uri', 'refresh_token', 'scope', 'code_verifier', 'state', 'response_type',
  'code_challenge', 'code_challenge_method', 'serviceNames', 'service', 'clientType', 'clientIdType', 'knownFact', 'periodKey', 'vatDueSales',
  'finalised', 'taxYear', 'businessId', 'typeOfBusiness', 'status', 'statusReason', 'periodDates', 'periodIncome', 'since', 'to', 'path',
  '__proto__', 'constructor',
];

const DURATIONS = ['PT1S', 'PT4H', 'P1D', 'P547D', 'P2Y', '-PT1H', 'PT0S', 'P', 'PT', '1 hour', 'P1.5D', 'P-1D'];

/** Requests for a fuzz run; `exclude` leaves generators out (e.g. {@link KNOWN_DEFECTS}). */
export function fuzzRequest(routes: Route[], knowns: Knowns, exclude: readonly Generator[] = []): fc.Arbitrary<FuzzRequest> {
  const word = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE, ...knowns.identifiers, ...DURATIONS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(word, { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, {}, [], 'always') },
  );
  const journeyRoutes = routes.filter((r) => r.path.startsWith('/oauth/interaction/:uid'));
  const fields = fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: word }), value, { maxKeys: 8 });

  const generators: Record<Generator, fc.Arbitrary<FuzzRequest>> = {
    route: fc
      .record({
        route: fc.constantFrom(...routes),
        method: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'get') }),
        params: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...knowns.identifiers) }, { weight: 2, arbitrary: word }), { minLength: 6, maxLength: 6 }),
        pathTail: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '/x', '/%2e%2e', '/..', ';x', '%20', '.json') }),
        query: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fields.map(toQuery) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE.map((h) => `${h}=${h}`), 'a=1&a=2&a[]=3&a[b]=4', '&&&=&', '=') }),
        headers: headers(knowns, word),
        body: body(fields, word),
      })
      .map(({ route, method, params, pathTail, query, headers, body }) => {
        let i = 0;
        const path = route.path.replace(/:(\w+)/g, () => encodeSegment(params[i++ % params.length]!));
        const verb = method ?? (route.method === 'ALL' ? 'POST' : route.method);
        return request('route', verb, `${path}${pathTail}${query ? `?${query}` : ''}`, { ...headers, ...body.headers }, body.text, knowns);
      }),
    'journey-step': fc
      .record({
        route: fc.constantFrom(...(journeyRoutes.length ? journeyRoutes : routes)),
        fields: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: word }), word, { maxKeys: 6 }),
        csrf: fc.oneof({ weight: 4, arbitrary: fc.constant(PLACEHOLDERS.csrf) }, { weight: 1, arbitrary: word }),
        cookie: fc.oneof({ weight: 6, arbitrary: fc.constant(PLACEHOLDERS.cookie) }, { weight: 1, arbitrary: fc.constant(`${PLACEHOLDERS.cookie}; _interaction=x`) }),
        type: fc.oneof({ weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') }, { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data') }),
        json: fc.boolean(),
      })
      .map(({ route, fields, csrf, cookie, type, json }) => {
        const body = { csrfToken: csrf, ...fields };
        const text = json ? JSON.stringify(body) : toQuery(body);
        const verb = route.method === 'ALL' ? 'POST' : route.method;
        return request('journey-step', verb, route.path.replace(':uid', PLACEHOLDERS.uid), { cookie, 'content-type': type }, verb === 'GET' ? undefined : text, knowns);
      }),
    'raw-path': fc
      .record({
        segments: fc.array(fc.oneof(fc.constantFrom('oauth', '_emulator', 'hello', 'organisations', 'vat', 'individuals', 'assets', 'agents', 'report-quarterly'), word), { minLength: 1, maxLength: 8 }),
        raw: fc.boolean(),
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
        headers: headers(knowns, word),
      })
      .map(({ segments, raw, method, headers }) => request('raw-path', method, `/${segments.map((s) => (raw ? s : encodeSegment(s))).join('/')}`, headers, undefined, knowns)),
    'deep-json': fc
      .record({ route: fc.constantFrom(...routes), depth: fc.integer({ min: 1_000, max: 6_000 }), array: fc.boolean() })
      .map(({ route, depth, array }) => {
        const [open, close] = array ? ['[', ']'] : ['{"a":', '}'];
        const path = route.path.replace(/:(\w+)/g, 'x');
        return request('deep-json', route.method === 'ALL' || route.method === 'GET' ? 'POST' : route.method, path, { 'content-type': 'application/json', accept: 'application/vnd.hmrc.1.0+json' }, `${open.repeat(depth)}1${close.repeat(depth)}`, knowns);
      }),
    'huge-body': fc
      .record({ route: fc.constantFrom(...routes), kilobytes: fc.constantFrom(64, 900, 1_100), type: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain') })
      .map(({ route, kilobytes, type }) => {
        const filler = 'x'.repeat(kilobytes * 1024);
        const text = type === 'application/json' ? JSON.stringify({ by: filler }) : type === 'application/x-www-form-urlencoded' ? `a=${filler}` : filler;
        return request('huge-body', route.method === 'ALL' || route.method === 'GET' ? 'POST' : route.method, route.path.replace(/:(\w+)/g, 'x'), { 'content-type': type }, text, knowns);
      }),
    'clock-advance-enormous': fc
      .constantFrom('P300000Y', 'PT99999999999999999999999S', 'P999999999999D', 'P1E9Y', 'PT9007199254740993S')
      .map((by) => request('clock-advance-enormous', 'POST', '/_emulator/clock/advance', { 'content-type': 'application/json' }, JSON.stringify({ by }), knowns)),
  };
  const weights: Record<Generator, number> = { route: 40, 'journey-step': 6, 'raw-path': 4, 'deep-json': 1, 'huge-body': 1, 'clock-advance-enormous': 1 };
  const left = GENERATORS.filter((g) => !exclude.includes(g) && (g !== 'journey-step' || journeyRoutes.length > 0));
  return fc.oneof(...left.map((g) => ({ weight: weights[g], arbitrary: generators[g] })));
}

function headers(knowns: Knowns, word: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  const accept = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('application/vnd.hmrc.1.0+json', 'application/vnd.hmrc.2.0+json', 'application/vnd.hmrc.3.0+json', 'application/vnd.hmrc.5.0+json', 'application/vnd.hmrc.8.0+json') },
    { weight: 2, arbitrary: fc.constantFrom('application/vnd.hmrc.1.0+xml', 'application/json', 'text/html', '*/*', 'application/vnd.hmrc.+json', 'application/vnd.hmrc.1.0+json, text/html;q=0.1', 'application/vnd.hmrc.99999999999999999999.0+json') },
    { weight: 1, arbitrary: word },
  );
  const authorization = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(`Bearer ${knowns.userToken}`, `Bearer ${knowns.applicationToken}`) },
    { weight: 2, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic', 'Basic %%%', 'Basic Og==', `Basic ${Buffer.from('a:b:c').toString('base64')}`, 'Negotiate abc', `Bearer ${'a'.repeat(10_000)}`) },
    { weight: 1, arbitrary: word.map((w) => `Bearer ${w}`) },
  );
  const optional = <T>(a: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight, arbitrary: a });
  return fc
    .record({
      accept: optional(accept, 4),
      authorization: optional(authorization, 3),
      'gov-test-scenario': optional(fc.oneof(fc.constantFrom('DEFAULT', 'STATEFUL', 'NOT_FOUND', 'QUARTERLY_NONE_MET', 'INSOLVENT_TRADER'), word)),
      'gov-client-connection-method': optional(fc.oneof(fc.constantFrom('WEB_APP_VIA_SERVER', 'DESKTOP_APP_DIRECT', 'BATCH_PROCESS_DIRECT'), word)),
      'gov-client-public-ip': optional(word),
      'gov-client-device-id': optional(word),
      cookie: optional(fc.oneof(fc.constantFrom('_interaction=x', '_session=%%', 'a=b; a=c', `${'c'.repeat(4_000)}=1`), word.map((w) => `_interaction.sig=${w}`))),
      origin: optional(fc.constantFrom('http://evil.example', 'null', 'http://127.0.0.1')),
      'sec-fetch-site': optional(fc.constantFrom('cross-site', 'same-origin', 'none', 'same-site')),
      'x-forwarded-proto': optional(fc.constantFrom('https', 'http', 'gopher', 'https, http')),
      'x-forwarded-host': optional(word),
      'x-forwarded-for': optional(fc.constantFrom('1.2.3.4', '::1', 'unknown, ,', '999.999.999.999')),
      'content-encoding': optional(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'), 1),
      host: optional(fc.constantFrom('evil.example', 'localhost', '', '[::1]:1', 'a'.repeat(300)), 1),
      'x-correlationid': optional(word),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined)));
}

function body(fields: fc.Arbitrary<Record<string, unknown>>, word: fc.Arbitrary<string>): fc.Arbitrary<{ headers: Record<string, string>; text?: string }> {
  const type = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/x-www-form-urlencoded') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'text/json', 'application/merge-patch+json', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded; charset=iso-8859-1',
        'application/x-www-form-urlencoded; charset=koi8-r', 'multipart/form-data; boundary=x', 'text/plain', 'application/xml', 'application/octet-stream', ';', 'application/json;;;', '*/*',
      ),
    },
    { weight: 1, arbitrary: word },
  );
  const text = fc.oneof(
    { weight: 4, arbitrary: fields.map((f) => JSON.stringify(f)) },
    { weight: 4, arbitrary: fields.map(toQuery) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,', '"\\ud800"', '{"a":1,"a":2}', 'null', '1', 'true', '""', '{"__proto__":{"polluted":1}}', '\u0000\u0001', 'a=%', '%=%', 'a&&b==c') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
    { weight: 1, arbitrary: word },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ headers: {} }) },
    { weight: 3, arbitrary: fc.record({ type, text }).map(({ type, text }) => ({ headers: { 'content-type': type }, text })) },
  );
}

/** A request, with what every request carries: the control token for `/_emulator/*` when one is configured. */
function request(generator: Generator, method: string, path: string, headers: Record<string, string>, body: string | undefined, knowns: Knowns): FuzzRequest {
  const control = knowns.controlToken && path.startsWith('/_emulator') && headers.authorization === undefined;
  return { generator, method, path, headers: control ? { ...headers, authorization: `Bearer ${knowns.controlToken}` } : headers, body };
}

function toQuery(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`)
    .join('&');
}

/** Percent-encodes a path segment, except strings that are themselves hostile escapes (`%zz`), kept as they are. */
function encodeSegment(s: string): string {
  return /%/.test(s) && HOSTILE.includes(s) ? s : encodeLoosely(s);
}

function encodeLoosely(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    // A lone surrogate: send its bytes as they would arrive from a careless client.
    return Buffer.from(s, 'utf8').toString('latin1');
  }
}
