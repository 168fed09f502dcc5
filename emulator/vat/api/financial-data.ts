import { addMonths, dueDate } from './vat-dates.js';
import { periodOfKey } from './obligations.js';
import type { StoredReturn } from './vat-records.js';

/**
 * Liabilities and payments (VAT OAS "Test data"). HMRC's default ("Default (no header value)"): nothing found (404).
 * Realistic (`data: realistic`, `STATEFUL`): payments as the default; a liability for each return the VRN has
 * submitted with VAT to pay, so that what you submit shows up (emulator's choice). Scenarios return fixed data for the dates HMRC names:
 * SINGLE_LIABILITY (2017-01-02 to 2017-02-02), MULTIPLE_LIABILITIES (2017-04-05 to 2017-12-21), and the
 * `_2018_19` variants a year later; SINGLE_PAYMENT, MULTIPLE_PAYMENTS likewise. "The 'to' date of the liability
 * must fall within the date range provided"; a payment is kept when its received date does.
 */
export interface Liability {
  taxPeriod?: { from: string; to: string };
  type: string;
  originalAmount: number;
  outstandingAmount?: number;
  due?: string;
}

export interface Payment {
  amount: number;
  received?: string;
}

const shiftYear = (date: string, years: number): string => addMonths(date, years * 12);

const SINGLE_LIABILITY: Liability[] = [{ taxPeriod: { from: '2017-01-01', to: '2017-02-01' }, type: 'VAT Return Debit Charge', originalAmount: 463872, outstandingAmount: 463872, due: '2017-03-08' }];
const MULTIPLE_LIABILITIES: Liability[] = [
  { taxPeriod: { from: '2017-04-01', to: '2017-06-30' }, type: 'VAT Return Debit Charge', originalAmount: 15, outstandingAmount: 0, due: '2017-08-07' },
  { taxPeriod: { from: '2017-07-01', to: '2017-09-30' }, type: 'VAT Return Debit Charge', originalAmount: 463872, outstandingAmount: 463872, due: '2017-11-07' },
  { taxPeriod: { from: '2017-10-01', to: '2017-12-01' }, type: 'VAT Central Assessment', originalAmount: 8493.25, outstandingAmount: 7493.25, due: '2018-01-07' },
];
const SINGLE_PAYMENT: Payment[] = [{ amount: 10000, received: '2017-01-25' }];
const MULTIPLE_PAYMENTS: Payment[] = [
  { amount: 5, received: '2017-03-11' },
  { amount: 50, received: '2017-08-04' },
  { amount: 1000, received: '2017-12-05' },
];

const shiftLiabilities = (list: Liability[]): Liability[] =>
  list.map((l) => ({ ...l, taxPeriod: l.taxPeriod && { from: shiftYear(l.taxPeriod.from, 1), to: shiftYear(l.taxPeriod.to, 1) }, ...(l.due ? { due: shiftYear(l.due, 1) } : {}) }));
const shiftPayments = (list: Payment[]): Payment[] => list.map((p) => ({ ...p, ...(p.received ? { received: shiftYear(p.received, 1) } : {}) }));

const LIABILITY_SCENARIOS: Record<string, Liability[]> = {
  SINGLE_LIABILITY,
  MULTIPLE_LIABILITIES,
  SINGLE_LIABILITY_2018_19: shiftLiabilities(SINGLE_LIABILITY),
  MULTIPLE_LIABILITIES_2018_19: shiftLiabilities(MULTIPLE_LIABILITIES),
};
const PAYMENT_SCENARIOS: Record<string, Payment[]> = {
  SINGLE_PAYMENT,
  MULTIPLE_PAYMENTS,
  SINGLE_PAYMENT_2018_19: shiftPayments(SINGLE_PAYMENT),
  MULTIPLE_PAYMENTS_2018_19: shiftPayments(MULTIPLE_PAYMENTS),
};

export const LIABILITY_SCENARIO_NAMES = [...Object.keys(LIABILITY_SCENARIOS), 'INSOLVENT_TRADER'];
export const PAYMENT_SCENARIO_NAMES = [...Object.keys(PAYMENT_SCENARIOS), 'INSOLVENT_TRADER'];

/** The VRN's liabilities in [from, to]: the scenario's, those raised by its submitted returns (STATEFUL), or none. */
export function liabilitiesFor(scenario: string, returns: StoredReturn[], from: string, to: string): Liability[] {
  const list = LIABILITY_SCENARIOS[scenario] ?? (scenario === 'STATEFUL' ? returns.flatMap((r) => liabilityOf(r, periodOfKey(r.return.periodKey))) : []);
  return list.filter((l) => l.taxPeriod && l.taxPeriod.to >= from && l.taxPeriod.to <= to);
}

export function paymentsFor(scenario: string, from: string, to: string): Payment[] {
  const list = PAYMENT_SCENARIOS[scenario] ?? [];
  return list.filter((p) => p.received && p.received >= from && p.received <= to);
}

/** A return with VAT to pay raises a "VAT Return Debit Charge" for its period, due one month and seven days after. */
function liabilityOf(r: StoredReturn, period: { start: string; end: string } | undefined): Liability[] {
  if (!period || r.return.totalVatDue <= r.return.vatReclaimedCurrPeriod) return [];
  return [
    {
      taxPeriod: { from: period.start, to: period.end },
      type: 'VAT Return Debit Charge',
      originalAmount: r.return.netVatDue,
      outstandingAmount: r.return.netVatDue,
      due: dueDate(period.end),
    },
  ];
}
