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

describe('the Self Assessment ledger', () => {
  it('posts a final declaration as a balancing charge due on 31 January after the tax year', () => {
    expect(balancingDueDate(2026)).toBe('2028-01-31');
    const [charge] = saLedger(DECLARED, at('2027-06-01T00:00:00Z')).charges;
    expect(charge).toMatchObject({ taxYear: 2026, documentId: '271234560001', chargeReference: 'XM0027123456' + '01', documentDate: '2027-05-10', dueDate: '2028-01-31', amount: 4531.8, outstanding: 4531.8 });
  });

  it('shows nothing before the declaration on the clock, and nothing for a year that owes nothing', () => {
    expect(saLedger(DECLARED, at('2027-05-01T00:00:00Z')).charges).toEqual([]);
    const nothingOwed = state({ calculations: [calc(2026, 10_000, '2027-05-10T10:00:00Z')], finalDeclarations: [{ taxYear: 2026, calculationId: 'x', declaredAt: at('2027-05-10T10:00:00Z') }] });
    expect(saLedger(nothingOwed, at('2027-06-01T00:00:00Z')).charges).toEqual([]);
  });

  it('moves the charge from pending to payable within 30 days of its due date, then to overdue', () => {
    const ledger = (day: string) => saLedger(DECLARED, at(`${day}T09:00:00Z`));
    expect(balanceDetails(ledger('2027-06-01'), '2027-06-01')).toMatchObject({ payableAmount: 0, pendingChargeDueAmount: 4531.8, pendingChargeDueDate: '2028-01-31', overdueAmount: 0, totalBalance: 4531.8 });
    expect(balanceDetails(ledger('2028-01-10'), '2028-01-10')).toMatchObject({ payableAmount: 4531.8, payableDueDate: '2028-01-31', pendingChargeDueAmount: 0 });
    expect(balanceDetails(ledger('2028-02-01'), '2028-02-01')).toMatchObject({ overdueAmount: 4531.8, earliestPaymentDateOverdue: '2028-02-01', bcdBalancePerYear: [{ taxYear: '2026-27', bcdAmount: 4531.8 }] });
  });

  it('allocates payments to the charge, keeps what is left over as credit and gives it to the next charge posted', () => {
    const paid = { ...DECLARED, saPayments: [pay(1000, '2027-04-20', 1), pay(4000, '2027-07-01', 2)] };
    const ledger = saLedger(paid, at('2027-08-01T00:00:00Z'));
    const [charge] = ledger.charges;
    // £1,000 paid before the charge was posted is allocated on the day it was (10 May); £3,531.80 of the £4,000 goes too.
    expect(charge!.allocations.map((a) => [a.amount, a.date])).toEqual([
      [1000, '2027-05-10'],
      [3531.8, '2027-07-01'],
    ]);
    expect(charge!.outstanding).toBe(0);
    expect(ledger.payments.map((p) => p.unallocated)).toEqual([0, 468.2]);
    expect(balanceDetails(ledger, '2027-08-01')).toMatchObject({ totalBalance: 0, unallocatedCredit: 468.2, allocatedCredit: 4531.8, totalCredit: 5000, bcdBalancePerYear: [] });
  });

  it('changes the charge when an amendment is confirmed, and keeps each version as its history', () => {
    // £20,000 after amendment: 20% and 6% of £7,430 = £1,486 + £445.80 = £1,931.80.
    const amended = { ...DECLARED, calculations: [...DECLARED.calculations, calc(2026, 20_000, '2027-09-01T10:00:00Z', 'confirm-amendment')], saPayments: [pay(3000, '2027-06-01')] };
    const [charge] = saLedger(amended, at('2027-10-01T00:00:00Z')).charges;
    expect(charge!.versions.map((v) => [v.amount, v.reason])).toEqual([
      [4531.8, 'Return submitted'],
      [1931.8, 'Amended return, Customer Request'],
    ]);
    expect(charge!.outstanding).toBe(0);
    expect(saLedger(amended, at('2027-10-01T00:00:00Z')).payments[0]!.unallocated).toBe(1068.2);
  });
});
