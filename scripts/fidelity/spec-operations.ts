import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isObject, type SpecFiles } from './spec-files.js';

/**
 * Every operation (method + path) of every OpenAPI file named `application.yaml` under the specs folder, found
 * recursively, so a new API or version folder is picked up without code changes. HMRC's layout is
 * `<api>/conf/<version>/application.yaml`; the API is the folder path without `/conf/<version>`, and the version
 * is that folder's name (else the file's `info.version`).
 */
export interface SpecOperation {
  /** e.g. `vat`, `self-employment-business`. */
  api: string;
  /** e.g. `1.0`: the version an `Accept: application/vnd.hmrc.<version>+json` header asks for. */
  version: string;
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The path template, e.g. `/organisations/vat/{vrn}/obligations`. */
  path: string;
  /** The OpenAPI file, relative to the specs folder. */
  file: string;
  /** Pointer to the operation in that file, e.g. `/paths/~1organisations~1vat~1{vrn}~1obligations/get`. */
  pointer: string;
  /** `Gov-Test-Scenario` values documented in the operation's description; `DEFAULT` stands for "no header". */
  scenarios: string[];
  /** Path parameters with a value of the right format (the spec's example, else a known identifier's). */
  pathValues: Record<string, string>;
  /** Documented response statuses, each with whether it has a body. */
  responses: Record<string, { body: boolean }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
export const DEFAULT_SCENARIO = 'DEFAULT';

export function findOpenApiFiles(specs: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') visit(join(dir, entry.name));
      else if (entry.isFile() && entry.name === 'application.yaml') found.push(join(dir, entry.name));
    }
  };
  visit(specs);
  return found;
}

/** The operations of every readable OpenAPI file; `unreadable` names the others and why (any `$ref`d file counts). */
export function loadOperations(specs: string, files: SpecFiles): { operations: SpecOperation[]; unreadable: Array<{ file: string; problem: string }> } {
  const operations: SpecOperation[] = [];
  const unreadable: Array<{ file: string; problem: string }> = [];
  for (const file of findOpenApiFiles(specs)) {
    try {
      operations.push(...operationsOf(specs, file, files));
    } catch (e) {
      unreadable.push({ file: relative(specs, file).split(sep).join('/'), problem: (e as Error).message });
    }
  }
  return { operations, unreadable };
}

function operationsOf(specs: string, file: string, files: SpecFiles): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const rel = relative(specs, file).split(sep).join('/');
  const doc = files.load(file);
  if (!isObject(doc) || !isObject(doc.paths)) return operations;
  const folder = dirname(rel);
  const conf = /^(.*)\/conf\/([^/]+)$/.exec(folder);
  const infoVersion = isObject(doc.info) ? String(doc.info.version ?? '') : '';
  const api = conf ? conf[1]! : folder === '.' ? basename(specs) : folder;
  const version = conf ? conf[2]! : infoVersion;
  for (const path of Object.keys(doc.paths)) {
    const item = files.deref(doc.paths[path], file);
    if (!isObject(item.node)) continue;
    const shared = Array.isArray(item.node.parameters) ? item.node.parameters : [];
    for (const method of METHODS) {
      if (!(method in item.node)) continue;
      const op = files.deref(item.node[method], item.file);
      if (!isObject(op.node)) continue;
      const parameters = [...shared.map((p) => files.deref(p, item.file)), ...(Array.isArray(op.node.parameters) ? op.node.parameters : []).map((p) => files.deref(p, op.file))];
      operations.push({
        api,
        version,
        method: method.toUpperCase(),
        path,
        file: rel,
        pointer: `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
        scenarios: documentedScenarios(typeof op.node.description === 'string' ? op.node.description : ''),
        pathValues: pathValues(path, parameters.map((p) => p.node)),
        responses: responseBodies(files, op.node.responses, op.file),
      });
    }
  }
  return operations;
}

/**
 * The `Gov-Test-Scenario` values in an operation's description: the column headed "Header Value
 * (Gov-Test-Scenario)" (HMRC also spells it `Gov_test-Scenario`) of its Markdown or HTML table. "N/A - DEFAULT" and
 * "Default (No header value)" become `DEFAULT`.
 */
export function documentedScenarios(description: string): string[] {
  const header = /gov[-_ ]test[-_ ]scenario/i;
  const cells: string[] = [];
  const lines = description.split('\n').map((l) => l.trim());
  const mdHeader = lines.findIndex((l) => l.startsWith('|') && header.test(l));
  if (mdHeader !== -1) {
    const column = lines[mdHeader]!.split('|').findIndex((c) => header.test(c));
    for (const line of lines.slice(mdHeader + 1)) {
      if (!line.startsWith('|')) break;
      cells.push(line.split('|')[column] ?? '');
    }
  } else {
    const table = /<table[\s\S]*?<\/table>/i.exec(description.slice(Math.max(0, description.search(header) - 400)))?.[0] ?? '';
    const headings = [...table.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/gi)].map((m) => m[1]!);
    const column = headings.findIndex((h) => header.test(h));
    if (column !== -1) {
      for (const row of table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
        const cell = [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)][column];
        if (cell) cells.push(cell[1]!);
      }
    }
  }
  const scenarios: string[] = [];
  for (const cell of cells) {
    const text = cell.replace(/<[^>]+>/g, ' ').replace(/[`*]/g, '').trim();
    if (/^-+$/.test(text)) continue;
    const value = /default|^N\/A/i.test(text) ? DEFAULT_SCENARIO : /^[A-Z][A-Z0-9_-]*$/.test(text) ? text : undefined;
    if (value && !scenarios.includes(value)) scenarios.push(value);
  }
  return scenarios;
}

/** Identifiers of the right format, for path parameters whose spec gives no example. */
const KNOWN_VALUES: Record<string, string> = {
  nino: 'TC663795B',
  taxyear: '2025-26',
  vrn: '123456789',
  arn: 'AARN1234567',
  businessid: 'XAIS12345678910',
  calculationid: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c',
  periodkey: '18A1',
  invitationid: 'ABERULMHCKKW3',
};

function pathValues(path: string, parameters: unknown[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const param = parameters.find((p) => isObject(p) && p.in === 'path' && p.name === name) as Record<string, unknown> | undefined;
    const schema = isObject(param?.schema) ? param.schema : {};
    const example = param?.example ?? schema.example ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
    // HMRC sometimes lists several examples in one ("18AD, 18A1, #001"): the first is taken.
    const given = example === undefined || example === null ? '' : String(example).split(/[\s,]+/)[0]!;
    values[name!] = given || (KNOWN_VALUES[name!.toLowerCase()] ?? 'x');
  }
  return values;
}

function responseBodies(files: SpecFiles, responses: unknown, file: string): Record<string, { body: boolean }> {
  const out: Record<string, { body: boolean }> = {};
  if (!isObject(responses)) return out;
  for (const [status, raw] of Object.entries(responses)) {
    let response: unknown;
    try {
      response = files.deref(raw, file).node;
    } catch {
      response = undefined;
    }
    out[status] = { body: isObject(response) && isObject(response.content) && Object.keys(response.content).length > 0 };
  }
  return out;
}

/**
 * The examples HMRC gives for one response of an operation (its JSON media type's `example` or `examples`, with
 * `$ref`s resolved); examples whose `$ref`s cannot be resolved are left out.
 */
export function responseExamples(specs: string, files: SpecFiles, op: SpecOperation, status: string): Array<{ name: string; value: unknown }> {
  let media: { node: unknown; file: string };
  try {
    const response = files.walk(join(specs, op.file), `${op.pointer}/responses/${status}`);
    if (!isObject(response.node) || !isObject(response.node.content)) return [];
    const content = response.node.content;
    media = files.deref(content['application/json'] ?? Object.values(content)[0], response.file);
  } catch {
    return [];
  }
  if (!isObject(media.node)) return [];
  const raw: Array<[string, unknown]> = 'example' in media.node ? [['example', media.node.example]] : isObject(media.node.examples) ? Object.entries(media.node.examples) : [];
  const examples: Array<{ name: string; value: unknown }> = [];
  for (const [name, entry] of raw) {
    try {
      const resolved = files.resolveAll(entry, media.file);
      const value = name !== 'example' && isObject(resolved) && 'value' in resolved ? resolved.value : resolved;
      if (value !== undefined) examples.push({ name, value });
    } catch {
      // an example pointing at a file HMRC did not publish: nothing to compare against
    }
  }
  return examples;
}
