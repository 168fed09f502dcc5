import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest } from '../../../gateway/api.js';
import type { StoredBusiness, TaxpayerState } from '../../model.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { requireIncomeTaxAccess } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import { readShape, type ObjectShape } from './body-shape.js';

/**
 * What every Property Business 6.0 endpoint does first: the NINO's format (before access, as HMRC looks the NINO up to
 * authorise), access (own NINO or a main or supporting agent: shared/mtd-access.ts), then the other path parameters
 * together: business ID, tax year (within the endpoint's range: RULE_TAX_YEAR_NOT_SUPPORTED), submission ID (a UUID),
 * period ID (`from_to`), property ID (a UUID, also as the `propertyId` query parameter).
 */
export interface PropertyPath {
  nino: string;
  businessId: string;
  taxYear: number;
  submissionId: string;
  periodId: string;
  propertyId: string | undefined;
}

const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PROPERTY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PERIOD_ID = /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;

export const propertyErrors = {
  taxYearNotSupported: () => mtd(400, 'RULE_TAX_YEAR_NOT_SUPPORTED', 'The tax year specified does not lie within the supported range'),
  typeOfBusinessIncorrect: () => mtd(400, 'RULE_TYPE_OF_BUSINESS_INCORRECT', 'The businessId is for a different type of business'),
  outsideAmendmentWindow: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  notFound: () => mtdFailures.matchingResourceNotFound(),
};

export async function propertyPath(req: ApiRequest, ctx: EmulatorContext, range: { minimum?: number; maximum?: number } = {}): Promise<PropertyPath> {
  const p = req.params;
  const nino = p.nino!;
  const v = new MtdValidation();
  v.nino(nino);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);
  if (p.businessId !== undefined) v.businessId(p.businessId);
  const taxYear = p.taxYear === undefined ? undefined : v.taxYear(p.taxYear, { rangeMessage: 'Tax year range invalid. A tax year range of one year is required', ...(range.minimum ? { minimum: range.minimum } : {}) });
  if (taxYear !== undefined && range.maximum !== undefined && taxYear > range.maximum) v.add({ code: 'RULE_TAX_YEAR_NOT_SUPPORTED', message: 'The tax year specified does not lie within the supported range' });
  if (p.submissionId !== undefined && !SUBMISSION_ID.test(p.submissionId)) v.add({ code: 'FORMAT_SUBMISSION_ID', message: 'The provided Submission ID is invalid' });
  if (p.periodId !== undefined && !PERIOD_ID.test(p.periodId)) v.add({ code: 'FORMAT_PERIOD_ID', message: 'The provided period id is invalid' });
  const propertyId = p.propertyId ?? queryParam(req.query, 'propertyId');
  if (propertyId !== undefined && (propertyId === null || !PROPERTY_ID.test(propertyId))) v.add({ code: 'FORMAT_PROPERTY_ID', message: 'The provided property ID is invalid' });
  v.throwIfAny();
  return { nino, businessId: p.businessId ?? '', taxYear: taxYear ?? 0, submissionId: p.submissionId ?? '', periodId: p.periodId ?? '', propertyId: propertyId ?? undefined };
}

/** A JSON body read against its shape, then checked by the endpoint's rules; format errors come before rules. */
export function propertyBody(req: ApiRequest, shape: ObjectShape, rules: (body: Record<string, unknown>) => MtdErrorDetail[] = () => []): Record<string, unknown> {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const read = readShape(shape, body, '', v) as Record<string, unknown> | undefined;
  v.throwIfAny();
  for (const rule of rules(read!)) v.add(rule);
  v.throwIfAny();
  return read!;
}

export type PropertyType = 'uk-property' | 'foreign-property';

/**
 * The taxpayer's property business with that ID: 404 MATCHING_RESOURCE_NOT_FOUND when there is none, 400
 * RULE_TYPE_OF_BUSINESS_INCORRECT when the ID is another kind of business. A business created as
 * `property-unspecified` counts as UK property.
 */
export function propertyBusiness(state: TaxpayerState, businessId: string, type: PropertyType): StoredBusiness {
  const business = state.businesses.find((b) => b.details.businessId === businessId);
  if (!business) throw propertyErrors.notFound();
  const actual = business.details.typeOfBusiness === 'property-unspecified' ? 'uk-property' : business.details.typeOfBusiness;
  if (actual !== type) throw propertyErrors.typeOfBusinessIncorrect();
  return business;
}

/** The year's final declaration closes its submissions (RULE_OUTSIDE_AMENDMENT_WINDOW). */
export function requireAmendable(state: TaxpayerState, taxYear: number): void {
  if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw propertyErrors.outsideAmendmentWindow();
}
