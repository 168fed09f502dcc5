import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { renderFeatureFlags } from './feature-flags.js';

/**
 * HMRC's spec files, read once each: YAML or JSON (read as YAML where it is not strict JSON), with HMRC's
 * Handlebars feature-flag directives rendered first (feature-flags.ts), and `$ref`s followed relative to the file
 * they appear in.
 */
export class SpecFiles {
  private readonly files = new Map<string, unknown>();

  /** The parsed file (absolute path). */
  load(file: string): unknown {
    let doc = this.files.get(file);
    if (doc === undefined) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`spec file not found: ${file}`);
      }
      try {
        text = renderFeatureFlags(text);
        doc = extname(file).toLowerCase() === '.json' ? parseJson(text) : parseYaml(text);
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`);
      }
      this.files.set(file, doc);
    }
    return doc;
  }

  /** Follows an RFC 6901 pointer through a file, resolving `$ref`s met on the way. */
  walk(file: string, pointer: string): Located {
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

  /** The node a `$ref` points at (following chains), with the file it lives in; other nodes as they are. */
  deref(node: unknown, file: string, seen = 0): Located {
    if (!isObject(node) || typeof node.$ref !== 'string') return { node, file };
    if (seen > MAX_REFS) throw new Error(`${file}: $ref loop at ${node.$ref}`);
    const [target = '', pointer = ''] = node.$ref.split('#');
    const targetFile = target ? resolve(dirname(file), target) : file;
    const found = this.walk(targetFile, pointer ? `#${pointer}` : '');
    return this.deref(found.node, found.file, seen + 1);
  }

  /** A copy of a value (e.g. an example) with every `$ref` in it replaced by its target. */
  resolveAll(node: unknown, file: string, depth = 0): unknown {
    if (depth > MAX_REFS) return undefined;
    if (Array.isArray(node)) return node.map((n) => this.resolveAll(n, file, depth + 1));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const target = this.deref(node, file);
      return this.resolveAll(target.node, target.file, depth + 1);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.resolveAll(v, file, depth + 1)]));
  }
}

export interface Located {
  node: unknown;
  /** The file the node was read from: where its own relative `$ref`s start. */
  file: string;
}

const MAX_REFS = 40;

/**
 * JSON, or failing that the same text as YAML (a superset of JSON): one of HMRC's schemas has a trailing comma
 * (property-business 6.0 foreign_property_details_retrieve/def1), which HMRC's own tooling reads as YAML does.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    try {
      return parseYaml(text);
    } catch {
      throw e;
    }
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
