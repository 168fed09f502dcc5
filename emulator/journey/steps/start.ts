import type express from 'express';
import type { HandleFn, JourneyKit, Step } from '../kit.js';
import { PROMPTS } from '../policy.js';

/**
 * The start page (production journey): which software is asking and what it will be able to do,
 * then Continue. HMRC: "start page → sign in → 2-step verification → identity checks → grant
 * authority" (Developer Hub, "User-restricted endpoints").
 */
export function startStep(kit: JourneyKit, router: express.Router, handle: HandleFn): void {
  router.post('/:uid/start', handle(PROMPTS.start, async (step) => {
    await kit.states.update(step.journey.id, { started: true });
    await kit.log(step, 'start', 'continue');
    await kit.finish(step);
  }));
}

export function showStart(kit: JourneyKit, step: Step): void {
  kit.render(step, 'start.njk', { title: `Give ${step.appName} authority to interact with HMRC`, scopes: kit.scopeNames(step) });
}
