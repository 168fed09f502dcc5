import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { TaxpayerState } from '../../model.js';
import { balanceDetails, saLedger, type Ledger } from '../../sa-ledger.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { isoDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { accountDocuments, chargeHistory, paymentWithAllocations } from './account-documents.js';
import { accountErrors, balanceQuery, paymentsQuery } from './accounts-query.js';
import { codingOutEndpoints } from './coding-out.js';
import { PENALTY_SCENARIOS, penalties } from './penalties.js';
import { sampleAccount, SAMPLE_TODAY } from './sample-account.js';

/**
 * Self Assessment Accounts (MTD) 4.0, context `accounts/self-assessment`: the taxpayer's Self Assessment account
 * (balance and transactions, payments and their allocations, a charge's history), coding out (coding-out.ts) and
 * ITSA penalties (penalties.ts). Reads need `read:self-assessment`, writes `write:self-assessment`.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, a sample account (sample-account.ts) run through the
 * same ledger. Stateful with `data: realistic` or `STATEFUL` (HMRC documents STATEFUL for coding out only; the
 * emulator accepts it everywhere): the account the taxpayer's final declarations and recorded payments make
 * (income-tax/sa-ledger.ts), on the virtual clock. An account with nothing on it is 404 MATCHING_RESOURCE_NOT_FOUND,
 * as is a charge or payment not found. The account is the main agent's business: supporting agents are refused
 * (403 CLIENT_OR_AGENT_NOT_AUTHORISED), the emulator's reading of HMRC's guidance that they do not see the client's
 * tax account.
 */
const BASE = '/accounts/self-assessment/:nino';
const read = ['read:self-assessment'];

export const saAccountsApi: Api = {
  name: 'Self Assessment Accounts (MTD)',
  context: 'accounts/self-assessment',
  versions: ['4.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('self-assessment-accounts-api', [
    { method: 'GET', path: `${BASE}/balance-and-transactions`, auth: 'user', scopes: read, handler: balanceAndTransactions },
    { method: 'GET', path: `${BASE}/payments-and-allocations`, auth: 'user', scopes: read, handler: paymentsAndAllocations },
    { method: 'GET', path: `${BASE}/charges/transactionId/:transactionId`, auth: 'user', scopes: read, handler: chargeByTransactionId },
    { method: 'GET', path: `${BASE}/charges/chargeReference/:chargeReference`, auth: 'user', scopes: read, handler: chargeByReference },
    { method: 'GET', path: `${BASE}/charges/:transactionId`, auth: 'user', scopes: read, handler: chargeByTransactionId },
    { method: 'GET', path: `${BASE}/penalties`, auth: 'user', scopes: read, handler: retrievePenalties },
    ...codingOutEndpoints(BASE),
  ]),
};

const TRANSACTION_ID = /^[0-9A-Za-z]{1,12}$/;
const CHARGE_REFERENCE = /^[A-Za-z]{2}[0-9]{12}$/;

/** Validates the NINO (and whatever `more` adds), then checks access: main agents and the taxpayer only. */
async function prelude(req: ApiRequest, ctx: EmulatorContext, more: (v: MtdValidation) => void = () => undefined): Promise<string> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino, accountErrors.formatNino.message);
  more(v);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino, { mainAgentOnly: true });
  return nino;
}

/** The sample account for HMRC's default, else the taxpayer's own, as at the virtual clock. */
async function ledgerFor(req: ApiRequest, ctx: EmulatorContext, nino: string, scenario: string): Promise<{ ledger: Ledger; today: string }> {
  if (scenario === 'DEFAULT') return { ledger: saLedger(sampleAccount(nino), SAMPLE_TODAY), today: isoDate(SAMPLE_TODAY) };
  const state: TaxpayerState = await ctx.incomeTax.read(vendorOf(req), nino);
  const now = ctx.clock.now();
  return { ledger: saLedger(state, now), today: isoDate(now) };
}

async function balanceAndTransactions(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  let filter!: ReturnType<typeof balanceQuery>;
  const nino = await prelude(req, ctx, (v) => (filter = balanceQuery(req, v)));
  const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  const { ledger, today } = await ledgerFor(req, ctx, nino, scenario);
  if (!ledger.charges.length && !ledger.payments.length) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: { balanceDetails: balanceDetails(ledger, today), ...accountDocuments(ledger, filter) } };
}

async function paymentsAndAllocations(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  let query!: ReturnType<typeof paymentsQuery>;
  const nino = await prelude(req, ctx, (v) => (query = paymentsQuery(req, v)));
  const scenario = testScenario(req, ctx, ['NOT_FOUND', 'INVALID_DATE_RANGE'] as const);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'INVALID_DATE_RANGE') throw mtd(400, accountErrors.invalidDateRange.code, accountErrors.invalidDateRange.message);
  const { ledger } = await ledgerFor(req, ctx, nino, scenario);
  const payments = ledger.payments.filter(
    (p) =>
      (!query.from || p.payment.receivedOn >= query.from) &&
      (!query.to || p.payment.receivedOn <= query.to) &&
      (!query.paymentLot || (p.payment.paymentLot === query.paymentLot && p.payment.paymentLotItem === query.paymentLotItem)),
  );
  if (!payments.length) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: { payments: payments.map(paymentWithAllocations) } };
}

async function chargeByTransactionId(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const id = req.params.transactionId!;
  const nino = await prelude(req, ctx, (v) => {
    if (!TRANSACTION_ID.test(id)) v.add({ code: 'FORMAT_TRANSACTION_ID', message: 'The format of the supplied transaction identifier field is not valid' });
  });
  return history(req, ctx, nino, (c) => c.documentId === id);
}

async function chargeByReference(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const reference = req.params.chargeReference!;
  const nino = await prelude(req, ctx, (v) => {
    if (!CHARGE_REFERENCE.test(reference)) v.add({ code: 'FORMAT_CHARGE_REFERENCE', message: 'The provided charge reference is invalid' });
  });
  return history(req, ctx, nino, (c) => c.chargeReference.toUpperCase() === reference.toUpperCase());
}

async function history(req: ApiRequest, ctx: EmulatorContext, nino: string, match: (c: Ledger['charges'][number]) => boolean): Promise<ApiResponse> {
  const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  const { ledger } = await ledgerFor(req, ctx, nino, scenario);
  // HMRC's default answers whatever charge is asked for; the sample account has one.
  const charge = scenario === 'DEFAULT' ? ledger.charges[0] : ledger.charges.find(match);
  if (!charge) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: chargeHistory(charge) };
}

async function retrievePenalties(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  await prelude(req, ctx);
  return { status: 200, body: penalties(testScenario(req, ctx, PENALTY_SCENARIOS)) };
}
