import express from 'express';
import type { EmulatorContext } from '../context.js';
import { signedInSessions } from '../pages/page-sessions.js';
import { createPages, templateDir } from '../pages/pages.js';
import { CLIENT_LINK_PREFIX } from './client-link.js';
import { clientPageRoutes } from './client-pages.js';
import { COPY_ACROSS_PATH, copyAcrossPageRoutes } from './copy-across-pages.js';
import { subscriptionPageRoutes } from './subscription-pages.js';
import { SUBSCRIPTION_PATH } from './subscription-steps.js';

const NS = 'agent-page-sessions';

/**
 * The agents' pages: a client answering an authorisation request, an agent creating an agent services account, and an
 * agent copying clients across. Each family has its own cookie; their sessions share one namespace.
 */
export function agentPageRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const pages = createPages([templateDir(import.meta.url)]);
  router.use(clientPageRoutes(ctx, pages, signedInSessions(ctx, { ns: NS, cookie: 'agent-client-relationships', path: CLIENT_LINK_PREFIX })));
  router.use(copyAcrossPageRoutes(ctx, pages, signedInSessions(ctx, { ns: NS, cookie: 'agent-mapping', path: COPY_ACROSS_PATH })));
  router.use(subscriptionPageRoutes(ctx, pages, signedInSessions(ctx, { ns: NS, cookie: 'agent-subscription', path: SUBSCRIPTION_PATH })));
  return router;
}
