import type { Probe, SchemaRef } from '../probe.js';

/** Create Test User (hmrc/api-platform-test-user): each 201/200 body against HMRC's JSON schema for it. */
const schema = (name: string): SchemaRef => ({ file: `create-test-user/conf/1.0/schemas/${name}.json` });

/** Fields of the flattened response that must be present for the services asked for. */
function missing(body: unknown, fields: string[]): string[] {
  const record = (body ?? {}) as Record<string, unknown>;
  return fields.filter((f) => typeof record[f] !== 'string').map((f) => `expected a generated ${f}`);
}

const probes: Probe[] = [
  {
    name: 'Create Test User: POST /create-test-user/individuals (every individual service)',
    async run(env) {
      const serviceNames = ['national-insurance', 'self-assessment', 'mtd-income-tax', 'mtd-vat', 'customs-services', 'goods-vehicle-movements', 'common-transit-convention-traders', 'common-transit-convention-traders-legacy'];
      const res = await env.request('POST', '/create-test-user/individuals', { token: await env.appToken(), body: { serviceNames } });
      return { ...res, expectStatus: 201, schema: schema('create-individual-response'), problems: missing(res.body, ['nino', 'saUtr', 'mtdItId', 'vrn', 'vatRegistrationDate', 'eoriNumber']) };
    },
  },
  {
    name: 'Create Test User: POST /create-test-user/individuals (no services)',
    async run(env) {
      const res = await env.request('POST', '/create-test-user/individuals', { token: await env.appToken(), body: { serviceNames: [] } });
      return { ...res, expectStatus: 201, schema: schema('create-individual-response') };
    },
  },
  {
    name: 'Create Test User: POST /create-test-user/organisations (every organisation service)',
    async run(env) {
      const services = await env.request('GET', '/create-test-user/services', { token: await env.appToken() });
      const serviceNames = (services.body as Array<{ key: string; allowedUserTypes: string[] }>).filter((s) => s.allowedUserTypes.includes('ORGANISATION')).map((s) => s.key);
      const res = await env.request('POST', '/create-test-user/organisations', { token: await env.appToken(), body: { serviceNames } });
      return {
        ...res,
        expectStatus: 201,
        schema: schema('create-organisation-response'),
        problems: missing(res.body, ['ctUtr', 'crn', 'empRef', 'vrn', 'lisaManagerReferenceNumber', 'secureElectronicTransferReferenceNumber', 'pensionSchemeAdministratorIdentifier', 'eoriNumber', 'exciseNumber', 'pillar2Id', 'taxPayerType']),
      };
    },
  },
  {
    name: 'Create Test User: POST /create-test-user/agents (agent-services)',
    async run(env) {
      const res = await env.request('POST', '/create-test-user/agents', { token: await env.appToken(), body: { serviceNames: ['agent-services'] } });
      return { ...res, expectStatus: 201, schema: schema('create-agent-response'), problems: missing(res.body, ['agentServicesAccountNumber']) };
    },
  },
  {
    name: 'Create Test User: GET /create-test-user/services',
    async run(env) {
      const res = await env.request('GET', '/create-test-user/services', { token: await env.appToken() });
      const count = Array.isArray(res.body) ? res.body.length : 0;
      return { ...res, expectStatus: 200, schema: schema('get-services-response'), problems: count === 20 ? [] : [`expected HMRC's 20 services, got ${count}`] };
    },
  },
  {
    name: 'Create Test User: the OAS response schemas (allOf $ref) accept the individual response too',
    async run(env) {
      const res = await env.request('POST', '/create-test-user/individuals', { token: await env.appToken(), body: { serviceNames: ['mtd-income-tax'] } });
      return { ...res, expectStatus: 201, schema: { file: 'create-test-user/conf/1.0/application.yaml', pointer: '/paths/~1create-test-user~1individuals/post/responses/201' } };
    },
  },
];

export default probes;
