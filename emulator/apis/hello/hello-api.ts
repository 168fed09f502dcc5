import type { Api, ApiRequest, ApiResponse } from '../../gateway/api.js';

/**
 * HMRC's Hello World API (hmrc/api-example-microservice): `/hello/world` open,
 * `/hello/application` application-restricted, `/hello/user` user-restricted with scope `hello`.
 * Versions 1.0 and 2.0; JSON `{"message":"Hello World"}` (no exclamation mark) or XML
 * `<Hello><message>…</message></Hello>` (`<Hello2>` for version 2.0).
 */
export const helloApi: Api = {
  name: 'Hello World',
  context: 'hello',
  versions: ['1.0', '2.0'],
  formats: ['json', 'xml'],
  endpoints: [
    { method: 'GET', path: '/hello/world', auth: 'open', handler: (req) => hello(req, 'Hello World') },
    { method: 'GET', path: '/hello/application', auth: 'application', handler: (req) => hello(req, 'Hello Application') },
    { method: 'GET', path: '/hello/user', auth: 'user', scopes: ['hello'], handler: (req) => hello(req, 'Hello User') },
  ],
};

function hello(req: ApiRequest, message: string): ApiResponse {
  const root = req.version === '2.0' ? 'Hello2' : 'Hello';
  return { status: 200, body: { message }, xml: `<${root}><message>${message}</message></${root}>` };
}
