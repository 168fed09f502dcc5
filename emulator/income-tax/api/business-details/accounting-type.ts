import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { accountingTypeOf } from '../../model.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { mtd, mtdError, mtdErrors, mtdFailures } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { validateBusinessYear } from './validate-business-year.js';

/**
 * Retrieve (`read:self-assessment`, 200 `{accountingType}`) and Update (`write:self-assessment`, 204) Accounting Type,
 * Business Details 2.0, `/{nino}/{businessId}/{taxYear}/accounting-type`; stateful as HMRC documents. `CASH` or
 * `ACCRUAL`; a business created through test support with `ACCRUALS` reads as `ACCRUAL`, one without as `CASH`.
 * Update: tax years from 2024-25 (HMRC: "The minimum tax year in Sandbox is 2024-25"), and not once the year's final
 * declaration is in (400 RULE_OUTSIDE_AMENDMENT_WINDOW: "can be used … before their Final Declaration").
 * HMRC's default (no header, `data: sandbox`): Retrieve answers HMRC's example, `ACCRUAL`; Update succeeds and
 * stores nothing.
 */
const GET_SCENARIOS = ['NOT_FOUND'] as const;
const PUT_SCENARIOS = ['NOT_FOUND', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const outsideAmendmentWindow = () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window');

export async function retrieveAccountingType(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'DEFAULT') return { status: 200, body: { accountingType: 'ACCRUAL' } };
  const business = (await ctx.incomeTax.read(vendorOf(req), nino)).businesses.find((b) => b.details.businessId === businessId);
  if (!business) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: { accountingType: accountingTypeOf(business, taxYear) } };
}

export async function updateAccountingType(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx, 2024);
  const accountingType = jsonObjectBody(req).accountingType;
  if (accountingType !== 'CASH' && accountingType !== 'ACCRUAL') throw mtdErrors([mtdError.incorrectOrEmptyBody(['/accountingType'])]);
  const scenario = testScenario(req, ctx, PUT_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'OUTSIDE_AMENDMENT_WINDOW') throw outsideAmendmentWindow();
  if (scenario === 'DEFAULT') return { status: 204 };
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId);
    if (!business) throw mtdFailures.matchingResourceNotFound();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw outsideAmendmentWindow();
    business.accountingTypes = [...(business.accountingTypes ?? []).filter((a) => a.taxYear !== taxYear), { taxYear, accountingType }];
  });
  return { status: 204 };
}
