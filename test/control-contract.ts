import AjvModule, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type request from 'supertest';

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
  check(method: string, path: string, res: request.Response): void {
    const [template, operation] = this.find(method.toLowerCase(), path);
    const documented = operation.responses[String(res.status)];
    if (!documented) throw new Error(`${method} ${path} answered ${res.status}, which ${template} does not document: ${res.text.slice(0, 200)}`);
    const media = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    const content = documented.content;
    if (res.status >= 300 && res.status < 400) {
      if (!res.headers.location) throw new Error(`${method} ${path} ${res.status}: a redirect without a Location`);
    } else if (!content) {
      if (res.text) throw new Error(`${method} ${path} ${res.status}: a body where none is documented`);
    } else {
      const [type, { schema } = {}] = Object.entries(content)[0]!;
      if (media !== type) throw new Error(`${method} ${path} ${res.status}: ${media}, documented ${type}`);
      if (type === 'application/json' && schema) {
        const key = `${method} ${template} ${res.status}`;
        let validate = this.validators.get(key);
        if (!validate) this.validators.set(key, (validate = this.ajv.compile(schema)));
        if (!validate(res.body)) throw new Error(`${method} ${path} ${res.status}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }
    if (res.status < 400) this.succeeded.add(operation.operationId);
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
