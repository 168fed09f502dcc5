import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { TaxpayerState } from '../../model.js';
import { propertyStateOf, type ForeignPropertyDetail } from '../../property.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { taxYearEndDate, taxYearOf, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { propertyBody, propertyBusiness, propertyErrors, propertyPath, requireAmendable } from './property-request.js';
import { foreignDetailsShape } from './property-shapes.js';
import { foreignDetails } from './sandbox-defaults.js';

/**
 * Foreign Property Details (2026-27 on): Create (POST `/foreign/{nino}/{businessId}/details/{taxYear}`, 200
 * `{propertyId}`), Retrieve (GET, the same path, optional `propertyId` query) and Update (PUT
 * `/foreign/{nino}/details/{propertyId}/{taxYear}`, 204). From 2026-27 foreign cumulative summaries and annual
 * submissions name properties by these IDs. A property is listed from the tax year it was created for, and not in
 * the years after its end date. Rules: end date and end reason together (RULE_MISSING_END_DETAILS), within the tax
 * year (RULE_END_DATE_BEFORE_TAX_YEAR_START / …_AFTER_TAX_YEAR_END); one name per country
 * (RULE_DUPLICATE_PROPERTY_NAME); not before the business commenced (RULE_TAX_YEAR_BEFORE_BUSINESS_START) nor after
 * it ceased (RULE_PROPERTY_BUSINESS_CEASED); not once the year is finally declared (RULE_OUTSIDE_AMENDMENT_WINDOW).
 */
const WRITE_SCENARIOS = ['NOT_FOUND', 'DUPLICATE_PROPERTY_NAME', 'TAX_YEAR_BEFORE_BUSINESS_START', 'PROPERTY_BUSINESS_CEASED', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const FIRST = 2026;
const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES = {
  DUPLICATE_PROPERTY_NAME: rule('RULE_DUPLICATE_PROPERTY_NAME', 'Foreign property name already exists for the same country'),
  TAX_YEAR_BEFORE_BUSINESS_START: rule('RULE_TAX_YEAR_BEFORE_BUSINESS_START', 'Foreign property cannot be reported for a tax year before the first tax year of the business'),
  PROPERTY_BUSINESS_CEASED: rule('RULE_PROPERTY_BUSINESS_CEASED', 'Foreign property business income source has ceased'),
  OUTSIDE_AMENDMENT_WINDOW: propertyErrors.outsideAmendmentWindow,
  NOT_FOUND: propertyErrors.notFound,
};

/** The business's foreign properties reported in the tax year. */
export function foreignPropertiesFor(state: TaxpayerState, businessId: string, taxYear: number): ForeignPropertyDetail[] {
  return (state.property?.foreignDetails ?? []).filter((d) => d.businessId === businessId && d.taxYear <= taxYear && !(d.endDate && d.endDate < taxYearStartDate(taxYear)));
}

export const foreignPropertyIds = (state: TaxpayerState, businessId: string, taxYear: number): string[] => foreignPropertiesFor(state, businessId, taxYear).map((d) => d.propertyId);

function endRules(taxYear: number) {
  return (body: Record<string, unknown>): MtdErrorDetail[] => {
    const errors: MtdErrorDetail[] = [];
    if ((body.endDate === undefined) !== (body.endReason === undefined)) errors.push({ code: 'RULE_MISSING_END_DETAILS', message: 'End date and end reason must be supplied together' });
    const end = body.endDate as string | undefined;
    if (end && end < taxYearStartDate(taxYear)) errors.push({ code: 'RULE_END_DATE_BEFORE_TAX_YEAR_START', message: 'The end date is before the start of the tax year', paths: ['/endDate'] });
    if (end && end > taxYearEndDate(taxYear)) errors.push({ code: 'RULE_END_DATE_AFTER_TAX_YEAR_END', message: 'The end date is after the end of the tax year', paths: ['/endDate'] });
    return errors;
  };
}

function checkBusinessYear(state: TaxpayerState, businessId: string, taxYear: number): void {
  const business = propertyBusiness(state, businessId, 'foreign-property').details;
  if (business.commencementDate && taxYearOf(business.commencementDate) > taxYear) throw RULES.TAX_YEAR_BEFORE_BUSINESS_START();
  if (business.cessationDate && business.cessationDate < taxYearStartDate(taxYear)) throw RULES.PROPERTY_BUSINESS_CEASED();
  requireAmendable(state, taxYear);
}

const sameName = (a: ForeignPropertyDetail, name: string, country: string): boolean => a.countryCode === country && a.propertyName.trim().toLowerCase() === name.trim().toLowerCase();

export async function createForeignPropertyDetails(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await propertyPath(req, ctx, { minimum: FIRST });
  const body = propertyBody(req, foreignDetailsShape(true), endRules(taxYear));
  const scenario = testScenario(req, ctx, WRITE_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 200, body: { propertyId: randomUUID() } };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();
  const now = ctx.clock.now();
  const propertyId = await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    checkBusinessYear(state, businessId, taxYear);
    const name = body.propertyName as string;
    const country = body.countryCode as string;
    if (foreignPropertiesFor(state, businessId, taxYear).some((d) => sameName(d, name, country))) throw RULES.DUPLICATE_PROPERTY_NAME();
    const detail: ForeignPropertyDetail = { businessId, propertyId: randomUUID(), taxYear, propertyName: name, countryCode: country, submittedAt: now };
    if (body.endDate) Object.assign(detail, { endDate: body.endDate, endReason: body.endReason });
    propertyStateOf(state).foreignDetails.push(detail);
    return detail.propertyId;
  });
  return { status: 200, body: { propertyId } };
}

export async function retrieveForeignPropertyDetails(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear, propertyId } = await propertyPath(req, ctx, { minimum: FIRST });
  const scenario = testScenario(req, ctx, ['NOT_FOUND'] as const);
  if (scenario === 'NOT_FOUND') throw propertyErrors.notFound();
  if (scenario === 'DEFAULT') return { status: 200, body: foreignDetails(taxYear) };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  propertyBusiness(state, businessId, 'foreign-property');
  const details = foreignPropertiesFor(state, businessId, taxYear).filter((d) => !propertyId || d.propertyId === propertyId);
  if (!details.length) throw propertyErrors.notFound();
  return {
    status: 200,
    body: {
      foreignPropertyDetails: details.map((d) => ({
        submittedOn: new Date(d.submittedAt).toISOString(),
        propertyId: d.propertyId,
        propertyName: d.propertyName,
        countryCode: d.countryCode,
        ...(d.endDate ? { endDate: d.endDate, endReason: d.endReason } : {}),
      })),
    },
  };
}

export async function updateForeignPropertyDetails(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, taxYear, propertyId } = await propertyPath(req, ctx, { minimum: FIRST });
  const body = propertyBody(req, foreignDetailsShape(false), endRules(taxYear));
  const scenario = testScenario(req, ctx, WRITE_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const detail = state.property?.foreignDetails.find((d) => d.propertyId === propertyId && d.taxYear <= taxYear);
    if (!detail) throw propertyErrors.notFound();
    checkBusinessYear(state, detail.businessId, taxYear);
    const name = body.propertyName as string;
    if (foreignPropertiesFor(state, detail.businessId, taxYear).some((d) => d !== detail && sameName(d, name, detail.countryCode))) throw RULES.DUPLICATE_PROPERTY_NAME();
    detail.propertyName = name;
    detail.submittedAt = now;
    if (body.endDate) Object.assign(detail, { endDate: body.endDate, endReason: body.endReason });
    else {
      delete detail.endDate;
      delete detail.endReason;
    }
  });
  return { status: 204 };
}
