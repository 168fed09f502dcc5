import type { JourneyKit, Step } from '../kit.js';

/**
 * The start page (production journey): which software is asking and what it will be able to do,
 * then Continue. HMRC: "start page → sign in → 2-step verification → identity checks → grant
 * authority" (Developer Hub, "User-restricted endpoints").
 */
export function showStart(kit: JourneyKit, step: Step): void {
  kit.render(step, 'start.njk', { title: `Give ${step.appName} authority to interact with HMRC`, scopes: kit.scopeNames(step) });
}

/** Continue (form `start`). */
export async function continueFromStart(kit: JourneyKit, step: Step): Promise<void> {
  await kit.states.update(step.journey.id, { started: true });
  await kit.log(step, 'start', 'continue');
  await kit.finish(step);
}
