import { describe, expect, it } from 'vitest';
import type { Calculation, SaPayment, TaxpayerState } from './model.js';
import { balanceDetails, balancingDueDate, saLedger } from './sa-ledger.js';

const at = (iso: string): number => Date.parse(iso);
const BUSINESS = 'XAIS12345600001';

/** A final-declaration (or confirmed amendment) calculation over one self-employment with `profit`. */
function calc(taxYear: number, profit: number, when: string, type: Calculation['calculationType'] = 'final-declaration'): Calculation {
  return {
    calculationId: `${type}-${when}`,
    taxYear,
    calculationType: type,
    requestedBy: 'customer',
    requestedAt: at(when),
    readyAt: at(when) + 5000,
    businesses: [{ businessId: BUSINESS, typeOfBusiness: 'self-employment' }],
    summaries: [{ businessId: BUSINESS, taxYear, submissions: [], body: { periodIncome: { turnover: profit }, periodExpenses: { consolidatedExpenses: 0 } } }],
  };
}

const pay = (amount: number, receivedOn: string, n = 1): SaPayment => ({ paymentLot: `0812345600${n}`, paymentLotItem: '000001', amount, receivedOn, method: 'DEBITCARD', reference: `R${n}`, recordedAt: at(`${receivedOn}T12:00:00Z`) });

function state(o: Partial<TaxpayerState> = {}): TaxpayerState {
  return { nino: 'AA123456A', businesses: [], cumulative: [], calculations: [], finalDeclarations: [], ...o };
}

// £30,000 profit: 20% of £17,430 = £3,486 income tax, 6% of £17,430 = £1,045.80 Class 4; £4,531.80 in all.
const DECLARED = state({
  calculations: [calc(2026, 30_000, '2027-05-10T10:00:00Z')],
  finalDeclarations: [{ taxYear: 2026, calculationId: 'intent', declaredAt: at('2027-05-10T10:00:00Z') }],
});

const CLOCK = (day: string) => at(`${day}T09:00:00Z`);
const declaredAgain = (profit: number, when: string): Partial<TaxpayerState> => ({
  calculations: [...DECLARED.calculations, calc(2027, profit, when)],
  finalDeclarations: [...DECLARED.finalDeclarations, { taxYear: 2027, calculationId: 'intent-2', declaredAt: at(when) }],
});

describe('the Self Assessment ledger', () => {
  it('posts a final declaration as a balancing charge and two payments on account for the next year', () => {
    expect(balancingDueDate(2026)).toBe('2028-01-31');
    const charges = saLedger(DECLARED, CLOCK('2027-06-01')).charges;
    // £4,531.80 due 31 January 2028, and half of it (£2,265.90) towards 2027-28 on 31 January and 31 July 2028.
    expect(charges.map((c) => [c.kind, c.taxYear, c.documentId, c.chargeReference, c.documentDate, c.dueDate, c.amount])).toEqual([
      ['balancing', 2026, '271234560001', 'XM002712345601', '2027-05-10', '2028-01-31', 4531.8],
      ['poa1', 2027, '281234560002', 'XM002812345602', '2027-05-10', '2028-01-31', 2265.9],
      ['poa2', 2027, '281234560003', 'XM002812345603', '2027-05-10', '2028-07-31', 2265.9],
    ]);
  });

  it('shows nothing before the declaration on the clock, nothing for a year that owes nothing, and no payments on account under £1,000', () => {
    expect(saLedger(DECLARED, CLOCK('2027-05-01')).charges).toEqual([]);
    const declaredWith = (profit: number) => state({ calculations: [calc(2026, profit, '2027-05-10T10:00:00Z')], finalDeclarations: [{ taxYear: 2026, calculationId: 'x', declaredAt: at('2027-05-10T10:00:00Z') }] });
    expect(saLedger(declaredWith(10_000), CLOCK('2027-06-01')).charges).toEqual([]);
    // £15,000: 20% and 6% of £2,430 = £486 + £145.80 = £631.80, under £1,000: no payments on account.
    expect(saLedger(declaredWith(15_000), CLOCK('2027-06-01')).charges.map((c) => [c.kind, c.amount])).toEqual([['balancing', 631.8]]);
  });

  it('moves charges from pending to payable within 30 days of their due date, then to overdue', () => {
    const details = (day: string) => balanceDetails(saLedger(DECLARED, CLOCK(day)), day);
    // £4,531.80 + 2 × £2,265.90 = £9,063.60 in all.
    expect(details('2027-06-01')).toMatchObject({ payableAmount: 0, pendingChargeDueAmount: 9063.6, pendingChargeDueDate: '2028-01-31', overdueAmount: 0, totalBalance: 9063.6, totalBcdBalance: 4531.8 });
    // £4,531.80 + £2,265.90 = £6,797.70 due on 31 January; the second payment on account is still pending.
    expect(details('2028-01-10')).toMatchObject({ payableAmount: 6797.7, payableDueDate: '2028-01-31', pendingChargeDueAmount: 2265.9, pendingChargeDueDate: '2028-07-31' });
    expect(details('2028-02-01')).toMatchObject({ overdueAmount: 6797.7, earliestPaymentDateOverdue: '2028-02-01', pendingChargeDueAmount: 2265.9, bcdBalancePerYear: [{ taxYear: '2026-27', bcdAmount: 4531.8 }] });
  });

  it('allocates payments to the charge due first and keeps what is left over as credit', () => {
    const paid = { ...DECLARED, saPayments: [pay(1000, '2027-04-20', 1), pay(10_000, '2027-07-01', 2)] };
    const ledger = saLedger(paid, CLOCK('2027-08-01'));
    // £1,000 paid before the charge was posted is allocated on the day it was (10 May); the balancing charge takes
    // £3,531.80 more of the £10,000, then each payment on account £2,265.90: £1,936.40 is left.
    expect(ledger.charges.map((c) => c.allocations.map((a) => [a.amount, a.date]))).toEqual([
      [
        [1000, '2027-05-10'],
        [3531.8, '2027-07-01'],
      ],
      [[2265.9, '2027-07-01']],
      [[2265.9, '2027-07-01']],
    ]);
    expect(ledger.payments.map((p) => p.unallocated)).toEqual([0, 1936.4]);
    expect(balanceDetails(ledger, '2027-08-01')).toMatchObject({ totalBalance: 0, unallocatedCredit: 1936.4, allocatedCredit: 9063.6, totalCredit: 11_000, bcdBalancePerYear: [] });
  });

  it("takes the payments on account off the next year's balancing charge, and gives credit to it", () => {
    // 2027-28: £40,000 profit, 20% and 6% of £27,430 = £5,486 + £1,645.80 = £7,131.80, less the £4,531.80 on account.
    const next = state({ ...declaredAgain(40_000, '2028-05-10T10:00:00Z'), saPayments: [pay(11_000, '2027-07-01')] });
    const ledger = saLedger(next, CLOCK('2028-06-01'));
    const balancing = ledger.charges.find((c) => c.kind === 'balancing' && c.taxYear === 2027)!;
    expect([balancing.amount, balancing.dueDate]).toEqual([2600, '2029-01-31']);
    // The £1,936.40 credit goes to it: £2,600 − £1,936.40 = £663.60 still owed.
    expect(balancing.outstanding).toBe(663.6);
    expect(ledger.charges.filter((c) => c.taxYear === 2028).map((c) => [c.kind, c.amount, c.dueDate])).toEqual([
      ['poa1', 3565.9, '2029-01-31'],
      ['poa2', 3565.9, '2029-07-31'],
    ]);
  });

  it('changes the charges when an amendment is confirmed, and keeps each version as their history', () => {
    // £20,000 after amendment: 20% and 6% of £7,430 = £1,486 + £445.80 = £1,931.80; payments on account £965.90.
    const amended = { ...DECLARED, calculations: [...DECLARED.calculations, calc(2026, 20_000, '2027-09-01T10:00:00Z', 'confirm-amendment')], saPayments: [pay(3000, '2027-06-01')] };
    const [balancing, poa1, poa2] = saLedger(amended, CLOCK('2027-10-01')).charges;
    expect(balancing!.versions.map((v) => [v.amount, v.reason])).toEqual([
      [4531.8, 'Return submitted'],
      [1931.8, 'Amended return, Customer Request'],
    ]);
    expect(poa1!.versions.map((v) => v.amount)).toEqual([2265.9, 965.9]);
    // £3,000 pays £1,931.80 and £965.90; £102.30 goes to the second payment on account, leaving £863.60.
    expect([balancing!.outstanding, poa1!.outstanding, poa2!.outstanding]).toEqual([0, 0, 863.6]);
  });
});
