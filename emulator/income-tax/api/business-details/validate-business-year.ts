import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest } from '../../../gateway/api.js';
import { requireIncomeTaxAccess } from '../../../mtd/mtd-access.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * The path checks the per-business, per-tax-year Business Details endpoints share, in HMRC's order: the NINO's
 * format (400 FORMAT_NINO) before who may see it (403 CLIENT_OR_AGENT_NOT_AUTHORISED), then the business ID and
 * tax year together (400 FORMAT_BUSINESS_ID, FORMAT_TAX_YEAR, RULE_TAX_YEAR_NOT_SUPPORTED before `minimum`).
 */
export async function validateBusinessYear(req: ApiRequest, ctx: EmulatorContext, minimum?: number): Promise<{ nino: string; businessId: string; taxYear: number }> {
  const { nino, businessId } = req.params as { nino: string; businessId: string };
  const first = new MtdValidation();
  first.nino(nino);
  first.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);
  const v = new MtdValidation();
  v.businessId(businessId);
  const taxYear = v.taxYear(req.params.taxYear!, { minimum });
  v.throwIfAny();
  return { nino, businessId, taxYear: taxYear! };
}
