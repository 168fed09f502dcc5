/** Path parameters of the Self-Employment Business API: NINO, business ID and tax year, in this API's wording. */
import type { ApiRequest } from '../../../gateway/api.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/** The NINO is checked before access (HMRC looks the NINO up to authorise), the rest after. */
export function requireNinoFormat(nino: string): void {
  const v = new MtdValidation();
  v.nino(nino, 'The NINO format is invalid');
  v.throwIfAny();
}

/** HMRC's Self Employment API words its format errors differently from the other Income Tax APIs. */
export function validatePath(req: ApiRequest, minimum = 2025): { nino: string; businessId: string; taxYear: number } {
  const { nino, businessId, taxYear } = req.params as { nino: string; businessId: string; taxYear: string };
  const v = new MtdValidation();
  v.nino(nino, 'The NINO format is invalid');
  v.businessId(businessId, 'The Business ID format is invalid');
  const year = v.taxYear(taxYear, { minimum, formatMessage: 'The taxYear format is invalid' });
  v.throwIfAny();
  return { nino, businessId, taxYear: year! };
}
