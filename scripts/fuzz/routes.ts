// Every route the emulator answers, read from its own route tables rather than listed by hand, so a new
// route is fuzzed the day it lands: the gateway's API table (emulator/apis), oidc-provider's paths, and
// the express routers of the OAuth endpoints, the pages (link-software journey, sign-up, agents, manage authority) and the
// control API, walked layer by layer.
import type { Router } from 'express';
import { agentPageRoutes } from '../../emulator/agents/page-routes.js';
import { apis } from '../../emulator/api-list.js';
import { createEmulator } from '../../emulator/app.js';
import { controlRoutes } from '../../emulator/control/routes.js';
import { journeyRoutes } from '../../emulator/journey/routes.js';
import { manageAuthorityRoutes } from '../../emulator/manage-authority/routes.js';
import { oauthRoutes } from '../../emulator/oauth/routes.js';
import { PROVIDER_PATHS } from '../../emulator/oauth/provider.js';
import { signUpRoutes } from '../../emulator/sign-up/routes.js';

export interface Route {
  /** Upper-case method, or `ALL`. */
  method: string;
  /** With `:name` parameters, e.g. `/organisations/vat/:vrn/returns`. */
  path: string;
  family: 'api' | 'oauth' | 'pages' | 'control';
}

/** The routes of one emulator built with the default config (the tables do not depend on the config). */
export async function discoverRoutes(): Promise<Route[]> {
  const { context } = await createEmulator({ throttle: { requestsPerSecond: 1000 } });
  const hooks = { reset: async () => {}, personas: () => [] };
  // The mounts of emulator/app.ts.
  const routers: Array<[prefix: string, Router, Route['family']]> = [
    ['', oauthRoutes(context), 'oauth'],
    ['', signUpRoutes(context), 'pages'],
    ['/_emulator', controlRoutes(context, hooks), 'control'],
    ['', journeyRoutes(context), 'pages'],
    ['', agentPageRoutes(context), 'pages'],
    ['', manageAuthorityRoutes(context), 'pages'],
  ];
  const routes: Route[] = [];
  for (const api of apis) {
    for (const e of api.endpoints) routes.push({ method: e.method, path: e.path, family: 'api' });
  }
  for (const path of PROVIDER_PATHS) routes.push({ method: 'ALL', path, family: 'oauth' });
  routes.push({ method: 'POST', path: '/oauth/token', family: 'oauth' });
  for (const [prefix, router, family] of routers) walk(router as unknown as { stack: Layer[] }, prefix, family, routes);
  const seen = new Set<string>();
  return routes.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Layer {
  rawPath?: string | RegExp | Array<string | RegExp>;
  slash?: boolean;
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(router: { stack?: Layer[] }, prefix: string, family: Route['family'], out: Route[]): void {
  for (const layer of router.stack ?? []) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
      for (const path of [layer.route.path].flat()) {
        for (const m of methods) out.push({ method: m === '_all' ? 'ALL' : m.toUpperCase(), path: join(prefix, path), family });
      }
    } else if (layer.handle?.stack) {
      const paths = [layer.rawPath ?? '/'].flat().filter((p): p is string => typeof p === 'string');
      for (const p of paths) walk(layer.handle, layer.slash ? prefix : join(prefix, p), family, out);
    }
  }
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
