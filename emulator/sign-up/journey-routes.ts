import express from 'express';
import { checkAnswersStep } from './steps/check-answers.js';
import { clientDetailsStep } from './steps/client-details.js';
import { contactPreferenceStep } from './steps/contact-preference.js';
import { emailStep } from './steps/email.js';
import { createKit, type JourneyDeps } from './steps/kit.js';
import { signInStep } from './steps/sign-in.js';
import type { SignUpJourney } from './sign-up.js';

/**
 * One sign-up journey's pages (agent, individual or business), mounted at its base path: sign in, then
 * the steps in journey-steps.ts order. Forms post back to the same URL; a valid answer redirects (303)
 * to the first question still unanswered.
 */
export function journeyRoutes(deps: JourneyDeps, journey: SignUpJourney): express.Router {
  const router = express.Router();
  const kit = createKit(deps, journey);
  router.get('/', (_req, res) => res.redirect(303, `${kit.base}/sign-in`));
  signInStep(router, kit);
  router.use(kit.requireSignedIn);
  if (kit.agent) clientDetailsStep(router, kit);
  emailStep(router, kit);
  contactPreferenceStep(router, kit);
  checkAnswersStep(router, kit);
  return router;
}
