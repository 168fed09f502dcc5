import { fileURLToPath } from 'node:url';
import express from 'express';
import type { EmulatorContext } from '../../context.js';
import { pageExpired } from '../../pages/page-expired.js';
import { createPages, templateDir } from '../../pages/pages.js';
import { signUpSessions } from '../../sign-up/sign-up-sessions.js';
import { checkAnswersStep } from './check-answers.js';
import { createVatKit, VAT_SERVICE_NAME } from './kit.js';
import { VAT_SIGN_UP_PATH } from './paths.js';
import { questionRoutes } from './questions.js';
import { signInStep } from './sign-in.js';
import type { VatAnswers } from './vat-sign-up.js';

/** The Income Tax sign-up's templates this journey shares: sign-in, check answers, confirmation. */
const SIGN_UP_TEMPLATES = fileURLToPath(new URL('../../sign-up/templates', import.meta.url));

/**
 * A business signs up for Making Tax Digital for VAT, under HMRC's `/vat-through-software/sign-up`: start page,
 * sign-in, the questions (questions.ts, in steps.ts order), check your answers, information received. See
 * docs/vat-sign-up.md. Approval falls due on the virtual clock and is applied before every request (front-door.ts,
 * build-emulator.ts); refusals are rendered by the one error handler (emulator/error-handler.ts).
 *
 * Every POST must carry the session's CSRF token; pages work without JavaScript; everything shown is escaped.
 */
export function vatSignUpRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const pages = createPages([templateDir(import.meta.url), SIGN_UP_TEMPLATES]);
  const sessions = signUpSessions<VatAnswers>(ctx, { ns: 'vat-sign-up-sessions', cookie: 'mtd-vat-sign-up', path: VAT_SIGN_UP_PATH });
  const kit = createVatKit(ctx, pages, sessions);
  const journey = express.Router();

  router.use(VAT_SIGN_UP_PATH, sessions.csrfGuard(() => pageExpired(VAT_SIGN_UP_PATH, VAT_SERVICE_NAME)));

  journey.get('/', (_req, res) => kit.render(res, 'vat-sign-up-start.njk', { title: 'Sign up for Making Tax Digital for VAT', start: `${VAT_SIGN_UP_PATH}/sign-in` }));
  signInStep(journey, kit);
  journey.use(kit.requireSignedIn);
  questionRoutes(journey, kit);
  checkAnswersStep(journey, kit);
  router.use(VAT_SIGN_UP_PATH, journey);
  router.use(VAT_SIGN_UP_PATH, (_req, res) =>
    kit.message(res, 404, 'Page not found', ['If you typed the web address, check it is correct.'], [{ text: 'Go to the start', href: VAT_SIGN_UP_PATH, testid: 'start-again' }]),
  );
  return router;
}
