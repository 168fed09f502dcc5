import type { EmulatorContext } from '../../../context.js';
import { PlatformError } from '../../../errors/platform-error.js';
import type { ApiRequest, ApiResponse, Endpoint } from '../../../gateway/api.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { isoDate, taxYearEnded, taxYearLabel } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import { accountErrors } from './accounts-query.js';
import { parseCodingOut, type TaxCodeComponents } from './coding-out-body.js';

/**
 * Self Assessment Accounts 4.0, coding out: Retrieve, Create or Amend and Delete Coding Out Underpayments and Debt
 * Amounts (`/{nino}/{taxYear}/collection/tax-code`), Retrieve Coding Out Status, Opt Out of and Opt In to Coding Out
 * (`…/tax-code/coding-out/status|opt-out|opt-in`). Stored per vendor, NINO and tax year (HMRC's sandbox documents
 * these as stateful under `STATEFUL`).
 *
 * Rules: tax years from 2019-20, the sandbox's minimum (RULE_TAX_YEAR_NOT_SUPPORTED; the opt-in and opt-out endpoints
 * document only FORMAT_TAX_YEAR, so any bad tax year is that there). Amounts may be submitted only once the tax year
 * has ended (RULE_TAX_YEAR_NOT_ENDED), and changed or deleted until the Self Assessment amendment window closes, 31
 * January a year after the filing deadline (RULE_OUTSIDE_AMENDMENT_WINDOW, the emulator's reading). An ID used twice
 * in one list is RULE_DUPLICATE_ID_NOT_ALLOWED. The sandbox holds no HMRC-held amounts: `source=hmrcHeld` is 404, as
 * HMRC documents; `latest` is what the customer submitted. Nobody has opted out until they do; opting out twice is
 * RULE_ALREADY_OPTED_OUT, opting in when not opted out RULE_ALREADY_OPTED_IN. HMRC's "up to 30 December" and "not
 * after the final declaration" limits on opting out have no documented error, so the emulator does not enforce them.
 */
const MINIMUM = 2019;
const SOURCES = ['hmrcHeld', 'user', 'latest'];
const e = {
  notSupported: { code: 'RULE_TAX_YEAR_NOT_SUPPORTED', message: 'The specified tax year is not supported. Either the tax year specified is before the minimum tax year value, or it is after the maximum tax year value.' } satisfies MtdErrorDetail,
  notEnded: () => mtd(400, 'RULE_TAX_YEAR_NOT_ENDED', 'The submission has been made before the taxYear it relates to has ended.'),
  outsideWindow: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  duplicateId: (paths?: string[]) => new PlatformError(400, 'RULE_DUPLICATE_ID_NOT_ALLOWED', 'The request data contains duplicate ID values.', {}, paths ? { paths } : {}),
  codingOutNotFound: () => mtd(404, 'MATCHING_RESOURCE_NOT_FOUND', 'Matching resource not found.'),
  businessPartner: () => mtd(400, 'RULE_BUSINESS_PARTNER_NOT_EXIST', 'Provided NINO is not registered as business partner.'),
  contractObject: () => mtd(400, 'RULE_ITSA_CONTRACT_OBJECT_NOT_EXIST', 'ITSA contract object does not exist.'),
  alreadyOptedIn: () => mtd(400, 'RULE_ALREADY_OPTED_IN', 'Customer is already opted in to coding out'),
  alreadyOptedOut: () => mtd(400, 'RULE_ALREADY_OPTED_OUT', 'Customer is already opted out of coding out'),
};

export function codingOutEndpoints(base: string): Endpoint[] {
  const path = `${base}/:taxYear/collection/tax-code`;
  const read = ['read:self-assessment'];
  const write = ['write:self-assessment'];
  return [
    { method: 'GET', path, auth: 'user', scopes: read, handler: retrieve },
    { method: 'PUT', path, auth: 'user', scopes: write, handler: createOrAmend },
    { method: 'DELETE', path, auth: 'user', scopes: write, handler: remove },
    { method: 'GET', path: `${path}/coding-out/status`, auth: 'user', scopes: read, handler: status },
    { method: 'POST', path: `${path}/coding-out/opt-out`, auth: 'user', scopes: write, handler: (req, ctx) => optOut(req, ctx, true) },
    { method: 'POST', path: `${path}/coding-out/opt-in`, auth: 'user', scopes: write, handler: (req, ctx) => optOut(req, ctx, false) },
  ];
}

/** NINO and tax year checked; `formatOnly` reports any bad tax year as FORMAT_TAX_YEAR. */
async function prelude(req: ApiRequest, ctx: EmulatorContext, o: { formatOnly?: boolean; more?: (v: MtdValidation) => void } = {}): Promise<{ nino: string; taxYear: number }> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino, accountErrors.formatNino.message);
  const raw = req.params.taxYear!;
  const format = 'The format of the supplied taxYear value is invalid.';
  let taxYear: number | undefined;
  if (o.formatOnly) {
    taxYear = new MtdValidation().taxYear(raw);
    if (taxYear === undefined) v.add({ code: 'FORMAT_TAX_YEAR', message: format });
  } else {
    taxYear = v.taxYear(raw, { formatMessage: format, rangeMessage: 'A taxYear range of one year is required.' });
    if (taxYear !== undefined && taxYear < MINIMUM) v.add(e.notSupported);
  }
  o.more?.(v);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino, { mainAgentOnly: true });
  return { nino, taxYear: taxYear! };
}

/** Changes are allowed until 31 January a year after the filing deadline (the emulator's reading). */
const windowClosed = (taxYear: number, now: number): boolean => isoDate(now) > `${taxYear + 3}-01-31`;

function item(component: { id: number; amount: number }, taxYear: number, submittedOn: string, source: 'user' | 'hmrcHeld'): Record<string, unknown> {
  return { id: component.id, amount: component.amount, relatedTaxYear: taxYearLabel(taxYear), submittedOn, source };
}

function retrieveBody(components: TaxCodeComponents, taxYear: number, submittedOn: string, source: 'user' | 'hmrcHeld'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const list of ['payeUnderpayment', 'selfAssessmentUnderpayment', 'debt'] as const) {
    const items = components[list];
    if (items?.length) out[list] = items.map((c) => item(c, taxYear, submittedOn, source));
  }
  if (components.inYearAdjustment) out.inYearAdjustment = item(components.inYearAdjustment, taxYear, submittedOn, source);
  return { taxCodeComponents: out };
}

/** HMRC's example amounts, for the default answers. */
const EXAMPLE: TaxCodeComponents = {
  payeUnderpayment: [{ id: 1234567890, amount: 2000.5 }],
  selfAssessmentUnderpayment: [{ id: 4657839807, amount: 1123.45 }],
  debt: [{ id: 2134693857, amount: 100.25 }],
  inYearAdjustment: { id: 9873562901, amount: 123.45 },
};

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const source = queryParam(req.query, 'source');
  const { nino, taxYear } = await prelude(req, ctx, {
    more: (v) => {
      if (source !== undefined && (typeof source !== 'string' || !SOURCES.includes(source))) v.add({ code: 'FORMAT_SOURCE', message: 'The format of the supplied source is not valid.' });
    },
  });
  const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'DEFAULT') return { status: 200, body: retrieveBody(EXAMPLE, taxYear, `${taxYear + 1}-07-06T09:37:17.000Z`, source === 'hmrcHeld' ? 'hmrcHeld' : 'user') };
  if (source === 'hmrcHeld') throw e.codingOutNotFound();
  const stored = (await ctx.incomeTax.read(vendorOf(req), nino)).codingOut?.find((c) => c.taxYear === taxYear);
  if (!stored) throw e.codingOutNotFound();
  return { status: 200, body: retrieveBody(stored.body.taxCodeComponents as TaxCodeComponents, taxYear, new Date(stored.submittedAt).toISOString(), 'user') };
}

async function createOrAmend(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, taxYear } = await prelude(req, ctx);
  const now = ctx.clock.now();
  const { components, duplicates } = parseCodingOut(req);
  if (!taxYearEnded(taxYear, now)) throw e.notEnded();
  const scenario = testScenario(req, ctx, ['DUPLICATE_ID_NOT_ALLOWED', 'OUTSIDE_AMENDMENT_WINDOW'] as const);
  if (scenario === 'DUPLICATE_ID_NOT_ALLOWED') throw e.duplicateId();
  if (scenario === 'OUTSIDE_AMENDMENT_WINDOW') throw e.outsideWindow();
  if (scenario === 'DEFAULT') return { status: 204 };
  if (duplicates.length) throw e.duplicateId(duplicates);
  if (windowClosed(taxYear, now)) throw e.outsideWindow();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    state.codingOut = [...(state.codingOut ?? []).filter((c) => c.taxYear !== taxYear), { taxYear, body: { taxCodeComponents: { ...components } }, submittedAt: now }];
  });
  return { status: 204 };
}

async function remove(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, ['OUTSIDE_AMENDMENT_WINDOW', 'NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw e.codingOutNotFound();
  if (scenario === 'OUTSIDE_AMENDMENT_WINDOW') throw e.outsideWindow();
  if (scenario === 'DEFAULT') return { status: 204 };
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    if (!state.codingOut?.some((c) => c.taxYear === taxYear)) throw e.codingOutNotFound();
    if (windowClosed(taxYear, now)) throw e.outsideWindow();
    state.codingOut = state.codingOut.filter((c) => c.taxYear !== taxYear);
  });
  return { status: 204 };
}

async function status(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, ['BUSINESS_PARTNER_NOT_EXIST', 'ITSA_CONTRACT_OBJECT_NOT_EXIST'] as const);
  if (scenario === 'BUSINESS_PARTNER_NOT_EXIST') throw e.businessPartner();
  if (scenario === 'ITSA_CONTRACT_OBJECT_NOT_EXIST') throw e.contractObject();
  const now = new Date(ctx.clock.now()).toISOString();
  if (scenario === 'DEFAULT') return { status: 200, body: { processingDate: now, nino, taxYear: taxYearLabel(taxYear), optOutIndicator: true } };
  const set = (await ctx.incomeTax.read(vendorOf(req), nino)).codingOutStatus?.find((s) => s.taxYear === taxYear);
  return { status: 200, body: { processingDate: now, nino, taxYear: taxYearLabel(taxYear), optOutIndicator: set?.optOut ?? false } };
}

async function optOut(req: ApiRequest, ctx: EmulatorContext, out: boolean): Promise<ApiResponse> {
  const { nino, taxYear } = await prelude(req, ctx, { formatOnly: true });
  const already = out ? 'ALREADY_OPTED_OUT' : 'ALREADY_OPTED_IN';
  const scenario = testScenario(req, ctx, ['BUSINESS_PARTNER_NOT_EXIST', 'ITSA_CONTRACT_OBJECT_NOT_EXIST', already] as const);
  if (scenario === 'BUSINESS_PARTNER_NOT_EXIST') throw e.businessPartner();
  if (scenario === 'ITSA_CONTRACT_OBJECT_NOT_EXIST') throw e.contractObject();
  if (scenario === already) throw out ? e.alreadyOptedOut() : e.alreadyOptedIn();
  if (scenario === 'DEFAULT') return { status: 204 };
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const current = state.codingOutStatus?.find((s) => s.taxYear === taxYear)?.optOut ?? false;
    if (current === out) throw out ? e.alreadyOptedOut() : e.alreadyOptedIn();
    state.codingOutStatus = [...(state.codingOutStatus ?? []).filter((s) => s.taxYear !== taxYear), { taxYear, optOut: out, changedAt: now }];
  });
  return { status: 204 };
}
