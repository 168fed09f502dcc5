import type { Request } from 'express';
import type { Application } from '../applications/applications.js';
import type { Api, Caller, Endpoint } from './api.js';

/** What the gateway knows about a request as it passes through the pipeline's steps. */
export interface GatewayCall {
  req: Request;
  api: Api;
  endpoint?: Endpoint;
  params: Record<string, string>;
  version: string;
  format: 'json' | 'xml';
  caller: Caller;
  application?: Application;
  correlationId: string;
}
