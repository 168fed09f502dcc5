/**
 * The fidelity script's contract. A probe calls the running emulator and names the HMRC schema its response
 * must match; the script validates the body against that schema (ajv, formats on, `$ref`s resolved).
 *
 * To add probes, drop a file in `scripts/fidelity/probes/` (auto-discovered; no shared file to edit) whose
 * default export is `Probe[]`:
 *
 * @example
 * // scripts/fidelity/probes/vat.ts
 * import type { Probe } from '../probe.js';
 *
 * const probes: Probe[] = [
 *   {
 *     name: 'VAT obligations (open)',
 *     async run(env) {
 *       const persona = env.persona('organisation');
 *       const token = await env.userToken(persona.userId, persona.password, 'read:vat');
 *       const res = await env.request('GET', `/organisations/vat/${persona.vrn}/obligations?status=O`, { token });
 *       return { ...res, schema: { file: 'vat/conf/1.0/application.yaml', pointer: '/paths/~1organisations~1vat~1{vrn}~1obligations/get/responses/200/content/application~1json/schema' } };
 *     },
 *   },
 * ];
 * export default probes;
 *
 * A probe fails when `run` throws, when the status is not `expectStatus` (default: any 2xx), when the body
 * does not validate, or when it reports `problems`. `schema: null` means "status check only" (e.g. 204 responses).
 * Probes run in file-name order against one emulator (seed `fidelity`), so state made by one is seen by the next.
 * Run a subset with `npm run fidelity -- <specs folder> <name filter>`.
 *
 * Coverage: a probe counts for the spec operation of the `env.request` call whose response it returned (the last
 * call with that body and status, else its last call), matched by method, Accept version and path template; it
 * counts as "validated" when it passed and named a schema (or the spec documents no body for that status). The
 * `Gov-Test-Scenario` header of that call is the scenario it covers. For one probe per documented scenario of an
 * operation, see scenario-probes.ts.
 */
import type { SeededPersona } from '../../emulator/accounts/seed.js';

export interface FidelityEnv {
  /** e.g. `http://localhost:53122`: the in-process emulator. */
  baseUrl: string;
  /** Absolute path of the specs folder given on the command line. */
  specs: string;
  /** The seeded personas (user IDs, passwords, identifiers). */
  personas: SeededPersona[];
  /** The seeded persona with that name; throws if there is none. */
  persona(name: string): SeededPersona;
  /** A client_credentials token for the default application. */
  appToken(scope?: string): Promise<string>;
  /** A user token, by driving the real sandbox journey over HTTP (authorize → sign in → grant → code → token). */
  userToken(userId: string, password: string, scope: string): Promise<string>;
  /**
   * One HTTP call to the emulator. `accept` defaults to `application/vnd.hmrc.1.0+json`; `body` is sent as JSON
   * unless it is a string. The response body is parsed as JSON when it is JSON, else left as text.
   */
  request(method: string, path: string, init?: RequestInit): Promise<ProbeResponse>;
}

export interface RequestInit {
  token?: string;
  accept?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ProbeResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Where the schema lives: a file relative to the specs folder (`.json` schema or `.yaml` OpenAPI), and a JSON
 * pointer into it. `$ref`s (within the file or to other files) are resolved. The pointer may also stop at an
 * OpenAPI response or media-type object: its `content['application/json'].schema` is used, or, when HMRC gives
 * only an `example` (the Hello World API does), the body must equal that example exactly.
 */
export interface SchemaRef {
  file: string;
  /** RFC 6901 pointer, e.g. `/paths/~1hello~1world/get/responses/200/content/application~1json/schema`; omit for the whole file. */
  pointer?: string;
}

export interface ProbeResult {
  /** The HTTP status received; omit for a check that makes no HTTP call (then only `problems` count). */
  status?: number;
  body: unknown;
  /** The schema the body must match, or null to check the status only. */
  schema: SchemaRef | null;
  /** The status expected; default any 2xx. */
  expectStatus?: number;
  /** Further failures the probe found itself (e.g. a field that must equal a persona's identifier); empty = none. */
  problems?: string[];
}

export interface Probe {
  /** One line, shown as `PASS <name>` / `FAIL <name>`. */
  name: string;
  run(env: FidelityEnv): Promise<ProbeResult>;
}
