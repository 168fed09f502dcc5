import type { EmulatorContext } from '../../context.js';
import type { ApiRequest } from '../../gateway/api.js';
import type { BsasSummary, TaxpayerState } from '../../income-tax/model.js';
import { requireIncomeTaxAccess } from '../shared/mtd-access.js';
import { MtdValidation } from '../shared/mtd-validation.js';

/** The earliest tax year BSAS serves (2019-20, HMRC's earliest accounting period for self-employment). */
export const MINIMUM_TAX_YEAR = 2019;

/** NINO format, then access (main agents only): every BSAS endpoint starts so. */
export async function bsasAccess(req: ApiRequest, ctx: EmulatorContext, v = new MtdValidation()): Promise<string> {
  const nino = req.params.nino!;
  v.nino(nino);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino, { mainAgentOnly: true });
  return nino;
}

/** `valid`, or `superseded` once a later summary exists for the same business and tax year. */
export function summaryStatus(state: TaxpayerState, summary: BsasSummary): 'valid' | 'superseded' {
  const later = (state.bsas ?? []).some((b) => b.businessId === summary.businessId && b.taxYear === summary.taxYear && b.requestedAt > summary.requestedAt);
  return later ? 'superseded' : 'valid';
}

