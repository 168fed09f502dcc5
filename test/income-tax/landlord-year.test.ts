import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, TEST_PASSWORD } from '../support.js';
import { client, IT_SCOPES, testSupportToken } from '../http/income-tax-fixtures.js';
import { addIndividual } from '../http/sign-up-support.js';

/**
 * A landlord who is also self-employed goes through the 2026-27 tax year the way vendor software would take them:
 * signed up to Making Tax Digital for Income Tax, software linked with a real OAuth grant (and refreshed as the year
 * goes on), four cumulative quarterly updates for the UK property business and for the self-employment, each
 * fulfilling its obligation on the virtual clock, an annual adjustment, a brought-forward loss, the calculation,
 * intent to finalise, the final declaration, and the balance in Self Assessment Accounts, part paid in two payments.
 * Every figure is worked out by hand in the comments.
 */
const NINO = 'PE938808A';
const USER = '900000000002';
const YEAR = '2026-27';
const QUARTERS = ['2026-07-05', '2026-10-05', '2027-01-05', '2027-04-05'];

const moveTo = (e: Emulator, iso: string) => e.context.clock.advance(Date.parse(iso) - e.context.clock.now());

/** The software's link: an access token and the refresh token it keeps, refreshed whenever it has gone stale. */
class Link {
  constructor(
    private readonly e: Emulator,
    private refreshToken: string,
    public accessToken: string,
  ) {}

  static async make(e: Emulator): Promise<Link> {
    const { code } = await authorize(e, { userId: USER, password: TEST_PASSWORD, scope: IT_SCOPES });
    const res = await exchange(e, code!);
    expect(res.status).toBe(200);
    return new Link(e, res.body.refresh_token as string, res.body.access_token as string);
  }

  async refresh(): Promise<void> {
    const res = await request(this.e.app).post('/oauth/token').type('form').send({ grant_type: 'refresh_token', refresh_token: this.refreshToken, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(res.status, res.text).toBe(200);
    this.refreshToken = res.body.refresh_token as string;
    this.accessToken = res.body.access_token as string;
  }

  api(version: string) {
    return client(this.e, this.accessToken, version);
  }
}

describe('a landlord with a self-employment through the 2026-27 tax year', () => {
  it('submits the year, finalises it and sees the balancing charge and payments on account in Self Assessment Accounts', async () => {
    const e = await emulator({ data: 'realistic' });

    // Signed up: an individual with a NINO, approved through the control API's sign-up shortcut.
    await addIndividual(e, USER, NINO);
    const signUp = await request(e.app).post('/_emulator/sign-ups').send({ userId: USER, outcome: 'approved' });
    expect(signUp.body).toMatchObject({ journey: 'individual', status: 'approved' });

    // Linked: the taxpayer grants the software access on the sign-in pages; the software keeps the refresh token.
    let link = await Link.make(e);

    // Both businesses set up through test support (HMRC's stateful sandbox lists only those the vendor created), then
    // found as the software would find them, through Business Details.
    const support = client(e, await testSupportToken(e), '1.0');
    const address = { businessAddressLineOne: '45 Springfield Rise', businessAddressPostcode: 'G1 1AA', businessAddressCountryCode: 'GB' };
    expect((await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'self-employment', tradingName: 'Newton Joinery', ...address })).status).toBe(201);
    expect((await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'uk-property' })).status).toBe(201);
    const list = (await link.api('2.0').get(`/individuals/business/details/${NINO}/list`)).body.listOfBusinesses as Array<{ businessId: string; typeOfBusiness: string }>;
    expect(list.map((b) => b.typeOfBusiness).sort()).toEqual(['self-employment', 'uk-property']);
    const selfEmployment = list.find((b) => b.typeOfBusiness === 'self-employment')!.businessId;
    const property = list.find((b) => b.typeOfBusiness === 'uk-property')!.businessId;

    const obligations = async (typeOfBusiness: string, businessId: string): Promise<string[]> => {
      const res = await link.api('3.0').get(`/obligations/details/${NINO}/income-and-expenditure?typeOfBusiness=${typeOfBusiness}&businessId=${businessId}&fromDate=2026-04-06&toDate=2027-04-05`);
      expect(res.status).toBe(200);
      return (res.body.obligations[0].obligationDetails as Array<{ status: string }>).map((d) => d.status);
    };

    // Four quarters, each sent five days after it ends, cumulative from 6 April:
    // self-employment £12,000 turnover and £3,000 expenses a quarter; property £3,000 rent, £500 running costs and
    // £250 repairs a quarter.
    for (const [i, end] of QUARTERS.entries()) {
      const q = i + 1;
      moveTo(e, `${end.slice(0, 8)}10T10:00:00Z`);
      await link.refresh();
      const se = await link.api('5.0').put(`/individuals/business/self-employment/${NINO}/${selfEmployment}/cumulative/${YEAR}`, {
        periodDates: { periodStartDate: '2026-04-06', periodEndDate: end },
        periodIncome: { turnover: 12_000 * q },
        periodExpenses: { consolidatedExpenses: 3_000 * q },
      });
      expect(se.status).toBe(204);
      const uk = await link.api('6.0').put(`/individuals/business/property/uk/${NINO}/${property}/cumulative/${YEAR}`, {
        fromDate: '2026-04-06',
        toDate: end,
        ukProperty: { income: { periodAmount: 3_000 * q }, expenses: { premisesRunningCosts: 500 * q, repairsAndMaintenance: 250 * q } },
      });
      expect(uk.status).toBe(204);
      const expected = ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'].map((s, j) => (j < q ? s : 'open'));
      expect(await obligations('self-employment', selfEmployment)).toEqual(expected);
      expect(await obligations('uk-property', property)).toEqual(expected);
    }

    // After the year: the accountant's adjustment, £1,500 of annual investment allowance on the self-employment's van,
    // and a £2,000 property loss brought forward from 2025-26.
    const annual = await link.api('5.0').put(`/individuals/business/self-employment/${NINO}/${selfEmployment}/annual/${YEAR}`, { allowances: { annualInvestmentAllowance: 1_500 } });
    expect(annual.status).toBe(204);
    const loss = await link.api('7.0').put(`/individuals/losses/${NINO}/businesses/${property}/loss-claims/${YEAR}`, { losses: { broughtForwardLosses: 2_000 } });
    expect(loss.status).toBe(204);

    // Intent to finalise, retrieved once the calculation is ready (5 seconds on the virtual clock).
    const calcs = link.api('8.0');
    const base = `/individuals/calculations/${NINO}/self-assessment/${YEAR}`;
    const trigger = await calcs.post(`${base}/trigger/intent-to-finalise`);
    expect(trigger.status).toBe(202);
    const calculationId = trigger.body.calculationId as string;
    e.context.clock.advance(5_000);
    const doc = (await calcs.get(`${base}/${calculationId}`)).body.calculation;
    // Self-employment: £48,000 turnover − £12,000 expenses − £1,500 allowance = £34,500 taxable profit.
    // Property: £12,000 rent − (£2,000 + £1,000) expenses = £9,000 profit, less the £2,000 loss brought forward = £7,000.
    const byId = (id: string) => (doc.businessProfitAndLoss as Array<Record<string, unknown>>).find((b) => b.incomeSourceId === id);
    expect(byId(selfEmployment)).toMatchObject({ totalIncome: 48_000, totalExpenses: 12_000, totalDeductions: 1_500, taxableProfit: 34_500 });
    expect(byId(property)).toMatchObject({ totalIncome: 12_000, totalExpenses: 3_000, taxableProfit: 9_000, broughtForwardIncomeTaxLossesUsed: 2_000, taxableProfitAfterIncomeTaxLossesDeduction: 7_000 });
    // Total income £34,500 + £7,000 = £41,500; less the £12,570 personal allowance, £28,930 taxable, all at 20% = £5,786.
    // Class 4 on the self-employment alone: 6% of (£34,500 − £12,570 = £21,930) = £1,315.80.
    // Due: £5,786 + £1,315.80 = £7,101.80.
    expect(doc.taxCalculation.incomeTax).toMatchObject({ totalIncomeReceivedFromAllSources: 41_500, totalTaxableIncome: 28_930, incomeTaxCharged: 5_786 });
    expect(doc.taxCalculation.nics.class4Nics.totalAmount).toBe(1_315.8);
    expect(doc.taxCalculation.totalIncomeTaxAndNicsDue).toBe(7_101.8);

    // The final declaration fulfils the year's final declaration obligation.
    expect((await calcs.post(`${base}/${calculationId}/final-declaration`)).status).toBe(204);
    const crystallisation = await link.api('3.0').get(`/obligations/details/${NINO}/crystallisation?taxYear=${YEAR}`);
    expect(crystallisation.body.obligations[0]).toMatchObject({ status: 'fulfilled' });

    // Self Assessment Accounts: a £7,101.80 balancing charge for 2026-27, due 31 January 2028, and two payments on
    // account towards 2027-28, each half of the bill (£3,550.90), due 31 January and 31 July 2028: £14,203.60 in all.
    const balance = async () => (await link.api('4.0').get(`/accounts/self-assessment/${NINO}/balance-and-transactions?onlyOpenItems=true`)).body;
    const declared = await balance();
    expect(declared.balanceDetails).toMatchObject({ payableAmount: 0, pendingChargeDueAmount: 14_203.6, pendingChargeDueDate: '2028-01-31', overdueAmount: 0, totalBalance: 14_203.6, totalBcdBalance: 7_101.8 });
    expect(declared.documentDetails.map((d: Record<string, unknown>) => [d.documentDescription, d.taxYear, d.documentDate, d.documentDueDate, d.outstandingAmount])).toEqual([
      ['ITSA- Bal Charge', YEAR, '2027-04-10', '2028-01-31', 7_101.8],
      ['ITSA- POA 1', '2027-28', '2027-04-10', '2028-01-31', 3_550.9],
      ['ITSA - POA 2', '2027-28', '2027-04-10', '2028-07-31', 3_550.9],
    ]);

    // £3,000 paid at the end of July 2027 goes to the balancing charge: £7,101.80 − £3,000 = £4,101.80 left on it,
    // £4,101.80 + 2 × £3,550.90 = £11,203.60 in all. The grant given on 15 January 2026
    // lapsed 18 months (547 days) later, on 16 July 2027, so the software asks the taxpayer to authorise it again.
    moveTo(e, '2027-07-31T12:00:00Z');
    await expect(link.refresh()).rejects.toThrow(/refresh_token is invalid/);
    link = await Link.make(e);
    expect((await request(e.app).post(`/_emulator/income-tax/${CLIENT_ID}/${NINO}/sa-payments`).send({ amount: 3_000 })).status).toBe(201);
    expect((await balance()).balanceDetails).toMatchObject({ pendingChargeDueAmount: 11_203.6, totalBalance: 11_203.6, totalBcdBalance: 4_101.8, allocatedCredit: 3_000 });

    // In January 2028 the rest of the balancing charge and the first payment on account are payable within 30 days:
    // £4,101.80 + £3,550.90 = £7,652.70; the second payment on account waits for 31 July. Paying £7,652.70 leaves it.
    moveTo(e, '2028-01-05T12:00:00Z');
    await link.refresh();
    expect((await balance()).balanceDetails).toMatchObject({ payableAmount: 7_652.7, payableDueDate: '2028-01-31', pendingChargeDueAmount: 3_550.9, pendingChargeDueDate: '2028-07-31' });
    expect((await request(e.app).post(`/_emulator/income-tax/${CLIENT_ID}/${NINO}/sa-payments`).send({ amount: 7_652.7 })).status).toBe(201);
    const paid = await link.api('4.0').get(`/accounts/self-assessment/${NINO}/balance-and-transactions?fromDate=2027-04-06&toDate=2028-04-05`);
    // Paid so far £3,000 + £7,652.70 = £10,652.70, all allocated; £3,550.90 still to pay by 31 July 2028.
    expect(paid.body.balanceDetails).toMatchObject({ payableAmount: 0, pendingChargeDueAmount: 3_550.9, totalBalance: 3_550.9, bcdBalancePerYear: [], allocatedCredit: 10_652.7, unallocatedCredit: 0 });
    const payments = (await link.api('4.0').get(`/accounts/self-assessment/${NINO}/payments-and-allocations`)).body.payments as Array<{ paymentAmount: number; allocations: Array<{ chargeReference: string; clearedAmount: number }> }>;
    expect(payments.map((p) => [p.paymentAmount, p.allocations.map((a) => a.clearedAmount)])).toEqual([
      [3_000, [3_000]],
      [7_652.7, [4_101.8, 3_550.9]],
    ]);
  });
});
