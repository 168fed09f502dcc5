import express from 'express';
import type { EmulatorContext } from '../context.js';
import { pageExpired } from '../pages/page-expired.js';
import { createPages, templateDir } from '../pages/pages.js';
import { journeyBase } from './journey-steps.js';
import { journeyRoutes } from './journey-routes.js';
import { SERVICE_NAME } from './steps/kit.js';
import { SIGN_UP_PATH } from './paths.js';
import { signUpSessions } from './sign-up-sessions.js';
import { verifyEmailRoute } from './verify-email-route.js';

/**
 * The Making Tax Digital for Income Tax sign-up pages, under `/report-quarterly/income-and-expenses/sign-up`:
 * a start page, the agent journey (`/client`), the individual journey (`/individual`), the business
 * journey (`/business`) and the email verification links (`/verify-email/{token}`). See docs/sign-up.md.
 *
 * Sign-up decisions that fall due on the virtual clock are applied before every request (APIs in
 * emulator/front-door.ts, pages and the control API first thing in the app, build-emulator.ts), so an API or
 * control call made after the clock moves already sees the new enrolment. Refusals (SignUpError) are
 * rendered by the one error handler (emulator/error-handler.ts), not here.
 *
 * Every POST must carry the session's CSRF token; pages work without JavaScript.
 */
export function signUpRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const pages = createPages([templateDir(import.meta.url)]);
  const sessions = signUpSessions(ctx);
  const deps = { ctx, pages, sessions };

  router.use(SIGN_UP_PATH, sessions.csrfGuard(() => pageExpired(SIGN_UP_PATH, SERVICE_NAME.individual)));

  router.get(SIGN_UP_PATH, (_req, res) =>
    pages.render(res, 'sign-up-start.njk', {
      title: 'Sign up for Making Tax Digital for Income Tax',
      serviceName: SERVICE_NAME.individual,
      journeys: [
        { text: 'Agents: sign up a client', description: 'Sign in with your agent services account and give your client’s National Insurance number and postcode.', href: journeyBase('agent'), testid: 'start-agent' },
        { text: 'Individuals: sign up yourself', description: 'For sole traders and landlords signing themselves up.', href: journeyBase('individual'), testid: 'start-individual' },
        { text: 'Businesses: sign up your business', description: 'Sign in with your business’s (organisation) user ID.', href: journeyBase('business'), testid: 'start-business' },
      ],
    }),
  );
  router.use(`${SIGN_UP_PATH}/verify-email`, verifyEmailRoute(deps));
  router.use(journeyBase('agent'), journeyRoutes(deps, 'agent'));
  router.use(journeyBase('individual'), journeyRoutes(deps, 'individual'));
  router.use(journeyBase('business'), journeyRoutes(deps, 'business'));
  router.use(SIGN_UP_PATH, (_req, res) =>
    pages.render(res, 'message.njk', { title: 'Page not found', serviceName: SERVICE_NAME.individual, paragraphs: ['If you typed the web address, check it is correct.'], actions: [{ text: 'Go to the start', href: SIGN_UP_PATH, testid: 'start-again' }] }, 404),
  );
  return router;
}
