import { describe, expect, it } from 'vitest';
import type { EmulatorContext } from '../context.js';
import { resolveConfig } from '../config/load-config.js';
import type { DataProfile } from '../config/defaults.js';
import type { ApiRequest } from '../gateway/api.js';
import { testScenario } from './mtd-test-scenario.js';

const ctx = (data: DataProfile): EmulatorContext => ({ config: resolveConfig({ data }) }) as EmulatorContext;
const req = (scenario?: string): ApiRequest => ({ headers: scenario === undefined ? {} : { 'gov-test-scenario': scenario } }) as unknown as ApiRequest;
const ALLOWED = ['NOT_FOUND', 'PROPERTY'] as const;

describe('testScenario: HMRC sandbox default or realistic data', () => {
  it("answers HMRC's default without a header under data: sandbox, the realistic data under data: realistic", () => {
    expect(testScenario(req(), ctx('sandbox'), ALLOWED)).toBe('DEFAULT');
    expect(testScenario(req(), ctx('realistic'), ALLOWED)).toBe('STATEFUL');
    expect(testScenario(req('  '), ctx('sandbox'), ALLOWED)).toBe('DEFAULT');
  });

  it('lets STATEFUL choose the realistic data for one request, whatever the profile and the endpoint', () => {
    expect(testScenario(req('STATEFUL'), ctx('sandbox'), ALLOWED)).toBe('STATEFUL');
    expect(testScenario(req('STATEFUL'), ctx('sandbox'), [], { unknown: 'ignore' })).toBe('STATEFUL');
  });

  it('passes documented values through in either profile', () => {
    expect(testScenario(req('PROPERTY'), ctx('sandbox'), ALLOWED)).toBe('PROPERTY');
    expect(testScenario(req('NOT_FOUND'), ctx('realistic'), ALLOWED)).toBe('NOT_FOUND');
  });

  it('refuses an undocumented value with RULE_INCORRECT_GOV_TEST_SCENARIO, or ignores it where asked', () => {
    expect(() => testScenario(req('property'), ctx('sandbox'), ALLOWED)).toThrow(expect.objectContaining({ code: 'RULE_INCORRECT_GOV_TEST_SCENARIO' }));
    expect(testScenario(req('NO_SUCH'), ctx('sandbox'), ALLOWED, { unknown: 'ignore' })).toBe('DEFAULT');
    expect(testScenario(req('NO_SUCH'), ctx('realistic'), ALLOWED, { unknown: 'ignore' })).toBe('STATEFUL');
  });
});
