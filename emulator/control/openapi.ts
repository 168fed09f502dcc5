import type { ControlRoute } from './route-table.js';
import { controlError } from './schemas.js';

const TAGS: Record<string, string> = {
  emulator: 'Health and reset',
  dashboard: 'The QA dashboard (HTML) and its sign-in',
  clock: 'The virtual clock every expiry reads',
  journal: 'Every request and response the emulator saw',
  faults: 'Named faults to switch on',
  messages: 'Texts, voice calls and emails the emulator "sent"',
  applications: 'Developer applications and their credentials',
  accounts: 'Government Gateway accounts and their sign-in details',
  journeys: 'The link-software journey: history, presets, authenticator codes',
  'sign-ups': 'Making Tax Digital for Income Tax sign-ups',
  agents: 'Agents: clients, relationships, authorisation requests',
  'income-tax': 'Income Tax state HMRC\'s APIs cannot write: payments to HMRC',
};

const error = (description: string): Record<string, unknown> => ({ description, content: { 'application/json': { schema: controlError } } });

const GUARD_ERRORS = {
  401: error('A control token is set and the call does not carry it'),
  403: error("A host name the emulator does not serve, a state-changing call from a page on another origin, or one made with the dashboard's cookie without its CSRF token"),
};

/** What any call with a body may answer before it reaches its route (the body parsers). */
const BODY_ERRORS = {
  400: error('The body is not valid JSON (or, for the route, not valid)'),
  413: error('The body is too large, or has too many parameters'),
  415: error('The body is in a character set or encoding the emulator does not read'),
};

/**
 * The control API as an OpenAPI 3.1 document, built from the route table that builds its router, so the two
 * cannot drift. `server` is where the control API is mounted (`/_emulator`, or a tenant's prefix).
 */
export function openApiDocument(routes: readonly ControlRoute[], server = '/_emulator'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'HMRC local sandbox: control API',
      version: '1.0.0',
      description:
        'Drives the emulator from tests and the QA dashboard: clock, reset, journal, faults, outbox, applications, accounts, journeys, sign-ups, agents. HMRC has no such API. Errors are `{"error", "message"}`. See docs/control-api-security.md for the token, host and origin rules.',
    },
    servers: [{ url: server }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: TAGS[name] ?? name })),
    security: [{ controlToken: [] }, { controlTokenBasic: [] }, { dashboardSession: [] }, {}],
    components: {
      securitySchemes: {
        controlToken: { type: 'http', scheme: 'bearer', description: 'The control token (HMRC_SANDBOX_CONTROL_TOKEN, or the one printed at start). Not needed on loopback unless configured.' },
        controlTokenBasic: { type: 'http', scheme: 'basic', description: 'From a browser: any user name, the control token as the password.' },
        dashboardSession: { type: 'apiKey', in: 'cookie', name: 'hmrc-sandbox-control', description: 'Set by signing in to the dashboard; state-changing calls also need the `X-CSRF-Token` header.' },
      },
      schemas: { ControlError: controlError },
    },
    paths,
  };
}

function operation(route: ControlRoute): Record<string, unknown> {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })),
    ...Object.entries(route.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const content = r.html ? { 'text/html': { schema: { type: 'string' } } } : r.script ? { 'text/javascript': { schema: { type: 'string' } } } : r.schema ? { 'application/json': { schema: r.schema } } : undefined;
    responses[status] = content ? { description: r.description, content } : { description: r.description };
  }
  if (route.method !== 'get') for (const [status, r] of Object.entries(BODY_ERRORS)) responses[status] ??= r;
  if (!route.open) Object.assign(responses, GUARD_ERRORS);
  if (route.open === 'without-token') responses[403] = merge(responses[403], GUARD_ERRORS[403]);
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.open ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: false, content: { 'application/json': { schema: route.body }, 'application/x-www-form-urlencoded': { schema: route.body } } } } : {}),
    responses,
  };
}

/** One response whose content is both of theirs (an HTML page or the guard's JSON, for instance). */
function merge(a: unknown, b: Record<string, unknown>): Record<string, unknown> {
  if (!a) return b;
  const x = a as { description: string; content?: object };
  return { description: `${x.description}; or: ${String(b.description)}`, content: { ...x.content, ...(b.content as object) } };
}

/** `post /agents/{arn}/sa-clients` → `postAgentsArnSaClients`. */
function operationId(route: Pick<ControlRoute, 'method' | 'path'>): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

