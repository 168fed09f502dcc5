import { platformErrors } from '../errors/platform-error.js';
import type { Endpoint } from './api.js';
import type { GatewayStep } from './pipeline.js';

/** Finds the endpoint for the method, path and version; none → 404 MATCHING_RESOURCE_NOT_FOUND. */
export const matchRoute: GatewayStep = (call) => {
  for (const endpoint of call.api.endpoints) {
    if (endpoint.method !== call.req.method) continue;
    if (endpoint.versions && !endpoint.versions.includes(call.version)) continue;
    const params = matchPath(endpoint, call.req.path);
    if (params) {
      call.endpoint = endpoint;
      call.params = params;
      return;
    }
  }
  throw platformErrors.matchingResourceNotFound();
};

const compiled = new WeakMap<Endpoint, { regex: RegExp; names: string[] }>();

function matchPath(endpoint: Endpoint, path: string): Record<string, string> | undefined {
  let c = compiled.get(endpoint);
  if (!c) {
    const names: string[] = [];
    const source = endpoint.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    c = { regex: new RegExp(`^${source}/?$`), names };
    compiled.set(endpoint, c);
  }
  const m = c.regex.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  c.names.forEach((name, i) => {
    try {
      params[name] = decodeURIComponent(m[i + 1]!);
    } catch {
      params[name] = m[i + 1]!;
    }
  });
  return params;
}
