import type { EmulatorContext } from '../context.js';
import type { ApiRequest } from '../gateway/api.js';
import { mtdFailures } from './mtd-errors.js';

/**
 * HMRC's "Default (No header value)" scenario: the canned answer HMRC's sandbox gives a request without
 * `Gov-Test-Scenario`. Each API keeps its default data beside its other scenarios.
 */
export const SANDBOX_DEFAULT = 'DEFAULT';
/** The emulator's realistic behaviour: clock-derived and stateful (HMRC's Income Tax value `STATEFUL`). */
export const STATEFUL = 'STATEFUL';

export type Scenario<T extends string> = T | typeof SANDBOX_DEFAULT | typeof STATEFUL;

/**
 * The one place that decides which answer a request gets. `Gov-Test-Scenario` (sandbox only): "See Test Data table
 * for all header values". Each endpoint lists its own values, matched exactly as HMRC's sandbox stubs match them; an
 * empty header counts as absent. Then:
 *
 * - a documented value → that value (HMRC's canned data or error);
 * - `STATEFUL`, on every endpoint (HMRC documents it on most Income Tax endpoints; the emulator accepts it on all of
 *   them and on VAT) → `STATEFUL`, the realistic behaviour;
 * - no header → `DEFAULT` with `data: sandbox` (HMRC's sandbox), `STATEFUL` with `data: realistic`;
 * - any other value → 400 RULE_INCORRECT_GOV_TEST_SCENARIO "The supplied Gov-Test-Scenario is not valid", as HMRC's
 *   Income Tax APIs answer, or, with `unknown: 'ignore'` (VAT, whose specification documents no such error), as if
 *   there were no header.
 *
 * @example const scenario = testScenario(req, ctx, ['NOT_FOUND']); // 'NOT_FOUND' | 'DEFAULT' | 'STATEFUL'
 */
export function testScenario<T extends string>(
  req: ApiRequest,
  ctx: EmulatorContext,
  allowed: readonly T[],
  options: { unknown: 'reject' | 'ignore' } = { unknown: 'reject' },
): Scenario<T> {
  const raw = req.headers['gov-test-scenario'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value === STATEFUL) return STATEFUL;
  if (value && (allowed as readonly string[]).includes(value)) return value as T;
  if (value && options.unknown === 'reject') throw mtdFailures.incorrectGovTestScenario();
  return ctx.config.data === 'sandbox' ? SANDBOX_DEFAULT : STATEFUL;
}
