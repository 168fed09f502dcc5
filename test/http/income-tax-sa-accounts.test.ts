import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { CLIENT_ID, emulator, userToken } from '../support.js';
import { agent, client, DEFAULT_BUSINESS_ID, IT_SCOPES, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

const ROOT = `/accounts/self-assessment/${NINO}`;
const BALANCE = `${ROOT}/balance-and-transactions`;
const CODING = (taxYear = '2024-25') => `${ROOT}/${taxYear}/collection/tax-code`;
const AMOUNTS = { taxCodeComponents: { payeUnderpayment: [{ id: 1234567890, amount: 2000.5 }], debt: [{ id: 2134693857, amount: 100.25 }], inYearAdjustment: { id: 9873562901, amount: 123.45 } } };

/** Moves the frozen test clock (15 January 2026) to `iso`. */
const moveTo = (e: Emulator, iso: string) => e.context.clock.advance(Date.parse(iso) - e.context.clock.now());

/** A fresh token for the taxpayer `taxpayer()` added (tokens last 4 hours, and the tests move the clock by months). */
const fresh = (e: Emulator) => userToken(e, 'it-taxpayer', IT_SCOPES);

/** Declares 2025-26 after a year of £40,000 turnover and £10,000 expenses (20 May 2026); returns a token of that day. */
async function declare2025(e: Emulator): Promise<string> {
  await taxpayer(e);
  moveTo(e, '2026-05-20T10:00:00Z');
  const token = await fresh(e);
  const se = await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`, {
    periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
    periodIncome: { turnover: 40_000 },
    periodExpenses: { consolidatedExpenses: 10_000 },
  });
  expect(se.status).toBe(204);
  const calcs = client(e, token, '8.0');
  const base = `/individuals/calculations/${NINO}/self-assessment/2025-26`;
  const id = (await calcs.post(`${base}/trigger/intent-to-finalise`)).body.calculationId as string;
  e.context.clock.advance(5000);
  // £30,000 profit: 20% of (£30,000 − £12,570 = £17,430) = £3,486 income tax; 6% of £17,430 = £1,045.80 Class 4.
  expect((await calcs.get(`${base}/${id}`)).body.calculation.taxCalculation.totalIncomeTaxAndNicsDue).toBe(4531.8);
  expect((await calcs.post(`${base}/${id}/final-declaration`)).status).toBe(204);
  return token;
}

const payment = (e: Emulator, body: object, clientId = CLIENT_ID) => request(e.app).post(`/_emulator/income-tax/${clientId}/${NINO}/sa-payments`).send(body);

describe('Self Assessment Accounts API 4.0: the account a final declaration makes', () => {
  it('shows no account until the final declaration, then a balancing charge and payments on account', async () => {
    const e = await emulator({ data: 'realistic' });
    expect((await client(e, await taxpayer(e), '4.0').get(`${BALANCE}?onlyOpenItems=true`)).body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
    let api = client(e, await declare2025(e), '4.0');
    const res = await api.get(`${BALANCE}?onlyOpenItems=true`);
    expect(res.status).toBe(200);
    expect(res.body.balanceDetails).toEqual({
      payableAmount: 0,
      // £4,531.80 balancing charge + 2 × £2,265.90 payments on account towards 2026-27 = £9,063.60.
      pendingChargeDueAmount: 9063.6,
      pendingChargeDueDate: '2027-01-31',
      overdueAmount: 0,
      bcdBalancePerYear: [{ taxYear: '2025-26', bcdAmount: 4531.8 }],
      totalBalance: 9063.6,
      totalBcdBalance: 4531.8,
      unallocatedCredit: 0,
      allocatedCredit: 0,
      totalCredit: 0,
      availableCredit: 0,
    });
    expect(res.body.documentDetails).toEqual([
      expect.objectContaining({ taxYear: '2025-26', documentId: '261234560001', documentDate: '2026-05-20', documentDueDate: '2027-01-31', documentDescription: 'ITSA- Bal Charge', originalAmount: 4531.8, outstandingAmount: 4531.8 }),
      expect.objectContaining({ taxYear: '2026-27', documentId: '271234560002', documentDate: '2026-05-20', documentDueDate: '2027-01-31', documentDescription: 'ITSA- POA 1', originalAmount: 2265.9 }),
      expect.objectContaining({ taxYear: '2026-27', documentId: '271234560003', documentDate: '2026-05-20', documentDueDate: '2027-07-31', documentDescription: 'ITSA - POA 2', originalAmount: 2265.9 }),
    ]);
    expect(res.body.financialDetails[0]).toMatchObject({ chargeReference: 'XM002612345601', taxPeriodFrom: '2025-04-06', taxPeriodTo: '2026-04-05', items: [{ itemId: '001', dueDate: '2027-01-31', amount: 4531.8 }] });
    // Within 30 days of 31 January 2027 the balancing charge and the first payment on account (£6,797.70) are payable,
    // and from 1 February overdue; the second payment on account stays pending until 31 July.
    moveTo(e, '2027-01-10T09:00:00Z');
    api = client(e, await fresh(e), '4.0');
    expect((await api.get(`${BALANCE}?onlyOpenItems=true`)).body.balanceDetails).toMatchObject({ payableAmount: 6797.7, payableDueDate: '2027-01-31', pendingChargeDueAmount: 2265.9 });
    moveTo(e, '2027-02-01T09:00:00Z');
    api = client(e, await fresh(e), '4.0');
    expect((await api.get(`${BALANCE}?onlyOpenItems=true`)).body.balanceDetails).toMatchObject({ overdueAmount: 6797.7, earliestPaymentDateOverdue: '2027-02-01', pendingChargeDueDate: '2027-07-31' });
  });

  it('allocates a payment recorded through the control API and shows it in payments, documents and the charge', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await declare2025(e), '4.0');
    const paid = await payment(e, { amount: 3000, receivedOn: '2026-05-20', method: 'BACS', reference: '1234567890K' });
    expect(paid.status).toBe(201);
    expect(paid.body.payment).toEqual({ paymentLot: '081234560001', paymentLotItem: '000001', amount: 3000, receivedOn: '2026-05-20', method: 'BACS', reference: '1234567890K' });
    // It goes to the balancing charge: £4,531.80 − £3,000 = £1,531.80 still owed on it, £6,063.60 in all.
    expect((await api.get(`${BALANCE}?onlyOpenItems=true`)).body.balanceDetails).toMatchObject({ pendingChargeDueAmount: 6063.6, totalBalance: 6063.6, bcdBalancePerYear: [{ taxYear: '2025-26', bcdAmount: 1531.8 }], allocatedCredit: 3000, unallocatedCredit: 0 });
    const payments = await api.get(`${ROOT}/payments-and-allocations`);
    expect(payments.body.payments).toEqual([
      expect.objectContaining({ paymentLot: '081234560001', paymentAmount: 3000, paymentMethod: 'BACS', transactionDate: '2026-05-20', allocations: [expect.objectContaining({ chargeReference: 'XM002612345601', amount: 4531.8, clearedAmount: 3000, dueDate: '2027-01-31' })] }),
    ]);
    expect((await api.get(`${ROOT}/payments-and-allocations?paymentLot=081234560001&paymentLotItem=000001`)).body.payments).toHaveLength(1);
    expect((await api.get(`${ROOT}/payments-and-allocations?paymentLot=081234560009&paymentLotItem=000001`)).status).toBe(404);
    const all = await api.get(`${BALANCE}?fromDate=2026-04-06&toDate=2027-04-05&customerPaymentInformation=true`);
    expect(all.body.documentDetails.map((d: { documentDescription: string; outstandingAmount: number }) => [d.documentDescription, d.outstandingAmount])).toEqual([
      ['ITSA- Bal Charge', 1531.8],
      ['ITSA- POA 1', 2265.9],
      ['ITSA - POA 2', 2265.9],
      ['Payment', 0],
    ]);
    expect(all.body.financialDetails[0].items[1]).toMatchObject({ amount: 3000, clearingDate: '2026-05-20', clearingReason: 'Incoming Payment', paymentLot: '081234560001', paymentReference: '1234567890K' });
    expect((await api.get(`${BALANCE}?docNumber=261234560001&removePOA=true`)).body.documentDetails).toHaveLength(1);
    // Paying the £6,063.60 left and £100 more leaves £100 of credit.
    expect((await payment(e, { amount: 6163.6 })).status).toBe(201);
    expect((await api.get(`${BALANCE}?fromDate=2026-04-06&toDate=2027-04-05`)).body.balanceDetails).toMatchObject({ totalBalance: 0, unallocatedCredit: 100, allocatedCredit: 9063.6, totalCredit: 9163.6 });
  });

  it("shows a main agent the client's account, and a supporting agent nothing", async () => {
    const e = await emulator({ data: 'realistic' });
    await declare2025(e);
    const main = client(e, await agent(e, { agentType: 'main' }), '4.0');
    expect((await main.get(`${BALANCE}?onlyOpenItems=true`)).body.balanceDetails).toMatchObject({ totalBalance: 9063.6, pendingChargeDueDate: '2027-01-31' });
    expect((await main.put(CODING(), AMOUNTS)).status).toBe(204);
    const supporting = client(e, await agent(e, { userId: 'it-supporting', arn: 'BARN1234567', agentType: 'supporting' }), '4.0');
    expect((await supporting.get(`${ROOT}/payments-and-allocations`)).body).toEqual({ code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client or agent is not authorised' });
    expect((await supporting.get(CODING())).status).toBe(403);
  });

  it("gives a charge's history by transaction ID and by charge reference", async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await declare2025(e), '4.0');
    const history = [{ transactionId: '261234560001', transactionDate: '2026-05-20', description: 'Balancing charge', totalAmount: 4531.8, changeDate: '2026-05-20', changeTimestamp: '2026-05-20T10:00:05.000Z', changeReason: 'Return submitted' }];
    expect((await api.get(`${ROOT}/charges/261234560001`)).body).toEqual({ chargeHistoryDetails: history });
    expect((await api.get(`${ROOT}/charges/transactionId/261234560001`)).body).toEqual({ chargeHistoryDetails: history });
    expect((await api.get(`${ROOT}/charges/chargeReference/XM002612345601`)).body).toEqual({ chargeHistoryDetails: history });
    expect((await api.get(`${ROOT}/charges/271234560002`)).body.chargeHistoryDetails).toEqual([expect.objectContaining({ description: 'Payment on account 1', totalAmount: 2265.9 })]);
    expect((await api.get(`${ROOT}/charges/999999999999`)).status).toBe(404);
  });

  it('refuses bad payments on the control route', async () => {
    const e = await emulator({ data: 'realistic' });
    expect((await payment(e, { amount: 0 })).status).toBe(400);
    expect((await payment(e, { amount: 1.001 })).status).toBe(400);
    expect((await payment(e, { amount: 1, receivedOn: '2026-01-16' })).body.message).toMatch(/no later than today, 2026-01-15/);
    expect((await payment(e, { amount: 1, method: 'DEBIT CARD' })).status).toBe(400);
    expect((await payment(e, { amount: 1 }, 'NoSuchApp')).status).toBe(404);
    expect((await request(e.app).post('/_emulator/income-tax/x/AA1/sa-payments').send({ amount: 1 })).status).toBe(400);
  });

  it('forgets payments with Delete Stateful Test Data and brings them back from a checkpoint', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '4.0');
    await payment(e, { amount: 50 });
    const support = client(e, await testSupportToken(e), '1.0');
    const checkpoint = (await support.post(`/individuals/self-assessment-test-support/vendor-state/checkpoints?nino=${NINO}`)).body.checkpointId as string;
    expect((await api.get(`${ROOT}/payments-and-allocations`)).body.payments).toHaveLength(1);
    expect((await support.delete('/individuals/self-assessment-test-support/vendor-state')).status).toBe(204);
    expect((await api.get(`${ROOT}/payments-and-allocations`)).status).toBe(404);
    expect((await support.post(`/individuals/self-assessment-test-support/vendor-state/checkpoints/${checkpoint}/restore`)).status).toBe(201);
    expect((await api.get(`${ROOT}/payments-and-allocations`)).body.payments[0]).toMatchObject({ paymentAmount: 50, allocations: [] });
  });
});

describe('Self Assessment Accounts API 4.0: who may call it', () => {
  it('lets the taxpayer and a main agent in, and refuses a supporting agent, another taxpayer and no token', async () => {
    const e = await emulator();
    expect((await client(e, await taxpayer(e), '4.0').get(`${BALANCE}?onlyOpenItems=true`)).status).toBe(200);
    expect((await client(e, await agent(e, { agentType: 'main' }), '4.0').get(`${BALANCE}?onlyOpenItems=true`)).status).toBe(200);
    const supporting = await agent(e, { userId: 'it-supporting', arn: 'BARN1234567', agentType: 'supporting' });
    expect((await client(e, supporting, '4.0').get(`${BALANCE}?onlyOpenItems=true`)).body.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
    const other = await taxpayer(e, { userId: 'other', nino: 'AB123456C' });
    expect((await client(e, other, '4.0').get(`${BALANCE}?onlyOpenItems=true`)).status).toBe(403);
    expect((await request(e.app).get(BALANCE).set('Accept', 'application/vnd.hmrc.4.0+json')).body.code).toBe('MISSING_CREDENTIALS');
  });

  it('needs write:self-assessment to change coding out', async () => {
    const e = await emulator();
    await taxpayer(e);
    const readOnly = await userToken(e, 'it-taxpayer', 'read:self-assessment');
    expect((await client(e, readOnly, '4.0').put(CODING(), AMOUNTS)).body.code).toBe('INVALID_SCOPE');
    expect(IT_SCOPES).toContain('write:self-assessment');
  });
});

describe("Self Assessment Accounts API 4.0: HMRC's validation and test scenarios", () => {
  it.each([
    [`/accounts/self-assessment/AA1/balance-and-transactions?onlyOpenItems=true`, 'FORMAT_NINO'],
    [BALANCE, 'RULE_INCONSISTENT_QUERY_PARAMS'],
    [`${BALANCE}?onlyOpenItems=true&docNumber=261234560001`, 'RULE_INCONSISTENT_QUERY_PARAMS'],
    [`${BALANCE}?fromDate=2026-04-06`, 'MISSING_TO_DATE'],
    [`${BALANCE}?toDate=2026-04-06`, 'MISSING_FROM_DATE'],
    [`${BALANCE}?fromDate=2026-04-06&toDate=2026-04-05`, 'RANGE_TO_DATE_BEFORE_FROM_DATE'],
    [`${BALANCE}?fromDate=2024-04-06&toDate=2026-04-09`, 'RULE_INVALID_DATE_RANGE'],
    [`${BALANCE}?fromDate=2026-02-30&toDate=2026-04-05`, 'FORMAT_FROM_DATE'],
    [`${BALANCE}?onlyOpenItems=yes`, 'FORMAT_ONLY_OPEN_ITEMS'],
    [`${BALANCE}?onlyOpenItems=true&removePOA=1`, 'FORMAT_REMOVE_PAYMENT_ON_ACCOUNT'],
    [`${BALANCE}?docNumber=12-4`, 'FORMAT_DOC_NUMBER'],
    [`${BALANCE}?onlyOpenItems=true&includeLocks=x&includeEstimatedCharges=y`, 'INVALID_REQUEST'],
    [`${ROOT}/payments-and-allocations?paymentLot=081203010024`, 'MISSING_PAYMENT_LOT_ITEM'],
    [`${ROOT}/payments-and-allocations?paymentLotItem=000001`, 'MISSING_PAYMENT_LOT'],
    [`${ROOT}/payments-and-allocations?paymentLot=0812-3&paymentLotItem=000001`, 'FORMAT_PAYMENT_LOT'],
    [`${ROOT}/payments-and-allocations?paymentLot=1&paymentLotItem=1&fromDate=2026-01-01&toDate=2026-01-02`, 'RULE_INCONSISTENT_QUERY_PARAMS'],
    [`${ROOT}/charges/ABCDEFGHIJKLM`, 'FORMAT_TRANSACTION_ID'],
    [`${ROOT}/charges/chargeReference/XM0026`, 'FORMAT_CHARGE_REFERENCE'],
    [`${CODING('2024')}`, 'FORMAT_TAX_YEAR'],
    [`${CODING('2024-26')}`, 'RULE_TAX_YEAR_RANGE_INVALID'],
    [`${CODING('2018-19')}`, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    [`${CODING()}?source=mine`, 'FORMAT_SOURCE'],
    [`${CODING('2018-19')}/coding-out/status`, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ])('GET %s is 400 %s', async (url, code) => {
    const e = await emulator();
    const res = await client(e, await taxpayer(e), '4.0').get(url);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it.each([
    [{ taxCodeComponents: { debt: [{ id: 1, amount: 1.001 }] } }, 'FORMAT_VALUE', ['/taxCodeComponents/debt/0/amount']],
    [{ taxCodeComponents: { debt: [{ id: 0.5, amount: 1 }] } }, 'FORMAT_ID', ['/taxCodeComponents/debt/0/id']],
    [{ taxCodeComponents: { debt: [] } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/taxCodeComponents/debt']],
    [{ taxCodeComponents: { debt: [{ amount: 1 }] } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/taxCodeComponents/debt/0/id']],
    [{ other: {} }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/other']],
  ])('PUT coding out %j is 400 %s', async (body, code, paths) => {
    const e = await emulator();
    const res = await client(e, await taxpayer(e), '4.0').put(CODING(), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, paths });
  });

  it('refuses coding out amounts for a tax year that has not ended', async () => {
    const e = await emulator();
    expect((await client(e, await taxpayer(e), '4.0').put(CODING('2025-26'), AMOUNTS)).body.code).toBe('RULE_TAX_YEAR_NOT_ENDED');
  });

  it("answers HMRC's sandbox defaults and every documented scenario", async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '4.0');
    // The sample account: £1,931.80 charged for 2023-24 and £500 paid: £1,431.80 and the first £965.90 payment on
    // account (£2,397.70) payable by 31 January 2025, the second £965.90 by 31 July.
    expect((await api.get(`${BALANCE}?onlyOpenItems=true`)).body.balanceDetails).toMatchObject({ payableAmount: 2397.7, payableDueDate: '2025-01-31', pendingChargeDueAmount: 965.9, totalBalance: 3363.6 });
    expect((await api.get(`${BALANCE}?onlyOpenItems=true`, 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(`${ROOT}/payments-and-allocations`, 'INVALID_DATE_RANGE')).body.code).toBe('RULE_INVALID_DATE_RANGE');
    expect((await api.get(`${ROOT}/charges/X1`)).body.chargeHistoryDetails[0]).toMatchObject({ totalAmount: 1931.8 });
    expect((await api.get(CODING())).body.taxCodeComponents.payeUnderpayment[0]).toMatchObject({ source: 'user', relatedTaxYear: '2024-25' });
    expect((await api.get(`${CODING()}?source=hmrcHeld`)).body.taxCodeComponents.debt[0].source).toBe('hmrcHeld');
    expect((await api.put(CODING(), AMOUNTS, 'DUPLICATE_ID_NOT_ALLOWED')).body.code).toBe('RULE_DUPLICATE_ID_NOT_ALLOWED');
    expect((await api.delete(CODING(), 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    expect((await api.get(`${CODING()}/coding-out/status`, 'BUSINESS_PARTNER_NOT_EXIST')).body.code).toBe('RULE_BUSINESS_PARTNER_NOT_EXIST');
    expect((await api.post(`${CODING()}/coding-out/opt-in`, undefined, 'ALREADY_OPTED_IN')).body.code).toBe('RULE_ALREADY_OPTED_IN');
    expect((await api.post(`${CODING()}/coding-out/opt-out`, undefined, 'ALREADY_OPTED_IN')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
    expect((await api.get(`${ROOT}/penalties`, 'NO_PENALTIES')).body).toEqual({});
    expect((await api.get(`${ROOT}/penalties`, 'THRESHOLD_LATE_SUBMISSION_PENALTIES')).body.lateSubmissionPenalty.summary).toEqual({ activePenaltyPoints: 4, inactivePenaltyPoints: 0, regimeThreshold: 4, penaltyChargeAmount: 200 });
    expect((await api.get(`${ROOT}/penalties`, 'LATE_SUBMISSON')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });
});

describe('Self Assessment Accounts API 4.0: coding out, stored per tax year', () => {
  it('stores amounts, reads them back as the user source, and deletes them', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '4.0');
    expect((await api.get(CODING())).status).toBe(404);
    expect((await api.put(CODING(), AMOUNTS)).status).toBe(204);
    const got = await api.get(CODING());
    expect(got.body).toEqual({
      taxCodeComponents: {
        payeUnderpayment: [{ id: 1234567890, amount: 2000.5, relatedTaxYear: '2024-25', submittedOn: '2026-01-15T09:00:00.000Z', source: 'user' }],
        debt: [{ id: 2134693857, amount: 100.25, relatedTaxYear: '2024-25', submittedOn: '2026-01-15T09:00:00.000Z', source: 'user' }],
        inYearAdjustment: { id: 9873562901, amount: 123.45, relatedTaxYear: '2024-25', submittedOn: '2026-01-15T09:00:00.000Z', source: 'user' },
      },
    });
    expect((await api.get(`${CODING()}?source=latest`)).body).toEqual(got.body);
    expect((await api.get(`${CODING()}?source=hmrcHeld`)).status).toBe(404);
    expect((await api.get(CODING('2023-24'))).status).toBe(404);
    const twice = await api.put(CODING(), { taxCodeComponents: { debt: [{ id: 7, amount: 1 }, { id: 7, amount: 2 }] } });
    expect(twice.body).toEqual({ code: 'RULE_DUPLICATE_ID_NOT_ALLOWED', message: 'The request data contains duplicate ID values.', paths: ['/taxCodeComponents/debt/1/id'] });
    expect((await api.delete(CODING())).status).toBe(204);
    expect((await api.delete(CODING())).status).toBe(404);
    // The amendment window for 2024-25 closes on 31 January 2027.
    moveTo(e, '2027-02-01T09:00:00Z');
    expect((await client(e, await fresh(e), '4.0').put(CODING(), AMOUNTS)).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
  });

  it('opts out of coding out and back in, per tax year', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '4.0');
    const status = async (year: string) => (await api.get(`${CODING(year)}/coding-out/status`)).body;
    expect(await status('2025-26')).toEqual({ processingDate: '2026-01-15T09:00:00.000Z', nino: NINO, taxYear: '2025-26', optOutIndicator: false });
    expect((await api.post(`${CODING('2025-26')}/coding-out/opt-in`)).body.code).toBe('RULE_ALREADY_OPTED_IN');
    expect((await api.post(`${CODING('2025-26')}/coding-out/opt-out`)).status).toBe(204);
    expect((await status('2025-26')).optOutIndicator).toBe(true);
    expect((await status('2024-25')).optOutIndicator).toBe(false);
    expect((await api.post(`${CODING('2025-26')}/coding-out/opt-out`)).body.code).toBe('RULE_ALREADY_OPTED_OUT');
    expect((await api.post(`${CODING('2025-26')}/coding-out/opt-in`)).status).toBe(204);
    expect((await status('2025-26')).optOutIndicator).toBe(false);
    expect((await api.post(`${CODING('2025-27')}/coding-out/opt-out`)).body.code).toBe('FORMAT_TAX_YEAR');
  });
});
