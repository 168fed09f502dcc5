import express from 'express';
import type { EmulatorContext } from '../context.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { DashboardSessions } from './dashboard/session.js';
import { agentControlRoutes } from './agent-routes.js';
import { ControlError } from '../errors/control-error.js';
import { coreControlRoutes, type ControlHooks } from './core-routes.js';
import { grantControlRoutes } from './grant-routes.js';
import { controlGuard } from './guard.js';
import { incomeTaxControlRoutes } from './income-tax-routes.js';
import { journeyControlRoutes } from './journey-routes.js';
import { openApiDocument } from './openapi.js';
import { outcomeControlRoutes } from './outcome-routes.js';
import { mountRoutes, type ControlRoute } from './route-table.js';
import { signUpControlRoutes } from './sign-up-routes.js';
import { vatSignUpControlRoutes } from './vat-sign-up-routes.js';
import * as s from './schemas.js';

/**
 * Every route of the control API, in the order the router tries them. The router and the OpenAPI document
 * (`GET /_emulator/openapi.json`, the README's table) are both built from this list.
 */
export function controlRouteTable(ctx: EmulatorContext, hooks: ControlHooks, sessions = dashboardSessions(ctx)): ControlRoute[] {
  const routes: ControlRoute[] = [
    ...dashboardRoutes(sessions),
    ...coreControlRoutes(ctx, hooks),
    ...(hooks.rootRoutes ?? []),
    ...grantControlRoutes(ctx),
    ...agentControlRoutes(ctx),
    ...journeyControlRoutes(ctx),
    ...outcomeControlRoutes(),
    ...signUpControlRoutes(ctx),
    ...vatSignUpControlRoutes(ctx),
    ...incomeTaxControlRoutes(ctx),
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'emulator',
      summary: 'The control API as an OpenAPI 3.1 document, built from the route table that builds its router',
      responses: { 200: s.ok({ type: 'object', required: ['openapi', 'info', 'paths'] }) },
      handler: (req, res) => void res.json(openApiDocument(routes, req.baseUrl || '/_emulator')),
    },
  ];
  return routes;
}

/**
 * The control API, under the reserved prefix `/_emulator` (HMRC has no such path), behind its guard
 * (docs/control-api-security.md). Errors are `{"error": "...", "message": "..."}`, answered by the one error handler
 * (error-handler.ts): build-emulator.ts marks `/_emulator` as the control surface.
 */
export function controlRoutes(ctx: EmulatorContext, hooks: ControlHooks): express.Router {
  const router = express.Router();
  const sessions = dashboardSessions(ctx);
  const table = controlRouteTable(ctx, hooks, sessions);
  // The routes open without the token (the dashboard's sign-in), as the guard names them: "POST /session".
  const open = new Set(table.filter((r) => r.open === 'without-token').map((r) => `${r.method.toUpperCase()} ${r.path}`));
  router.use(controlGuard(ctx, ctx.control, { sessions, open }));
  mountRoutes(router, table);
  router.use((_req, _res) => {
    throw new ControlError(404, 'no such control endpoint; see the README for the control API');
  });
  return router;
}

/** The dashboard's browser sessions, when a control token is needed. */
function dashboardSessions(ctx: EmulatorContext): DashboardSessions | undefined {
  return ctx.control.token === undefined ? undefined : new DashboardSessions(ctx.control.token);
}
