import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorContext } from '../context.js';
import type { PlatformError } from '../errors/platform-error.js';

/** Who is calling: decided by the gateway from the bearer token. */
export type Caller =
  | { kind: 'none' }
  | { kind: 'application'; clientId: string; scopes: string[] }
  | { kind: 'user'; clientId: string; scopes: string[]; userId: string; grantId: string | undefined };

/** How an endpoint is protected (HMRC's `x-auth-type`): open, application-restricted or user-restricted. */
export type AuthType = 'open' | 'application' | 'user';

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The version asked for in `Accept: application/vnd.hmrc.<version>+<format>`. */
  version: string;
  format: 'json' | 'xml';
  caller: Caller;
  correlationId: string;
}

export interface ApiResponse {
  status: number;
  /** JSON body; omitted for 204. */
  body?: unknown;
  /** The XML rendering of the body, for endpoints that speak XML. */
  xml?: string;
  headers?: Record<string, string>;
}

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path below the host, with `:name` parameters, e.g. `/organisations/vat/:vrn/obligations`. */
  path: string;
  auth: AuthType;
  /** Scopes the token must all carry (user-restricted endpoints). */
  scopes?: string[];
  /** The API versions that have this endpoint; all the API's versions when omitted. */
  versions?: string[];
  handler: (req: ApiRequest, ctx: EmulatorContext) => Promise<ApiResponse> | ApiResponse;
}

/** One HMRC API: its context (the first path segments), versions and endpoints. */
export interface Api {
  name: string;
  /** e.g. `hello`, `organisations/vat`; also the name applications subscribe by. */
  context: string;
  versions: string[];
  formats: Array<'json' | 'xml'>;
  endpoints: Endpoint[];
  /**
   * The API's own answers to a bad `Accept` header, where they differ from the gateway's 406
   * ACCEPT_HEADER_INVALID (e.g. the Agent Authorisation API's "Missing 'Accept' header."). Optional;
   * each case falls back to the gateway's answer.
   */
  acceptErrors?: {
    /** No `Accept` header at all. */
    missing?: () => PlatformError;
    /** An `Accept` header that is not `application/vnd.hmrc.<version>+<format>`. */
    invalid?: () => PlatformError;
    /** A format (`+xml`) the API does not speak. */
    format?: () => PlatformError;
  };
}
