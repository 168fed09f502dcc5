import type { TaxpayerState } from '../../model.js';

/**
 * The account HMRC's sandbox default answers (no `Gov-Test-Scenario`, `data: sandbox`) are drawn from, as data the
 * ledger reads like any other: 2023-24 declared on 20 January 2025 with £20,000 of self-employment profit (a
 * £1,931.80 balancing charge: 20% and 6% of £7,430, and two £965.90 payments on account towards 2024-25), £500 paid on
 * 22 January 2025, read on 24 January 2025: £2,397.70 payable by 31 January 2025, £965.90 by 31 July.
 */
export const SAMPLE_TODAY = Date.parse('2025-01-24T10:00:00Z');

export function sampleAccount(nino: string): TaxpayerState {
  const declaredAt = Date.parse('2025-01-20T12:00:00Z');
  const businessId = 'XBIS12345678901';
  const calculation = {
    calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c',
    taxYear: 2023,
    requestedBy: 'customer' as const,
    requestedAt: declaredAt,
    readyAt: declaredAt,
    businesses: [{ businessId, typeOfBusiness: 'self-employment' as const, tradingName: 'ABC Ltd.' }],
    summaries: [{ businessId, taxYear: 2023, submissions: [], body: { periodIncome: { turnover: 20_000 }, periodExpenses: { consolidatedExpenses: 0 } } }],
  };
  return {
    nino,
    businesses: [],
    cumulative: [],
    calculations: [{ ...calculation, calculationType: 'final-declaration' }],
    finalDeclarations: [{ taxYear: 2023, calculationId: calculation.calculationId, declaredAt }],
    saPayments: [{ paymentLot: '081203010024', paymentLotItem: '000001', amount: 500, receivedOn: '2025-01-22', method: 'DEBITCARD', reference: '1234567890K2501', recordedAt: declaredAt }],
  };
}
