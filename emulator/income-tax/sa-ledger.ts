import { addDays, isoDate, taxYearLabel } from './tax-year.js';
import { calculationDocument } from './calculation-document.js';
import type { SaPayment, TaxpayerState } from './model.js';

/**
 * The taxpayer's Self Assessment account, derived on every read from what the emulator holds, as HMRC's accounting
 * system (ETMP) would post it:
 *
 * - a **final declaration** posts a balancing charge ("ITSA- Bal Charge") for the tax year: the final calculation's
 *   `totalIncomeTaxAndNicsDue` less the payments on account already asked for the year, dated the day of the
 *   declaration, due on 31 January after the tax year ends (HMRC: "the deadline for paying the tax you owe" for
 *   2026-27 is 31 January 2028); and, unless the bill is under £1,000, two payments on account for the next year, each
 *   half of the bill, due that same 31 January and the 31 July after. A confirmed amendment (`confirm-amendment`)
 *   changes the amounts, and each change is the charge's history. A charge that comes to nothing is not posted;
 *   interest, penalties, repayments and reductions of payments on account are not emulated (docs/income-tax.md).
 * - a **payment** (recorded through the control API) is allocated to the charges still owing, the one due first
 *   first; what no charge takes stays on the account as unallocated credit, and is allocated to the next charge
 *   posted. Allocation is recomputed on every read, so an amendment that lowers a charge frees credit.
 *
 * Everything reads the virtual clock's `asOf`: a declaration or payment later than it is not yet on the account.
 */
export const BALANCING_CHARGE = 'ITSA- Bal Charge';
const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface ChargeVersion {
  amount: number;
  at: number;
  reason: string;
}

export interface Allocation {
  charge: LedgerCharge;
  payment: LedgerPayment;
  amount: number;
  /** The later of the payment's receipt and the charge's posting. */
  date: string;
  clearingDocument: string;
}

export interface LedgerCharge {
  taxYear: number;
  kind: ChargeKind;
  /** The SAP document number: the API's `documentId`/`transactionId`. */
  documentId: string;
  chargeReference: string;
  documentDate: string;
  dueDate: string;
  amount: number;
  outstanding: number;
  versions: ChargeVersion[];
  allocations: Allocation[];
}

export interface LedgerPayment {
  payment: SaPayment;
  documentId: string;
  allocations: Allocation[];
  unallocated: number;
}

export interface Ledger {
  charges: LedgerCharge[];
  payments: LedgerPayment[];
}

/** 31 January after the tax year (start year) ends: the balancing payment's and the first payment on account's due date. */
export const balancingDueDate = (taxYear: number): string => `${taxYear + 2}-01-31`;

/** HMRC asks for payments on account unless the last bill was under £1,000. */
export const POA_THRESHOLD = 1000;

export type ChargeKind = 'balancing' | 'poa1' | 'poa2';
/** Each kind's document description (HMRC's enum, spacing and all), history description and document number suffix. */
export const CHARGE_KINDS: Record<ChargeKind, { description: string; history: string; n: number }> = {
  balancing: { description: BALANCING_CHARGE, history: 'Balancing charge', n: 1 },
  poa1: { description: 'ITSA- POA 1', history: 'Payment on account 1', n: 2 },
  poa2: { description: 'ITSA - POA 2', history: 'Payment on account 2', n: 3 },
};

/** The six digits of a NINO, which make the account's document numbers read as this taxpayer's. */
const digitsOf = (nino: string): string => nino.slice(2, 8);
const two = (n: number): string => String(n % 100).padStart(2, '0');
const four = (n: number): string => String(n).padStart(4, '0');

/** Each declared year's liability, one version per final or amended calculation, oldest first. */
function liabilities(state: TaxpayerState, asOf: number): Map<number, ChargeVersion[]> {
  const years = [...new Set(state.finalDeclarations.filter((d) => d.declaredAt <= asOf).map((d) => d.taxYear))].sort();
  return new Map(
    years.map((taxYear) => [
      taxYear,
      state.calculations
        .filter((c) => c.taxYear === taxYear && (c.calculationType === 'final-declaration' || c.calculationType === 'confirm-amendment') && c.requestedAt <= asOf)
        .sort((a, b) => a.requestedAt - b.requestedAt)
        .map((c, i) => ({
          amount: (calculationDocument(c, state.nino) as { calculation: { taxCalculation: { totalIncomeTaxAndNicsDue: number } } }).calculation.taxCalculation.totalIncomeTaxAndNicsDue,
          at: c.requestedAt,
          reason: i === 0 ? 'Return submitted' : 'Amended return, Customer Request',
        })),
    ]),
  );
}

/** One payment on account for the next year: half the year's liability (down to the penny), nothing under the threshold. */
const halfOf = (liability: number): number => (liability >= POA_THRESHOLD ? Math.floor((liability * 100) / 2) / 100 : 0);

/**
 * The charges posted, as at `asOf`. For each declared year Y: the balancing charge, Y's liability less the payments on
 * account asked for Y (by Y−1's declaration, as it stood when the version was made), and two payments on account for
 * Y+1, each half of Y's liability, due 31 January and 31 July after Y ends. A charge that comes to nothing is not posted.
 */
function charges(state: TaxpayerState, asOf: number): LedgerCharge[] {
  const digits = digitsOf(state.nino);
  const byYear = liabilities(state, asOf);
  const out: LedgerCharge[] = [];
  const post = (taxYear: number, kind: ChargeKind, dueDate: string, all: ChargeVersion[]): void => {
    const first = all.findIndex((v) => v.amount > 0);
    if (first < 0) return;
    const versions = all.slice(first);
    const amount = Math.max(0, versions[versions.length - 1]!.amount);
    const { n } = CHARGE_KINDS[kind];
    out.push({
      taxYear,
      kind,
      documentId: `${two(taxYear + 1)}${digits}${four(n)}`,
      chargeReference: `XM00${two(taxYear + 1)}${digits}0${n}`,
      documentDate: isoDate(versions[0]!.at),
      dueDate,
      amount,
      outstanding: amount,
      versions,
      allocations: [],
    });
  };
  for (const [taxYear, versions] of byYear) {
    const earlier = byYear.get(taxYear - 1) ?? [];
    const askedFor = (at: number): number => 2 * halfOf(earlier.filter((v) => v.at <= at).pop()?.amount ?? 0);
    post(taxYear, 'balancing', balancingDueDate(taxYear), versions.map((v) => ({ ...v, amount: round2(v.amount - askedFor(v.at)) })));
    const poas = versions.map((v) => ({ ...v, amount: halfOf(v.amount) }));
    post(taxYear + 1, 'poa1', balancingDueDate(taxYear), poas);
    post(taxYear + 1, 'poa2', `${taxYear + 2}-07-31`, poas);
  }
  return out;
}

/** The account as at `asOf` (virtual ms): charges with what is still owed, payments with where they went. */
export function saLedger(state: TaxpayerState, asOf: number): Ledger {
  const digits = digitsOf(state.nino);
  const posted = charges(state, asOf).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taxYear - b.taxYear || CHARGE_KINDS[a.kind].n - CHARGE_KINDS[b.kind].n);
  const payments: LedgerPayment[] = (state.saPayments ?? [])
    .filter((p) => p.recordedAt <= asOf)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.recordedAt - b.recordedAt)
    .map((payment, i) => ({ payment, documentId: `50${digits}${four(i + 1)}`, allocations: [], unallocated: payment.amount }));
  let clearing = 0;
  for (const p of payments) {
    for (const c of posted) {
      if (p.unallocated <= 0) break;
      if (c.outstanding <= 0) continue;
      const amount = round2(Math.min(c.outstanding, p.unallocated));
      const date = p.payment.receivedOn > c.documentDate ? p.payment.receivedOn : c.documentDate;
      const allocation: Allocation = { charge: c, payment: p, amount, date, clearingDocument: `33${digits}${four(++clearing)}` };
      c.allocations.push(allocation);
      p.allocations.push(allocation);
      c.outstanding = round2(c.outstanding - amount);
      p.unallocated = round2(p.unallocated - amount);
    }
  }
  return { charges: posted, payments };
}

/** Self Assessment Accounts' `balanceDetails` as at `today` (`YYYY-MM-DD`). */
export function balanceDetails(ledger: Ledger, today: string): Record<string, unknown> {
  const owing = ledger.charges.filter((c) => c.outstanding > 0);
  const soon = addDays(today, 30);
  const overdue = owing.filter((c) => c.dueDate < today);
  const payable = owing.filter((c) => c.dueDate >= today && c.dueDate <= soon);
  const pending = owing.filter((c) => c.dueDate > soon);
  const sum = (list: Array<{ outstanding: number }>): number => round2(list.reduce((a, c) => a + c.outstanding, 0));
  const unallocated = round2(ledger.payments.reduce((a, p) => a + p.unallocated, 0));
  const allocated = round2(ledger.payments.reduce((a, p) => a + p.payment.amount - p.unallocated, 0));
  const balancing = owing.filter((c) => c.kind === 'balancing');
  const byYear = [...new Set(balancing.map((c) => c.taxYear))].sort((a, b) => b - a);
  return {
    payableAmount: sum(payable),
    ...(payable.length ? { payableDueDate: payable[0]!.dueDate } : {}),
    pendingChargeDueAmount: sum(pending),
    ...(pending.length ? { pendingChargeDueDate: pending[0]!.dueDate } : {}),
    overdueAmount: sum(overdue),
    bcdBalancePerYear: byYear.map((y) => ({ taxYear: taxYearLabel(y), bcdAmount: sum(balancing.filter((c) => c.taxYear === y)) })),
    ...(overdue.length ? { earliestPaymentDateOverdue: addDays(overdue[0]!.dueDate, 1) } : {}),
    totalBalance: sum(owing),
    totalBcdBalance: sum(balancing),
    unallocatedCredit: unallocated,
    allocatedCredit: allocated,
    totalCredit: round2(unallocated + allocated),
    availableCredit: unallocated,
  };
}
