// Types for flow.mjs, so the TypeScript fuzzer (scripts/fuzz/) drives the journey with the bench's own code.
import type { Agent } from 'node:http';

export interface Target {
  host: string;
  port: number;
}
export interface User {
  userId: string;
  password: string;
}
export interface Client {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}
export interface FlowOptions {
  user?: User;
  client?: Client;
  timeoutMs?: number;
}

export const CLIENT_ID: string;
export const CLIENT_SECRET: string;
export const REDIRECT_URI: string;
export const USER: User;
export const JSON_V1: string;
export const DEFAULT_CLIENT: Client;
export function authorizationCodeFlow(target: Target, agent?: Agent, options?: FlowOptions): Promise<true | string>;
export function userAccessToken(target: Target, agent?: Agent, options?: FlowOptions): Promise<string>;
