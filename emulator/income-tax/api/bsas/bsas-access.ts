import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest } from '../../../gateway/api.js';
import type { BsasAdjustment, BsasSummary, TaxpayerState } from '../../model.js';
import { taxYearLabel } from '../../tax-year.js';
import { requireIncomeTaxAccess } from '../../../mtd/mtd-access.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

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

const CALCULATION_ID = /^([0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/** The path of a retrieve or adjust: NINO, calculation ID and tax year formats, then access. */
export async function bsasPath(req: ApiRequest, ctx: EmulatorContext): Promise<{ nino: string; calculationId: string; taxYear: number }> {
  const v = new MtdValidation();
  const nino = await bsasAccess(req, ctx, v);
  const calculationId = req.params.calculationId!;
  if (!CALCULATION_ID.test(calculationId)) v.add({ code: 'FORMAT_CALCULATION_ID', message: 'The provided calculation ID is invalid' });
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  v.throwIfAny();
  return { nino, calculationId, taxYear: taxYear! };
}

/** `valid`, or `superseded` once a later summary exists for the same business (FHL part or not) and tax year. */
export function summaryStatus(state: TaxpayerState, summary: BsasSummary): 'valid' | 'superseded' {
  const later = (state.bsas ?? []).some(
    (b) => b.businessId === summary.businessId && b.typeOfBusiness === summary.typeOfBusiness && b.taxYear === summary.taxYear && b.requestedAt > summary.requestedAt,
  );
  return later ? 'superseded' : 'valid';
}


/** A retrieved summary's `metadata`, the same for every type of business. */
export function summaryMetadata(summary: BsasSummary, nino: string, status: string, adjustment: BsasAdjustment | undefined): Record<string, unknown> {
  return {
    calculationId: summary.calculationId,
    requestedDateTime: new Date(summary.requestedAt).toISOString(),
    ...(adjustment ? { adjustedDateTime: new Date(adjustment.submittedAt).toISOString() } : {}),
    nino,
    taxYear: taxYearLabel(summary.taxYear),
    summaryStatus: status,
  };
}
