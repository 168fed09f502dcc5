import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtd } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { annualRules } from './body-rules.js';
import { foreignPropertyIds } from './foreign-property-details.js';
import { propertyBody, propertyBusiness, propertyErrors, propertyPath, requireAmendable, type PropertyType } from './property-request.js';
import { foreignAnnualShape, ukAnnualShape } from './property-shapes.js';
import { foreignAnnual, ukAnnual } from './sandbox-defaults.js';

/**
 * Create and Amend (PUT, 200 without a body, as HMRC documents) and Retrieve (GET, 200) a UK or Foreign Property Business Annual Submission
 * (`/{uk|foreign}/{nino}/{businessId}/annual/{taxYear}`, 2022-23 on), and Delete one of either
 * (`/individuals/business/property/{nino}/{businessId}/annual/{taxYear}`, 204). HMRC's default for Retrieve is
 * "no data found" (404); its named scenarios answer canned submissions; writes succeed without storing. Stateful with
 * `data: realistic` or `STATEFUL`: kept in `TaxpayerState.annual` beside self-employment's, read back with
 * `submittedOn`, and the next calculation takes off its allowances and adds its adjustments
 * (income-tax/property-figures.ts). Not once the year is finally declared (RULE_OUTSIDE_AMENDMENT_WINDOW).
 */
const PUT_SCENARIOS = ['NOT_FOUND', 'TYPE_OF_BUSINESS_INCORRECT', 'PROPERTY_INCOME_ALLOWANCE', 'OUTSIDE_AMENDMENT_WINDOW', 'PROPERTY_ID_MISMATCH'] as const;
const UK_GET_SCENARIOS = ['UK_PROPERTY', 'UK_ALL_OTHER_ALLOWANCES', 'UK_PROPERTY_ALLOWANCE', 'UK_FHL_ALL_OTHER_ALLOWANCES', 'UK_FHL_PROPERTY_ALLOWANCE', 'FOREIGN_PROPERTY'] as const;
const FOREIGN_GET_SCENARIOS = ['FOREIGN_PROPERTY', 'FOREIGN_ALL_OTHER_ALLOWANCES', 'FOREIGN_PROPERTY_ALLOWANCE', 'FOREIGN_FHL_ALL_OTHER_ALLOWANCES', 'FOREIGN_FHL_PROPERTY_ALLOWANCE', 'UK_PROPERTY'] as const;
const DELETE_SCENARIOS = ['NOT_FOUND', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const FIRST = 2022;
const RULES = {
  NOT_FOUND: propertyErrors.notFound,
  TYPE_OF_BUSINESS_INCORRECT: propertyErrors.typeOfBusinessIncorrect,
  OUTSIDE_AMENDMENT_WINDOW: propertyErrors.outsideAmendmentWindow,
  PROPERTY_INCOME_ALLOWANCE: () => mtd(400, 'RULE_PROPERTY_INCOME_ALLOWANCE', 'The propertyIncomeAllowance cannot be submitted if privateUseAdjustment is supplied'),
  PROPERTY_ID_MISMATCH: () => mtd(400, 'RULE_PROPERTY_ID_MISMATCH', 'The supplied property ID is not valid for this income source'),
};

const createAmend =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear } = await propertyPath(req, ctx, { minimum: FIRST });
    const body = propertyBody(req, type === 'uk-property' ? ukAnnualShape(taxYear) : foreignAnnualShape(taxYear), annualRules);
    const scenario = testScenario(req, ctx, type === 'uk-property' ? PUT_SCENARIOS.filter((s) => s !== 'PROPERTY_ID_MISMATCH') : PUT_SCENARIOS);
    if (scenario === 'DEFAULT') return { status: 200 };
    if (scenario !== 'STATEFUL') throw RULES[scenario]();
    const now = ctx.clock.now();
    await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
      propertyBusiness(state, businessId, type);
      requireAmendable(state, taxYear);
      if (type === 'foreign-property' && taxYear >= 2026) {
        const known = foreignPropertyIds(state, businessId, taxYear);
        if ((body.foreignProperty as Array<{ propertyId: string }>).some((p) => !known.includes(p.propertyId))) throw RULES.PROPERTY_ID_MISMATCH();
      }
      state.annual = [...(state.annual ?? []).filter((a) => !(a.businessId === businessId && a.taxYear === taxYear)), { businessId, taxYear, body, submittedAt: now }];
    });
    return { status: 200 };
  };

const retrieve =
  (type: PropertyType) =>
  async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
    const { nino, businessId, taxYear, propertyId } = await propertyPath(req, ctx, { minimum: FIRST });
    const uk = type === 'uk-property';
    const scenario = testScenario<string>(req, ctx, uk ? UK_GET_SCENARIOS : FOREIGN_GET_SCENARIOS);
    if (scenario === 'DEFAULT') throw propertyErrors.notFound();
    if ((uk && scenario === 'FOREIGN_PROPERTY') || (!uk && scenario === 'UK_PROPERTY')) throw propertyErrors.typeOfBusinessIncorrect();
    if (scenario !== 'STATEFUL') {
      const allowance = scenario.endsWith('PROPERTY_ALLOWANCE') ? 'property' : 'other';
      const fhl = scenario.includes('FHL') || scenario === 'UK_PROPERTY' || scenario === 'FOREIGN_PROPERTY';
      return { status: 200, body: uk ? ukAnnual(taxYear, allowance, fhl) : foreignAnnual(taxYear, allowance, fhl) };
    }
    const state = await ctx.incomeTax.read(vendorOf(req), nino);
    propertyBusiness(state, businessId, type);
    const found = state.annual?.find((a) => a.businessId === businessId && a.taxYear === taxYear);
    if (!found) throw propertyErrors.notFound();
    const body: Record<string, unknown> = { submittedOn: new Date(found.submittedAt).toISOString(), ...found.body };
    if (propertyId && !uk) {
      const properties = (body.foreignProperty as Array<{ propertyId?: string }>).filter((p) => p.propertyId === propertyId);
      if (!properties.length) throw propertyErrors.notFound();
      body.foreignProperty = properties;
    }
    return { status: 200, body };
  };

export const createAmendUkAnnual = createAmend('uk-property');
export const retrieveUkAnnual = retrieve('uk-property');
export const createAmendForeignAnnual = createAmend('foreign-property');
export const retrieveForeignAnnual = retrieve('foreign-property');

/** Delete a UK or foreign property annual submission: the business may be either kind of property business. */
export async function deletePropertyAnnual(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await propertyPath(req, ctx, { minimum: FIRST });
  const scenario = testScenario(req, ctx, DELETE_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness !== 'self-employment');
    const before = state.annual?.length ?? 0;
    state.annual = (state.annual ?? []).filter((a) => !(business && a.businessId === businessId && a.taxYear === taxYear));
    if (state.annual.length === before) throw propertyErrors.notFound();
    requireAmendable(state, taxYear);
  });
  return { status: 204 };
}
