import express, { type RequestHandler } from 'express';
import type { EmulatorContext } from '../context.js';
import { INTERACTION_PATH } from '../oauth/provider.js';
import { JourneyKit, JourneyPageError, type Step } from './kit.js';
import type { FailureId } from '../oauth/outcomes.js';
import { LINK_JOURNEY, linkStepForPrompt } from './link-journey.js';
import { runAuto } from './steps/auto.js';

/**
 * Wraps a page's handler: loads the step and runs it unless a page was already sent. `form`: a POST whose CSRF
 * token is checked; a prompt name: a POST that only that prompt's page may send (any other goes back to the page
 * for where the journey is, so no step can be skipped).
 */
type HandleFn = (form: boolean | string, fn: (step: Step) => Promise<void>, options?: { evenIfTimedOut?: boolean }) => RequestHandler;

/**
 * The link-software journey's pages, one oidc-provider interaction per prompt (policy.ts), each row of
 * LINK_JOURNEY (link-journey.ts) giving its page and forms: `GET /oauth/interaction/<uid>` shows the page of the
 * interaction's prompt, and a row's form posts to `/oauth/interaction/<uid>/<action>` (CSRF token `csrfToken` on
 * every form). Errors are the pages' family (JourneyPageError), rendered by the one error handler. See docs/journey.md for the pages, the `data-testid` hooks and the outcomes.
 */
export function journeyRoutes(ctx: EmulatorContext): express.Router {
  const kit = new JourneyKit(ctx);
  const router = express.Router();
  const handle: HandleFn = (form, fn, options) => async (req, res) => {
    try {
      const step = await kit.load(req, res, form !== false, options);
      if (!step) return;
      if (typeof form === 'string' && step.details.prompt.name !== form) return void res.redirect(303, step.path);
      await fn(step);
    } catch (err) {
      // The interaction ended under the page (finished or expired in oidc-provider): the expired page, not a 500.
      throw (err as Error | undefined)?.name === 'SessionNotFound' ? new JourneyPageError('expired') : err;
    }
  };

  router.get('/:uid', handle(false, async (step) => {
    if (!step.journey.presetChecked) {
      const preset = await kit.presets.take('start', step.journey.clientId);
      step.journey = (await kit.states.update(step.journey.id, { presetChecked: true, preset: preset?.outcome })) ?? step.journey;
      if (preset) await kit.log(step, 'preset', `${preset.outcome}${preset.auto ? ':auto' : ''}`);
      if (preset?.auto) return runAuto(kit, step, preset);
      if (preset?.outcome === 'time-out') {
        await kit.log(step, 'session', 'preset:time-out');
        return kit.fail(step, 'time-out');
      }
    }
    await linkStepForPrompt(step.details.prompt.name).show(kit, step);
  }));

  for (const row of LINK_JOURNEY) {
    for (const [action, handler] of Object.entries(row.forms)) router.post(`/:uid/${action}`, handle(row.prompt, async (step) => handler(kit, step)));
  }

  // "Return to the software" on a failure page: the redirect with error=access_denied and the failure's error_code.
  router.post('/:uid/return', handle(true, async (step) => {
    const outcome = step.journey.outcome;
    if (!outcome || outcome === 'grant') return void step.res.redirect(303, step.path);
    await kit.returnToSoftware(step, outcome as FailureId);
  }, { evenIfTimedOut: true }));

  return express.Router().use(INTERACTION_PATH, router);
}
