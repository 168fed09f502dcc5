import { invalidRequest } from '../errors/oauth-error.js';

/**
 * Reads one OAuth parameter from a parsed query or form body. A repeated parameter is an error
 * (RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once").
 */
export function param(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must only be provided once`);
  return value;
}
