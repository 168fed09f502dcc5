import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { taxYearEnded } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { parseLossesAndClaims } from './losses-and-claims-body.js';

/**
 * Individual Losses (MTD) 7.0: Create or Amend (PUT, `write:self-assessment`, 204), Retrieve (GET,
 * `read:self-assessment`) and Delete (DELETE, 204) Losses and Claims,
 * `/individuals/losses/{nino}/businesses/{businessId}/loss-claims/{taxYear}`, tax years from 2026-27.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, writes succeed and store nothing, GET answers HMRC's
 * example. Stateful with `data: realistic` or `STATEFUL`: what is PUT is read back with its `submittedOn`, and the
 * next calculation for the year uses it (income-tax/loss-relief.ts). The business must be one of the taxpayer's
 * (404 otherwise); a carry-back claim for a property business is RULE_CARRY_BACK_CLAIM; claims need the tax year to
 * have ended (RULE_TAX_YEAR_NOT_ENDED) while brought-forward losses alone may be sent in the year (the emulator's
 * choice, so an in-year calculation can show them); nothing changes once the year's final declaration is in
 * (RULE_OUTSIDE_AMENDMENT_WINDOW). Losses are year-end work: supporting agents may only read them (emulator's choice).
 */
const BASE = '/individuals/losses/:nino/businesses/:businessId/loss-claims/:taxYear';
export const individualLossesApi: Api = {
  name: 'Individual Losses (MTD)',
  context: 'individuals/losses',
  versions: ['7.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('individual-losses-api', [
    { method: 'PUT', path: BASE, auth: 'user', scopes: ['write:self-assessment'], handler: createAmend },
    { method: 'GET', path: BASE, auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
    { method: 'DELETE', path: BASE, auth: 'user', scopes: ['write:self-assessment'], handler: remove },
  ]),
};

const MINIMUM = 2026;
const PUT_SCENARIOS = ['NOT_FOUND', 'CARRY_BACK_CLAIM', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const GET_SCENARIOS = ['TERMINAL_LOSS_CLAIM', 'NOT_FOUND'] as const;
const DELETE_SCENARIOS = ['NOT_FOUND', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const ERRORS = {
  NOT_FOUND: () => mtdFailures.matchingResourceNotFound(),
  CARRY_BACK_CLAIM: () => mtd(400, 'RULE_CARRY_BACK_CLAIM', 'Carry back claim type is not valid for property income sources'),
  OUTSIDE_AMENDMENT_WINDOW: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  TAX_YEAR_NOT_ENDED: () => mtd(400, 'RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
};

/** HMRC's examples (retrieve_losses_and_claims.json, retrieve_terminal_loss_claim.json). */
const EXAMPLE = {
  submittedOn: '2026-08-24T14:15:22.544Z',
  claims: {
    carryBack: { previousYearGeneralIncome: 5000.99, earlyYearLosses: 5000.99 },
    carrySideways: { currentYearGeneralIncome: 5000.99 },
    preferenceOrder: { applyFirst: 'carry-sideways' },
    carryForward: { currentYearLosses: 5000.99, previousYearsLosses: 5000.99 },
  },
  losses: { broughtForwardLosses: 5000.99 },
};
const TERMINAL_EXAMPLE = {
  submittedOn: '2026-08-24T14:15:22.544Z',
  claims: {
    carryBack: { previousYearGeneralIncome: 5000.99, earlyYearLosses: 5000.99, terminalLosses: 5000.99 },
    carrySideways: { currentYearGeneralIncome: 5000.99 },
    preferenceOrder: { applyFirst: 'carry-back' },
  },
};

async function prelude(req: ApiRequest, ctx: EmulatorContext, options: { mainAgentOnly?: boolean } = {}): Promise<{ nino: string; businessId: string; taxYear: number }> {
  const { nino, businessId } = req.params as { nino: string; businessId: string };
  const v = new MtdValidation();
  v.nino(nino);
  v.businessId(businessId);
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM });
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino, options);
  return { nino, businessId, taxYear: taxYear! };
}

async function createAmend(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx, { mainAgentOnly: true });
  const body = parseLossesAndClaims(req);
  const scenario = testScenario(req, ctx, PUT_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId)?.details;
    if (!business) throw ERRORS.NOT_FOUND();
    if (body.claims && Object.keys(body.claims).length && !taxYearEnded(taxYear, now)) throw ERRORS.TAX_YEAR_NOT_ENDED();
    if (business.typeOfBusiness !== 'self-employment' && body.claims?.carryBack) throw ERRORS.CARRY_BACK_CLAIM();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
    const others = (state.lossesAndClaims ?? []).filter((l) => !(l.businessId === businessId && l.taxYear === taxYear));
    state.lossesAndClaims = [...others, { businessId, taxYear, body, submittedAt: now }];
  });
  return { status: 204 };
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw ERRORS.NOT_FOUND();
  if (scenario === 'TERMINAL_LOSS_CLAIM') return { status: 200, body: TERMINAL_EXAMPLE };
  if (scenario === 'DEFAULT') return { status: 200, body: EXAMPLE };
  const found = (await ctx.incomeTax.read(vendorOf(req), nino)).lossesAndClaims?.find((l) => l.businessId === businessId && l.taxYear === taxYear);
  if (!found) throw ERRORS.NOT_FOUND();
  return { status: 200, body: { submittedOn: new Date(found.submittedAt).toISOString(), ...found.body } };
}

async function remove(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx, { mainAgentOnly: true });
  const scenario = testScenario(req, ctx, DELETE_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const found = state.lossesAndClaims?.find((l) => l.businessId === businessId && l.taxYear === taxYear);
    if (!found) throw ERRORS.NOT_FOUND();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
    state.lossesAndClaims = state.lossesAndClaims!.filter((l) => l !== found);
  });
  return { status: 204 };
}
