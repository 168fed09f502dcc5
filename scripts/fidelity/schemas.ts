import { resolve } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SchemaRef } from './probe.js';
import { isObject, SpecFiles } from './spec-files.js';

/**
 * Turns a SchemaRef into a check of a response body. HMRC's specs mix draft-04 JSON schemas and OpenAPI 3.0
 * schemas in YAML, with `$ref`s across files (read through SpecFiles, which renders HMRC's feature-flag directives
 * first); the loader inlines every `$ref` (relative to the file it appears in),
 * drops what ajv (draft-07) would reject (`$schema`, draft-04 `id`, OAS `example`) and maps draft-04's boolean
 * `exclusiveMinimum`/`exclusiveMaximum` and OAS `nullable`. Patterns are ECMA-262 regular expressions without the
 * `u` flag (HMRC's escape `\"` inside a character class is an error in unicode mode); `multipleOf` allows
 * floating-point error (a pence amount such as 8431.8 is a multiple of 0.01). Recursive schemas are cut off after 40 levels.
 */
export type BodyCheck = (body: unknown) => string[];

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const MAX_DEPTH = 40;

export class SchemaLoader {
  private readonly checks = new Map<string, BodyCheck>();
  // multipleOfPrecision: HMRC's money fields are `multipleOf: 0.01`, and 8431.8 / 0.01 is 843179.9999999999 in
  // floating point; without a tolerance ajv rejects correctly rounded pence amounts.
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false, multipleOfPrecision: 6 });

  constructor(
    private readonly specs: string,
    private readonly files = new SpecFiles(),
  ) {
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

  /** The JSON schema (every `$ref` inlined) that the body at `ref` must match; undefined where HMRC gives only examples. */
  schemaOf(ref: SchemaRef): unknown {
    const target = this.target(ref);
    return 'schema' in target ? target.schema : undefined;
  }

  private target(ref: SchemaRef): { schema: unknown } | { examples: unknown[] } {
    const file = resolve(this.specs, ref.file);
    let { node, file: at } = this.files.walk(file, ref.pointer ?? '');
    // A response object: use its JSON media type.
    if (isObject(node) && isObject(node.content)) {
      const content = node.content;
      ({ node, file: at } = this.files.deref(content['application/json'] ?? Object.values(content)[0], at));
    }
    // A media-type object: its schema, or else its example.
    if (isObject(node) && !looksLikeSchema(node) && ('schema' in node || 'example' in node || 'examples' in node)) {
      if (isObject(node.schema)) {
        node = node.schema;
      } else {
        return { examples: 'example' in node ? [this.inline(node.example, at, 0)] : Object.values(node.examples as object).map((e) => this.inline((e as { value?: unknown }).value, at, 0)) };
      }
    }
    if (!isObject(node) || (!looksLikeSchema(node) && 'description' in node && Object.keys(node).every((k) => ['description', 'headers'].includes(k)))) {
      throw new Error(`${ref.file}${ref.pointer ?? ''}: no body schema here (a response without content? use schema: null)`);
    }
    return { schema: this.inline(node, at, 0) };
  }

  private build(ref: SchemaRef): BodyCheck {
    const target = this.target(ref);
    if ('examples' in target) {
      const { examples } = target;
      return (body) => (examples.some((e) => sameJson(e, body)) ? [] : [`body ${JSON.stringify(body)} does not equal HMRC's example ${JSON.stringify(examples[0])}`]);
    }
    const { schema } = target;
    let validate: ValidateFunction;
    try {
      validate = this.ajv.compile(schema as object);
    } catch (e) {
      throw new Error(`${ref.file}${ref.pointer ?? ''}: schema does not compile: ${(e as Error).message}`);
    }
    return (body) => (validate(body) ? [] : (validate.errors ?? []).map(formatError));
  }

  /** A copy of a schema with every `$ref` replaced by its target, adapted for ajv's draft-07. */
  private inline(node: unknown, file: string, depth: number): unknown {
    if (depth > MAX_DEPTH) return {};
    if (Array.isArray(node)) return node.map((n) => this.inline(n, file, depth + 1));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const target = this.files.deref(node, file);
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
