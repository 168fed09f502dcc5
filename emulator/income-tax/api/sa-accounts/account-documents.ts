import { CHARGE_KINDS, type ChargeKind, type Ledger, type LedgerCharge, type LedgerPayment } from '../../sa-ledger.js';
import { taxYearEndDate, taxYearLabel, taxYearOf, taxYearStartDate } from '../../tax-year.js';

/**
 * The ledger (income-tax/sa-ledger.ts) in Self Assessment Accounts 4.0's shapes: `documentDetails` and
 * `financialDetails` of Retrieve Balance and Transactions, `payments` of List Payments and Allocation Details and
 * `chargeHistoryDetails` of the charge history endpoints. ETMP's main transactions: 4910 balancing charge, 4920 and
 * 4930 the payments on account; payments are credit documents with negative amounts.
 */
const CONTRACT_ACCOUNT = '000000000001';
const SUB_TYPE = '1553';
const CODES: Record<ChargeKind, { main: string; chargeTypeDescription: string }> = {
  balancing: { main: '4910', chargeTypeDescription: 'ITSABalancingCharge' },
  poa1: { main: '4920', chargeTypeDescription: 'ITSAPOA1' },
  poa2: { main: '4930', chargeTypeDescription: 'ITSAPOA2' },
};
const chargeDetail = (c: LedgerCharge): Record<string, string> => ({
  documentId: c.documentId,
  documentType: CODES[c.kind].main,
  documentTypeDescription: CHARGE_KINDS[c.kind].description,
  chargeType: SUB_TYPE,
  chargeTypeDescription: CODES[c.kind].chargeTypeDescription,
});

export interface DocumentFilter {
  docNumber?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  onlyOpenItems: boolean;
  /** `removePOA`: HMRC leaves out "details of any payments that the customer has made". */
  withoutPayments: boolean;
  /** `customerPaymentInformation`: the payment's reference, amount, method, lot and clearing document on each allocation item. */
  paymentInformation: boolean;
  includeLocks: boolean;
}

const inRange = (date: string, f: DocumentFilter): boolean => (!f.from || date >= f.from) && (!f.to || date <= f.to);

function chargeSelected(c: LedgerCharge, f: DocumentFilter): boolean {
  if (f.docNumber) return c.documentId === f.docNumber;
  if (f.onlyOpenItems) return c.outstanding !== 0;
  return inRange(c.documentDate, f);
}

function paymentSelected(p: LedgerPayment, f: DocumentFilter): boolean {
  if (f.withoutPayments) return false;
  if (f.docNumber) return p.documentId === f.docNumber;
  if (f.onlyOpenItems) return p.unallocated !== 0;
  return inRange(p.payment.receivedOn, f);
}

function lastClearing(c: LedgerCharge): Record<string, unknown> {
  const last = c.allocations[c.allocations.length - 1];
  return last ? { lastClearing: { lastClearingDate: last.date, lastClearingReason: 'Incoming Payment', lastClearedAmount: last.amount } } : {};
}

function chargeDocument(c: LedgerCharge): Record<string, unknown> {
  return {
    taxYear: taxYearLabel(c.taxYear),
    documentId: c.documentId,
    documentDate: c.documentDate,
    documentText: CHARGE_KINDS[c.kind].description,
    documentDueDate: c.dueDate,
    documentDescription: CHARGE_KINDS[c.kind].description,
    originalAmount: c.amount,
    outstandingAmount: c.outstanding,
    ...lastClearing(c),
    isChargeEstimate: false,
    isCodedOut: false,
    effectiveDateOfPayment: c.dueDate,
  };
}

function paymentDocument(p: LedgerPayment): Record<string, unknown> {
  const { payment } = p;
  return {
    taxYear: taxYearLabel(taxYearOf(payment.receivedOn)),
    documentId: p.documentId,
    creditReason: 'Voluntary Payment',
    documentDate: payment.receivedOn,
    documentText: 'Payment',
    documentDescription: 'Payment',
    originalAmount: -payment.amount,
    outstandingAmount: -p.unallocated || 0,
    isChargeEstimate: false,
    isCodedOut: false,
    paymentLot: payment.paymentLot,
    paymentLotItem: payment.paymentLotItem,
    effectiveDateOfPayment: payment.receivedOn,
  };
}

const LOCKS = { isChargeOnHold: false, isEstimatedChargeOnHold: false, isInterestAccrualOnHold: false, isInterestChargeOnHold: false };

function financialDetail(c: LedgerCharge, f: DocumentFilter): Record<string, unknown> {
  const cleared = c.allocations.reduce((a, x) => a + x.amount, 0);
  return {
    taxYear: taxYearLabel(c.taxYear),
    chargeDetail: chargeDetail(c),
    taxPeriodFrom: taxYearStartDate(c.taxYear),
    taxPeriodTo: taxYearEndDate(c.taxYear),
    contractAccount: CONTRACT_ACCOUNT,
    documentNumber: c.documentId,
    documentNumberItem: '0001',
    chargeReference: c.chargeReference,
    originalAmount: c.amount,
    outstandingAmount: c.outstanding,
    clearedAmount: Math.round(cleared * 100) / 100,
    items: [
      { itemId: '001', dueDate: c.dueDate, amount: c.amount, isReturn: c.kind === 'balancing', ...(f.includeLocks ? { locks: LOCKS } : {}) },
      ...c.allocations.map((a, i) => ({
        itemId: String(i + 2).padStart(3, '0'),
        dueDate: c.dueDate,
        amount: a.amount,
        clearingDate: a.date,
        clearingReason: 'Incoming Payment',
        ...(f.paymentInformation
          ? {
              paymentReference: a.payment.payment.reference,
              paymentAmount: a.payment.payment.amount,
              paymentMethod: a.payment.payment.method,
              paymentLot: a.payment.payment.paymentLot,
              paymentLotItem: a.payment.payment.paymentLotItem,
              clearingSAPDocument: a.clearingDocument,
            }
          : {}),
      })),
    ],
  };
}

/** `documentDetails` and `financialDetails` as selected; both absent when nothing is selected. */
export function accountDocuments(ledger: Ledger, f: DocumentFilter): Record<string, unknown> {
  const charges = ledger.charges.filter((c) => chargeSelected(c, f));
  const payments = ledger.payments.filter((p) => paymentSelected(p, f));
  const documents = [...charges.map(chargeDocument), ...payments.map(paymentDocument)];
  return {
    ...(documents.length ? { documentDetails: documents } : {}),
    ...(charges.length ? { financialDetails: charges.map((c) => financialDetail(c, f)) } : {}),
  };
}

/** One payment and its allocations (List Self Assessment Payments & Allocation Details). */
export function paymentWithAllocations(p: LedgerPayment): Record<string, unknown> {
  const { payment } = p;
  return {
    paymentLot: payment.paymentLot,
    paymentLotItem: payment.paymentLotItem,
    paymentReference: payment.reference,
    paymentAmount: payment.amount,
    paymentMethod: payment.method.replace(/[^0-9A-Za-z]/g, '').slice(0, 30) || 'A',
    transactionDate: payment.receivedOn,
    allocations: p.allocations.map((a) => ({
      chargeReference: a.charge.chargeReference,
      periodKey: `${String(a.charge.taxYear + 1).slice(2)}P0`,
      periodKeyDescription: `6 April ${a.charge.taxYear} to 5 April ${a.charge.taxYear + 1}`,
      startDate: taxYearStartDate(a.charge.taxYear),
      endDate: taxYearEndDate(a.charge.taxYear),
      dueDate: a.charge.dueDate,
      chargeDetail: chargeDetail(a.charge),
      amount: a.charge.amount,
      clearedAmount: a.amount,
      contractAccount: CONTRACT_ACCOUNT,
    })),
  };
}

/** The charge's versions, newest first: what it was changed to, when and why. */
export function chargeHistory(c: LedgerCharge): Record<string, unknown> {
  return {
    chargeHistoryDetails: [...c.versions].reverse().map((v) => ({
      // No `taxYear`: HMRC's schema gives it both `format: date` and the pattern `YYYY-YY`, which no value meets.
      transactionId: c.documentId,
      transactionDate: c.documentDate,
      description: CHARGE_KINDS[c.kind].history,
      totalAmount: v.amount,
      changeDate: new Date(v.at).toISOString().slice(0, 10),
      changeTimestamp: new Date(v.at).toISOString(),
      changeReason: v.reason,
    })),
  };
}
