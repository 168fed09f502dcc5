import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRequest, KNOWN_DEFECTS, type FuzzRequest } from './requests.js';
import type { Route } from './routes.js';
import { runFuzz } from './run-fuzz.js';

const ROUTES: Route[] = [{ method: 'POST', path: '/organisations/vat/:vrn/returns', family: 'api' }];
const KNOWNS = { applicationToken: 'app', userToken: 'user', identifiers: ['123456789'] };
const sample = (exclude: FuzzRequest['generator'][] = []): FuzzRequest[] => fc.sample(fuzzRequest(ROUTES, KNOWNS, exclude), { seed: 7, numRuns: 2_000 });

describe('the fuzzer', () => {
  it('survives a few hundred generated requests against a real emulator process, invariants included', async () => {
    const report = await runFuzz({ seed: 12, runs: 300, seconds: 6, exclude: KNOWN_DEFECTS });
    expect(report.violations).toEqual([]);
    expect(report.requests).toBeGreaterThan(0);
  }, 60_000);

  it('generates the hostile cases of issue 12: 5,000-deep JSON and enormous clock advances', () => {
    const requests = sample();
    const depth = (body = ''): number => body.length - body.replace(/^[[{"a:]+/, '').length;
    expect(requests.some((r) => r.generator === 'deep-json' && depth(r.body) >= 5_000)).toBe(true);
    expect(requests.some((r) => r.path === '/_emulator/clock/advance' && r.body === '{"by":"P300000Y"}')).toBe(true);
  });

  it('leaves out the generators it is told to', () => {
    expect(sample(['deep-json', 'clock-advance-enormous']).filter((r) => r.generator === 'deep-json' || r.generator === 'clock-advance-enormous')).toEqual([]);
  });

  it('sends the control token to /_emulator only, when one is configured', () => {
    const requests = fc.sample(fuzzRequest(ROUTES, { ...KNOWNS, controlToken: 'secret' }, ['route', 'journey-step', 'raw-path', 'deep-json', 'huge-body']), { seed: 3, numRuns: 20 });
    expect(requests.every((r) => r.headers.authorization === 'Bearer secret')).toBe(true);
  });
});
