// One fuzz request over a fresh loopback connection, with a deadline. Strings the node client would refuse to
// put on the wire (characters beyond Latin-1, control characters) are sent as a careless client would: UTF-8
// bytes as they are, control characters in a path percent-encoded and dropped from header values.
import http from 'node:http';
import type { FuzzRequest } from './requests.js';

export interface FuzzResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Target {
  host: string;
  port: number;
}

/** Resolves with the response, or rejects when there is none (a reset connection, or no answer in `timeoutMs`). */
export function send(target: Target, req: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const payload = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string | number> = { host: `${target.host}:${target.port}` };
    for (const [name, value] of Object.entries(req.headers)) headers[name] = wireHeader(value);
    if (payload) headers['content-length'] = payload.length;
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({ host: target.host, port: target.port, method: req.method, path: wirePath(req.path), headers, agent: false });
    } catch (e) {
      // The client itself refused (an invalid method or header name): nothing reached the server.
      return reject(Object.assign(e as Error, { unsendable: true }));
    }
    outgoing.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { hang: true })));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

function latin1(s: string): string {
  return [...s].some((c) => c.codePointAt(0)! > 0xff) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

function wirePath(path: string): string {
  const bytes = [...latin1(path)].map((c) => (c <= ' ' || c === '\u007f' ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
  return bytes.startsWith('/') ? bytes : `/${bytes}`;
}

function wireHeader(value: string): string {
  return [...latin1(value)].filter((c) => c === '\t' || (c >= ' ' && c !== '\u007f')).join('');
}
