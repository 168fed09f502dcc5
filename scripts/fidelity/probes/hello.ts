import type { Probe } from '../probe.js';

/** Hello World (hmrc/api-example-microservice): HMRC's OAS gives examples only, so bodies must equal them. */
const responseOf = (version: string, path: string, status: number) => ({
  file: `hello/conf/${version}/application.yaml`,
  pointer: `/paths/${path.replace(/\//g, '~1')}/get/responses/${status}/content/application~1json`,
});

const probes: Probe[] = ['1.0', '2.0'].flatMap((version): Probe[] => {
  const accept = `application/vnd.hmrc.${version}+json`;
  return [
    {
      name: `Hello World ${version}: GET /hello/world (open)`,
      async run(env) {
        const res = await env.request('GET', '/hello/world', { accept });
        return { ...res, schema: responseOf(version, '/hello/world', 200) };
      },
    },
    {
      name: `Hello World ${version}: GET /hello/application (application token)`,
      async run(env) {
        const res = await env.request('GET', '/hello/application', { accept, token: await env.appToken() });
        return { ...res, schema: responseOf(version, '/hello/application', 200) };
      },
    },
    {
      name: `Hello World ${version}: GET /hello/user (user token, scope hello, through the sandbox journey)`,
      async run(env) {
        const individual = env.persona('individual');
        const token = await env.userToken(individual.userId, individual.password, 'hello');
        const res = await env.request('GET', '/hello/user', { accept, token });
        return { ...res, schema: responseOf(version, '/hello/user', 200) };
      },
    },
    {
      name: `Hello World ${version}: GET /hello/user without a token is 401 MISSING_CREDENTIALS`,
      async run(env) {
        const res = await env.request('GET', '/hello/user', { accept });
        return { ...res, expectStatus: 401, schema: responseOf(version, '/hello/user', 401) };
      },
    },
    {
      name: `Hello World ${version}: GET /hello/application without a token is 401 MISSING_CREDENTIALS`,
      async run(env) {
        const res = await env.request('GET', '/hello/application', { accept });
        return { ...res, expectStatus: 401, schema: responseOf(version, '/hello/application', 401) };
      },
    },
  ];
});

export default probes;
