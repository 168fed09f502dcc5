import { afterEach, expect } from 'vitest';
import { contractViolations } from './control-contract.js';

/**
 * Every test fails if a control-API response it caused differs from the control API's OpenAPI document
 * (test/control-contract.ts checks them as emulators made by test/support.ts send them).
 */
afterEach(() => {
  const found = contractViolations.splice(0);
  expect(found, 'control-API responses that differ from GET /_emulator/openapi.json').toEqual([]);
});
