import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import type { SchemaRef } from './probe.js';

/**
 * Turns a SchemaRef into a check of a response body. HMRC's specs mix draft-04 JSON schemas and OpenAPI 3.0
 * schemas in YAML, with `$ref`s across files; the loader inlines every `$ref` (relative to the file it appears in),
 * drops what ajv (draft-07) would reject (`$schema`, draft-04 `id`, OAS `example`) and maps draft-04's boolean
 * `exclusiveMinimum`/`exclusiveMaximum` and OAS `nullable`. Recursive schemas are cut off after 40 levels.
 */
export type BodyCheck = (body: unknown) => string[];

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const MAX_DEPTH = 40;

export class SchemaLoader {
  private readonly files = new Map<string, unknown>();
  private readonly checks = new Map<string, BodyCheck>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });

  constructor(private readonly specs: string) {
    addFormats(this.ajv);
  }

  check(ref: SchemaRef): BodyCheck {
    const key = `${ref.file}#${ref.pointer ?? ''}`;
    let check = this.checks.get(key);
    if (!check) {
      check = this.build(ref);
      this.checks.set(key, check);
    }
    return check;
  }

  private build(ref: SchemaRef): BodyCheck {
    const file = resolve(this.specs, ref.file);
    let { node, file: at } = this.walk(file, ref.pointer ?? '');
    // A response object: use its JSON media type.
    if (isObject(node) && isObject(node.content)) {
      const content = node.content;
      ({ node, file: at } = this.deref(content['application/json'] ?? Object.values(content)[0], at));
    }
    // A media-type object: its schema, or else its example.
    if (isObject(node) && !looksLikeSchema(node) && ('schema' in node || 'example' in node || 'examples' in node)) {
      if (isObject(node.schema)) {
        node = node.schema;
      } else {
        const examples = 'example' in node ? [this.inline(node.example, at, 0)] : Object.values(node.examples as object).map((e) => this.inline((e as { value?: unknown }).value, at, 0));
        return (body) => (examples.some((e) => sameJson(e, body)) ? [] : [`body ${JSON.stringify(body)} does not equal HMRC's example ${JSON.stringify(examples[0])}`]);
      }
    }
    if (!isObject(node) || (!looksLikeSchema(node) && 'description' in node && Object.keys(node).every((k) => ['description', 'headers'].includes(k)))) {
      throw new Error(`${ref.file}${ref.pointer ?? ''}: no body schema here (a response without content? use schema: null)`);
    }
    const schema = this.inline(node, at, 0);
    let validate: ValidateFunction;
    try {
      validate = this.ajv.compile(schema as object);
    } catch (e) {
      throw new Error(`${ref.file}${ref.pointer ?? ''}: schema does not compile: ${(e as Error).message}`);
    }
    return (body) => (validate(body) ? [] : (validate.errors ?? []).map(formatError));
  }

  private load(file: string): unknown {
    let doc = this.files.get(file);
    if (doc === undefined) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`schema file not found: ${file}`);
      }
      doc = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
      this.files.set(file, doc);
    }
    return doc;
  }

  /** Follows an RFC 6901 pointer through a file, resolving `$ref`s met on the way. */
  private walk(file: string, pointer: string): { node: unknown; file: string } {
    let current = this.deref(this.load(file), file);
    if (pointer === '' || pointer === '#') return current;
    for (const raw of pointer.replace(/^#/, '').split('/').slice(1)) {
      const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      const node = current.node as Record<string, unknown> | unknown[] | undefined;
      const next = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
      if (next === undefined) throw new Error(`${file}: pointer ${pointer} not found (no "${token}")`);
      current = this.deref(next, current.file);
    }
    return current;
  }

  private deref(node: unknown, file: string, seen = 0): { node: unknown; file: string } {
    if (!isObject(node) || typeof node.$ref !== 'string') return { node, file };
    if (seen > MAX_DEPTH) throw new Error(`${file}: $ref loop at ${node.$ref}`);
    const [target = '', pointer = ''] = node.$ref.split('#');
    const targetFile = target ? resolve(dirname(file), target) : file;
    const found = this.walk(targetFile, pointer ? `#${pointer}` : '');
    return this.deref(found.node, found.file, seen + 1);
  }

  /** A copy of a schema with every `$ref` replaced by its target, adapted for ajv's draft-07. */
  private inline(node: unknown, file: string, depth: number): unknown {
    if (depth > MAX_DEPTH) return {};
    if (Array.isArray(node)) return node.map((n) => this.inline(n, file, depth + 1));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const target = this.deref(node, file);
      return this.inline(target.node, target.file, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || key === 'example' || ((key === 'id' || key === '$id') && typeof value === 'string')) continue;
      if (key === 'examples' && !Array.isArray(value)) continue;
      out[key] = this.inline(value, file, depth + 1);
    }
    if (typeof out.exclusiveMaximum === 'boolean') {
      if (out.exclusiveMaximum && typeof out.maximum === 'number') [out.exclusiveMaximum, out.maximum] = [out.maximum, undefined];
      else delete out.exclusiveMaximum;
    }
    if (typeof out.exclusiveMinimum === 'boolean') {
      if (out.exclusiveMinimum && typeof out.minimum === 'number') [out.exclusiveMinimum, out.minimum] = [out.minimum, undefined];
      else delete out.exclusiveMinimum;
    }
    if (out.maximum === undefined) delete out.maximum;
    if (out.minimum === undefined) delete out.minimum;
    if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
    return out;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeSchema(node: Record<string, unknown>): boolean {
  return ['type', 'properties', 'items', 'allOf', 'oneOf', 'anyOf', 'enum', '$ref'].some((k) => k in node);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

function formatError(e: ErrorObject): string {
  const params = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const extra = params.additionalProperty ? ` ("${params.additionalProperty}")` : params.allowedValues ? ` (${params.allowedValues.join(', ')})` : '';
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
}
