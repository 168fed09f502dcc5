import type { FidelityEnv, Probe, ProbeResponse, SchemaRef } from '../probe.js';

/**
 * Agent Authorisation (hmrc/agent-authorisation-api) and its test-support API, as the seeded `agent` persona
 * asking `client-1` (Income Tax) and `organisation` (VAT). The probes run in order and build on each other:
 * create → read → accept → check → de-authorise; and create → cancel.
 *
 * Which schema: version 2.0 bodies (service as a string) against the 2.0 JSON schemas. Version 1.0 bodies carry
 * service as a one-element array, as HMRC's service sends it; no published schema accepts that (the JSON schemas
 * want a string, and the OpenAPI's `oneOf` of two plain strings matches every string twice), so a 1.0 body must
 * have a one-element array and, unwrapped, match the 1.0 JSON schema. HMRC's OpenAPI declares `expiresOn` as
 * `format: date` while the service sends `2026-02-05T00:00:00.000`, so pending requests are checked against the
 * JSON schemas only. Error bodies against the OpenAPI responses.
 */
const V1 = 'application/vnd.hmrc.1.0+json';
const V2 = 'application/vnd.hmrc.2.0+json';
const SCOPES = 'read:sent-invitations write:sent-invitations write:cancel-invitations read:check-relationship write:relationships';

const json = (version: string, name: string): SchemaRef => ({ file: `agent-authorisation/conf/${version}/schemas/${name}.json` });
const oas = (version: string, pointer: string): SchemaRef => ({ file: `agent-authorisation/conf/${version}/application.yaml`, pointer });
const response = (path: string, method: string, status: number): SchemaRef =>
  oas('2.0', `/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`);

/** A 1.0 body with its one-element service array unwrapped, or a problem saying why it cannot be. */
function unwrapV1(res: ProbeResponse): { body: unknown; problems: string[] } {
  const body = res.body as Record<string, unknown>;
  const service = body?.service;
  if (!Array.isArray(service) || service.length !== 1) return { body, problems: [`1.0 service should be a one-element array, got ${JSON.stringify(service)}`] };
  return { body: { ...body, service: service[0] }, problems: [] };
}

async function agent(env: FidelityEnv): Promise<{ arn: string; token: string }> {
  const persona = env.persona('agent');
  return { arn: persona.arn!, token: await env.userToken(persona.userId, persona.password, SCOPES) };
}

/** The body to create a request for a client, from the test-support known-facts endpoint (service as a string). */
async function requestBody(env: FidelityEnv, service: 'MTD-IT' | 'MTD-VAT'): Promise<Record<string, unknown>> {
  const path =
    service === 'MTD-IT'
      ? `/agent-authorisation-test-support/known-facts/mtd-it/nino/${env.persona('client-1').nino}`
      : `/agent-authorisation-test-support/known-facts/mtd-vat/vrn/${env.persona('organisation').identifiers!.vrn}`;
  const res = await env.request('GET', path);
  if (res.status !== 200) throw new Error(`known facts ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as Record<string, unknown>), service };
}

/** A pending request's path: made now, or the one already pending (DUPLICATE_AUTHORISATION_REQUEST's Location). */
async function pending(env: FidelityEnv, service: 'MTD-IT' | 'MTD-VAT'): Promise<{ arn: string; token: string; location: string; res: ProbeResponse }> {
  const a = await agent(env);
  const res = await env.request('POST', `/agents/${a.arn}/invitations`, { accept: V2, token: a.token, body: await requestBody(env, service) });
  const location = res.headers.get('location');
  if (!location || (res.status !== 204 && res.status !== 403)) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...a, location, res };
}

const probes: Probe[] = [
  {
    name: 'Agents 2.0: POST /agents/{arn}/invitations (MTD-IT) is 204 with a Location',
    async run(env) {
      const { res, location } = await pending(env, 'MTD-IT');
      return { ...res, expectStatus: 204, schema: null, problems: /^\/agents\/[A-Z]ARN\d{7}\/invitations\/[A-Z1-9]{13}$/.test(location) ? [] : [`Location ${location}`] };
    },
  },
  {
    name: 'Agents 2.0: GET /agents/{arn}/invitations/{id} (Pending) matches invitation.json',
    async run(env) {
      const { token, location } = await pending(env, 'MTD-IT');
      const res = await env.request('GET', location, { accept: V2, token });
      return { ...res, expectStatus: 200, schema: json('2.0', 'invitation') };
    },
  },
  {
    name: 'Agents 2.0: GET /agents/{arn}/invitations matches invitations.json',
    async run(env) {
      const { arn, token } = await pending(env, 'MTD-IT');
      const res = await env.request('GET', `/agents/${arn}/invitations`, { accept: V2, token });
      return { ...res, expectStatus: 200, schema: json('2.0', 'invitations') };
    },
  },
  {
    name: 'Agents 2.0: a second request for the same client is 403 DUPLICATE_AUTHORISATION_REQUEST',
    async run(env) {
      const { res } = await pending(env, 'MTD-IT');
      return { ...res, expectStatus: 403, schema: response('/agents/{arn}/invitations', 'post', 403) };
    },
  },
  {
    name: 'Agents 2.0: a malformed NINO is 400 CLIENT_ID_FORMAT_INVALID',
    async run(env) {
      const { arn, token } = await agent(env);
      const body = { ...(await requestBody(env, 'MTD-IT')), clientId: 'AA12' };
      const res = await env.request('POST', `/agents/${arn}/invitations`, { accept: V2, token, body });
      return { ...res, expectStatus: 400, schema: response('/agents/{arn}/invitations', 'post', 400) };
    },
  },
  {
    name: "Agents 2.0: another agency's ARN is 403 NO_PERMISSION_ON_AGENCY",
    async run(env) {
      const { token } = await agent(env);
      const res = await env.request('GET', '/agents/XARN1234567/invitations', { accept: V2, token });
      return { ...res, expectStatus: 403, schema: response('/agents/{arn}/invitations', 'get', 403) };
    },
  },
  {
    name: 'Agents 2.0: an unknown request is 404 INVITATION_NOT_FOUND',
    async run(env) {
      const { arn, token } = await agent(env);
      const res = await env.request('GET', `/agents/${arn}/invitations/CS5AK7O8FPC43`, { accept: V2, token });
      return { ...res, expectStatus: 404, schema: response('/agents/{arn}/invitations/{invitationId}', 'get', 404) };
    },
  },
  {
    name: "Agents 2.0: a plain JSON Accept header is the API's 406 ACCEPT_HEADER_INVALID",
    async run(env) {
      const { arn, token } = await agent(env);
      const res = await env.request('GET', `/agents/${arn}/invitations`, { accept: 'application/json', token });
      return { ...res, expectStatus: 406, schema: response('/agents/{arn}/invitations', 'get', 406) };
    },
  },
  {
    name: 'Agents 2.0: POST /agents/{arn}/relationships before the client accepts is 404 RELATIONSHIP_NOT_FOUND',
    async run(env) {
      const { arn, token } = await agent(env);
      const { clientType: _unused, ...body } = await requestBody(env, 'MTD-IT');
      const res = await env.request('POST', `/agents/${arn}/relationships`, { accept: V2, token, body });
      return { ...res, expectStatus: 404, schema: response('/agents/{arn}/relationships', 'post', 404) };
    },
  },
  {
    name: 'Agent test support: PUT /agent-authorisation-test-support/invitations/{id} accepts (204)',
    async run(env) {
      const { location } = await pending(env, 'MTD-IT');
      const res = await env.request('PUT', `/agent-authorisation-test-support/invitations/${location.split('/').pop()}`);
      return { ...res, expectStatus: 204, schema: null };
    },
  },
  {
    name: 'Agents 2.0: POST /agents/{arn}/relationships after the client accepts is 204',
    async run(env) {
      const { arn, token } = await agent(env);
      const { clientType: _unused, ...body } = await requestBody(env, 'MTD-IT');
      const res = await env.request('POST', `/agents/${arn}/relationships`, { accept: V2, token, body });
      return { ...res, expectStatus: 204, schema: null };
    },
  },
  {
    name: 'Agents 1.0: GET /agents/{arn}/invitations/{id} (Accepted) has service as a one-element array and matches invitation.json',
    async run(env) {
      const { arn, token } = await agent(env);
      const list = await env.request('GET', `/agents/${arn}/invitations`, { accept: V1, token });
      const accepted = (list.body as Array<{ status: string; _links: { self: { href: string } } }>).find((i) => i.status === 'Accepted');
      if (!accepted) throw new Error('no Accepted request to read');
      const res = await env.request('GET', accepted._links.self.href, { accept: V1, token });
      return { ...res, ...unwrapV1(res), expectStatus: 200, schema: json('1.0', 'invitation') };
    },
  },
  {
    name: 'Agents 2.0: PUT /agents/{arn}/deauthorise-client is 204',
    async run(env) {
      const { arn, token } = await agent(env);
      const { knownFact: _unused, ...body } = await requestBody(env, 'MTD-IT');
      const res = await env.request('PUT', `/agents/${arn}/deauthorise-client`, { accept: V2, token, body });
      return { ...res, expectStatus: 204, schema: null };
    },
  },
  {
    name: 'Agents 2.0: de-authorising again is 403 NO_RELATIONSHIP',
    async run(env) {
      const { arn, token } = await agent(env);
      const { knownFact: _unused, ...body } = await requestBody(env, 'MTD-IT');
      const res = await env.request('PUT', `/agents/${arn}/deauthorise-client`, { accept: V2, token, body });
      return { ...res, expectStatus: 403, schema: response('/agents/{arn}/deauthorise-client', 'put', 403) };
    },
  },
  {
    name: 'Agents 2.0: DELETE /agents/{arn}/invitations/{id} (MTD-VAT, Pending) is 204',
    async run(env) {
      const { token, location } = await pending(env, 'MTD-VAT');
      const res = await env.request('DELETE', location, { accept: V2, token });
      return { ...res, expectStatus: 204, schema: null };
    },
  },
  {
    name: 'Agents 1.0: a cancelled request matches invitation.json (service unwrapped); cancelling again is 403 INVALID_INVITATION_STATUS',
    async run(env) {
      const { arn, token } = await agent(env);
      const list = await env.request('GET', `/agents/${arn}/invitations`, { accept: V1, token });
      const cancelled = (list.body as Array<{ status: string; _links: { self: { href: string } } }>).find((i) => i.status === 'Cancelled');
      if (!cancelled) throw new Error('no Cancelled request to read');
      const again = await env.request('DELETE', cancelled._links.self.href, { accept: V2, token });
      const problems = again.status === 403 && (again.body as { code?: string }).code === 'INVALID_INVITATION_STATUS' ? [] : [`cancel again: ${again.status} ${JSON.stringify(again.body)}`];
      const res = await env.request('GET', cancelled._links.self.href, { accept: V1, token });
      const unwrapped = unwrapV1(res);
      return { ...res, body: unwrapped.body, expectStatus: 200, schema: json('1.0', 'invitation'), problems: [...problems, ...unwrapped.problems] };
    },
  },
  {
    name: 'Agents 1.0: POST /agents/{arn}/invitations (MTD-VAT) is 204 with a Location',
    async run(env) {
      const { arn, token } = await agent(env);
      const res = await env.request('POST', `/agents/${arn}/invitations`, { accept: V1, token, body: await requestBody(env, 'MTD-VAT') });
      const location = res.headers.get('location') ?? '';
      return { ...res, expectStatus: 204, schema: null, problems: /^\/agents\/[A-Z]ARN\d{7}\/invitations\/[A-Z1-9]{13}$/.test(location) ? [] : [`Location ${location}`] };
    },
  },
  {
    name: 'Agents 1.0: DELETE /agents/{arn}/invitations/{id} (MTD-VAT, Pending) is 204',
    async run(env) {
      const { token, location } = await pending(env, 'MTD-VAT');
      const res = await env.request('DELETE', location, { accept: V1, token });
      return { ...res, expectStatus: 204, schema: null };
    },
  },
  {
    name: 'Agents 1.0: POST /agents/{arn}/relationships after de-authorisation is 404 RELATIONSHIP_NOT_FOUND',
    async run(env) {
      const { arn, token } = await agent(env);
      const { clientType: _unused, ...body } = await requestBody(env, 'MTD-IT');
      const res = await env.request('POST', `/agents/${arn}/relationships`, { accept: V1, token, body });
      const code = (res.body as { code?: string }).code;
      return { ...res, expectStatus: 404, schema: oas('1.0', '/paths/~1agents~1{arn}~1relationships/post/responses/404'), problems: code === 'RELATIONSHIP_NOT_FOUND' ? [] : [`code ${code}`] };
    },
  },
];

export default probes;
