import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import AjvModule, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Emulator } from '../emulator/app.js';
import { openApiDocument } from '../emulator/control/openapi.js';
import { controlRouteTable } from '../emulator/control/routes.js';

/** A response as the check reads it; supertest's `Response` is one. */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  body: unknown;
}

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/**
 * Checks control-API responses against the emulator's own OpenAPI document (`GET /_emulator/openapi.json`): the
 * path and method are documented, the status is one of the operation's, the media type is the documented one,
 * and a JSON body validates against the documented schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 takes it).
 */
export class ControlContract {
  private readonly ajv = new Ajv({ strict: true, allErrors: true, strictRequired: false });
  private readonly validators = new Map<string, ValidateFunction>();
  /** Operation ids answered with a documented 2xx or 3xx response. */
  readonly succeeded = new Set<string>();

  constructor(readonly document: { paths: Record<string, Record<string, Operation>> }) {
    addFormats(this.ajv);
  }

  /** Every operation id of the document. */
  operations(): string[] {
    return Object.values(this.document.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
  }

  /** Compiles every schema of the document (request and response bodies); throws on the first that does not. */
  compileAll(): number {
    const schemas = collect(this.document.paths);
    for (const schema of schemas) this.ajv.compile(schema);
    return schemas.length;
  }

  /** Throws, saying what differs, unless `res` (to `method path`, path under `/_emulator`) is as documented. */
  check(method: string, path: string, res: Answer): void {
    const [template, operation] = this.find(method.toLowerCase(), path);
    // A conditional GET answered from the client's cache (ETag): HTTP's, not the operation's.
    if (res.status === 304 && method.toLowerCase() === 'get' && operation.responses['200']) return;
    const documented = operation.responses[String(res.status)];
    if (!documented) throw new Error(`${method} ${path} answered ${res.status}, which ${template} does not document: ${res.text.slice(0, 200)}`);
    const media = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    const content = documented.content;
    if (res.status >= 300 && res.status < 400) {
      if (!res.headers.location) throw new Error(`${method} ${path} ${res.status}: a redirect without a Location`);
    } else if (!content) {
      if (res.text) throw new Error(`${method} ${path} ${res.status}: a body where none is documented`);
    } else {
      const entry = content[media];
      if (!entry) throw new Error(`${method} ${path} ${res.status}: ${media}, documented ${Object.keys(content).join(' or ')}`);
      if (media === 'application/json' && entry.schema) {
        const key = `${method} ${template} ${res.status}`;
        let validate = this.validators.get(key);
        if (!validate) this.validators.set(key, (validate = this.ajv.compile(entry.schema)));
        if (!validate(res.body)) throw new Error(`${method} ${path} ${res.status}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }
    if (res.status < 400) this.succeeded.add(operation.operationId);
  }

  /** Whether the document has an operation for `method path`. */
  documents(method: string, path: string): boolean {
    try {
      this.find(method.toLowerCase(), path);
      return true;
    } catch {
      return false;
    }
  }

  /** The documented operation for a concrete path: literal paths win over templated ones. */
  private find(method: string, path: string): [string, Operation] {
    const candidates = Object.entries(this.document.paths)
      .filter(([template, ops]) => ops[method] && new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path))
      .sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const found = candidates[0];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the control API's OpenAPI document`);
    return [found[0], found[1][method]!];
  }
}

/** Every `schema` object in the document. */
function collect(node: unknown, out: object[] = []): object[] {
  if (!node || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' && value && typeof value === 'object') out.push(value);
    else collect(value, out);
  }
  return out;
}

let shared: ControlContract | undefined;
/** Control responses that differed from the document, in the tests of this file so far (test/contract-setup.ts fails on them). */
export const contractViolations: string[] = [];

/**
 * Wraps an emulator's listener so that every control-API response it sends (under `/_emulator`) is checked against
 * the OpenAPI document; differences land in `contractViolations`. Calls the document does not describe (the 404
 * of an unknown control path, HEAD, OPTIONS) are left alone. test/support.ts wraps every emulator it makes.
 */
export function checkControlResponses(e: Emulator): RequestListener {
  shared ??= new ControlContract(openApiDocument(controlRouteTable(e.context, { reset: e.reset, personas: e.personas })) as never);
  const contract = shared;
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (url.startsWith('/_emulator')) capture(req, res, (answer) => {
      const path = url.split('?')[0]!.slice('/_emulator'.length) || '/';
      const method = req.method ?? 'GET';
      if (!contract.documents(method, path)) return;
      try {
        contract.check(method, path, answer);
      } catch (e) {
        contractViolations.push((e as Error).message);
      }
    });
    e.app(req, res);
  };
}

/** Collects what `res` sends and hands it over, parsed, once the response is finished. */
function capture(_req: IncomingMessage, res: ServerResponse, done: (answer: Answer) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown): void => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as typeof res.end;
  res.on('finish', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const headers = res.getHeaders() as Record<string, unknown>;
    let body: unknown = {};
    if (String(headers['content-type'] ?? '').includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    done({ status: res.statusCode, headers, text, body });
  });
}
