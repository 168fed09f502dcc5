import type { ApiRequest } from '../../gateway/api.js';
import { mtdFailures } from './mtd-errors.js';

/**
 * `Gov-Test-Scenario` (sandbox only): "See Test Data table for all header values". Each endpoint lists
 * its own values; no header means the default. HMRC's Income Tax APIs answer a value the endpoint does
 * not know with 400 RULE_INCORRECT_GOV_TEST_SCENARIO "The supplied Gov-Test-Scenario is not valid".
 * Values are matched exactly, as HMRC's sandbox stubs match them. An empty header counts as absent.
 */
export function govTestScenario<T extends string>(req: ApiRequest, allowed: readonly T[]): T | undefined {
  const raw = req.headers['gov-test-scenario'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw mtdFailures.incorrectGovTestScenario();
}
