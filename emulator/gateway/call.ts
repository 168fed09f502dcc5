import type { IncomingHttpHeaders } from 'node:http';
import type { Application } from '../applications/applications.js';
import type { Api, Caller, Endpoint } from './api.js';

/** The request as the gateway sees it: read once from node's request by the front door. */
export interface GatewayRequest {
  method: string;
  /** The path as sent, not decoded, without the query. */
  path: string;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the gateway knows about a request as it passes through the pipeline's steps. */
export interface GatewayCall {
  req: GatewayRequest;
  api: Api;
  endpoint?: Endpoint;
  params: Record<string, string>;
  version: string;
  format: 'json' | 'xml';
  caller: Caller;
  application?: Application;
  correlationId: string;
}
