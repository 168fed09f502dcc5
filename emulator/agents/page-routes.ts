import express from 'express';
import type { EmulatorContext } from '../context.js';
import { createPages, templateDir } from '../pages/pages.js';
import { CLIENT_LINK_PREFIX } from './client-link.js';
import { clientPageRoutes } from './client-pages.js';
import { COPY_ACROSS_PATH, copyAcrossPageRoutes } from './copy-across-pages.js';
import { PageSessions } from './page-sessions.js';
import { subscriptionPageRoutes } from './subscription-pages.js';
import { SUBSCRIPTION_PATH } from './subscription-steps.js';

/**
 * The agents' pages: a client answering an authorisation request, an agent creating an agent services account, and an
 * agent copying clients across.
 */
export function agentPageRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const pages = createPages([templateDir(import.meta.url)]);
  router.use(clientPageRoutes(ctx, pages, new PageSessions(ctx.store, ctx.clock, { name: 'agent-client-relationships', path: CLIENT_LINK_PREFIX })));
  router.use(copyAcrossPageRoutes(ctx, pages, new PageSessions(ctx.store, ctx.clock, { name: 'agent-mapping', path: COPY_ACROSS_PATH })));
  router.use(subscriptionPageRoutes(ctx, pages, new PageSessions(ctx.store, ctx.clock, { name: 'agent-subscription', path: SUBSCRIPTION_PATH })));
  return router;
}
