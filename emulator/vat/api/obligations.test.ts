import { describe, expect, it } from 'vitest';
import { applySubmissions, filterObligations, periodOfKey, scenarioObligations } from './obligations.js';
import { dueDate } from './vat-dates.js';

describe('VAT obligations', () => {
  it('follows the virtual clock across a year end, quarters and months alike', () => {
    expect(scenarioObligations(undefined, '2026-02-10')!.map((o) => o.periodKey)).toEqual(['25A1', '25A2', '25A3', '25A4', '26A1']);
    expect(scenarioObligations('MONTHLY_NONE_MET', '2026-02-10')!.map((o) => `${o.start}/${o.end}`)).toEqual([
      '2025-11-01/2025-11-30',
      '2025-12-01/2025-12-31',
      '2026-01-01/2026-01-31',
      '2026-02-01/2026-02-28',
    ]);
  });

  it('leaves an unknown scenario to the caller', () => {
    expect(scenarioObligations('QUARTERLY_FIVE_MET', '2026-02-10')).toBeUndefined();
    expect(scenarioObligations('MONTHLY_OBS_13_OPEN', '2026-02-10')).toBeUndefined();
  });

  it('dates each obligation one month and seven days after its end', () => {
    expect(dueDate('2017-03-31')).toBe('2017-05-07');
    expect(dueDate('2024-01-31')).toBe('2024-03-07');
    expect(dueDate('2025-12-31')).toBe('2026-02-07');
  });

  it('maps generated period keys back to their periods', () => {
    expect(periodOfKey('24A1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodOfKey('24AB')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOfKey('#001')).toBeUndefined();
  });

  it('fulfils an obligation with a submitted return and filters by overlap and status', () => {
    const base = scenarioObligations('QUARTERLY_NONE_MET', '2026-02-10')!;
    const submitted = applySubmissions(base, [{ return: { periodKey: '25A3' }, submittedAt: '2026-02-09T10:00:00.000Z' } as never]);
    expect(filterObligations(submitted, { status: 'F' })).toEqual([expect.objectContaining({ periodKey: '25A3', received: '2026-02-09' })]);
    expect(filterObligations(submitted, { from: '2025-06-30', to: '2025-07-01' }).map((o) => o.periodKey)).toEqual(['25A2', '25A3']);
  });
});
