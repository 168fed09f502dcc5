import { fillTemplate } from './path-template.js';
import type { SpecOperation } from './spec-operations.js';

/**
 * Whether the running emulator serves an operation, asked the way a vendor would find out: the operation's method
 * and path (placeholders filled with values of the right format) with `Accept: application/vnd.hmrc.<version>+json`
 * and no token. The gateway checks the Accept version and the route before credentials, so an operation it does
 * not serve answers 404 `NOT_FOUND` (no such version) or 404 `MATCHING_RESOURCE_NOT_FOUND` (no such resource), and
 * one it serves answers anything else (401 `MISSING_CREDENTIALS`, or the answer of an open endpoint). Asking the
 * running emulator rather than reading its route tables also covers the front door's routing of the API contexts.
 */
export async function isServed(baseUrl: string, op: SpecOperation): Promise<boolean> {
  const path = fillTemplate(op.path, (name) => op.pathValues[name] ?? 'x');
  const withBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  const res = await fetch(new URL(path, baseUrl), {
    method: op.method,
    headers: { accept: `application/vnd.hmrc.${op.version}+json`, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    body: withBody ? '{}' : undefined,
    redirect: 'manual',
  });
  const text = await res.text();
  return !(res.status === 404 && notServedCode(text));
}

function notServedCode(text: string): boolean {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return code === 'MATCHING_RESOURCE_NOT_FOUND' || code === 'NOT_FOUND';
  } catch {
    // a 404 without HMRC's JSON error body is the web server's, not an API's: nothing serves that path
    return true;
  }
}
