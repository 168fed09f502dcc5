import { describe, expect, it } from 'vitest';
import { defaultBusiness } from './default-business.js';
import type { TaxpayerState } from './model.js';
import { finalDeclarationObligation, quarterlyObligations } from './obligations.js';

const business = defaultBusiness('AA123456A').details;
const state = (submissions: Array<{ periodEndDate: string; submittedAt: number }> = []): TaxpayerState => ({
  nino: 'AA123456A',
  businesses: [{ details: business }],
  cumulative: submissions.length ? [{ businessId: business.businessId, taxYear: 2026, body: {}, submissions }] : [],
  calculations: [],
  finalDeclarations: [],
});

describe('obligations', () => {
  it('gives cumulative quarters from 2026-27 due on the 7th of the month after', () => {
    expect(quarterlyObligations(state(), business, 2026).map((o) => [o.periodStartDate, o.periodEndDate, o.dueDate])).toEqual([
      ['2026-04-06', '2026-07-05', '2026-08-07'],
      ['2026-04-06', '2026-10-05', '2026-11-07'],
      ['2026-04-06', '2027-01-05', '2027-02-07'],
      ['2026-04-06', '2027-04-05', '2027-05-07'],
    ]);
  });

  it('fulfils each quarter from the first submission that covers it', () => {
    const first = Date.parse('2026-07-20T10:00:00Z');
    const second = Date.parse('2026-11-01T10:00:00Z');
    const obligations = quarterlyObligations(state([{ periodEndDate: '2026-07-05', submittedAt: first }, { periodEndDate: '2026-10-05', submittedAt: second }]), business, 2026);
    expect(obligations.map((o) => [o.status, o.receivedDate])).toEqual([
      ['fulfilled', '2026-07-20'],
      ['fulfilled', '2026-11-01'],
      ['open', undefined],
      ['open', undefined],
    ]);
  });

  it('gives one final declaration obligation per year, due 31 January after', () => {
    expect(finalDeclarationObligation(state(), 2025)).toEqual({ periodStartDate: '2025-04-06', periodEndDate: '2026-04-05', dueDate: '2027-01-31', status: 'open' });
  });
});
