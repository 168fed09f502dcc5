import { mtdError, mtdErrors, type MtdErrorDetail } from './mtd-errors.js';

/**
 * Format validation shared by the Income Tax APIs (HMRC `api-shared` resolvers `ResolveNino`,
 * `ResolveTaxYear`, `ResolveBusinessId`, `ResolveIsoDate`). Every problem is collected, then thrown
 * together: one error alone, several as `INVALID_REQUEST` (mtd-errors.ts).
 *
 * - NINO: "2 letters, 6 numbers and a letter (A, B, C, or D)", without HMRC's never-issued prefixes.
 * - Tax year: `YYYY-YY`; the two years must be consecutive (RULE_TAX_YEAR_RANGE_INVALID); each API has
 *   a minimum (RULE_TAX_YEAR_NOT_SUPPORTED).
 * - Business ID: `^X[A-Z0-9]IS[0-9]{11}$`.
 * - Dates: `YYYY-MM-DD`, a real calendar date between 1900 and 2099.
 */
export const NINO = /^((?!(BG|GB|KN|NK|NT|TN|ZZ)|(D|F|I|Q|U|V)[A-Z]|[A-Z](D|F|I|O|Q|U|V))[A-Z]{2})[0-9]{6}[A-D]$/;
const BUSINESS_ID = /^X[A-Z0-9]IS[0-9]{11}$/;
const TAX_YEAR = /^20[1-9][0-9]-[1-9][0-9]$/;
const DATE = /^(19|20)\d\d-\d\d-\d\d$/;

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export class MtdValidation {
  readonly errors: MtdErrorDetail[] = [];

  /** Adds an error; one with the same code and message as an earlier one only adds its paths (HMRC merges them). */
  add(error: MtdErrorDetail): void {
    const same = this.errors.find((e) => e.code === error.code && e.message === error.message);
    if (!same) this.errors.push({ ...error });
    else if (error.paths) same.paths = [...(same.paths ?? []), ...error.paths];
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  nino(value: string, message?: string): boolean {
    if (NINO.test(value)) return true;
    this.add(mtdError.formatNino(message));
    return false;
  }

  /** Returns the tax year's start year when valid. */
  taxYear(value: string, options: { minimum?: number; formatMessage?: string; rangeMessage?: string } = {}): number | undefined {
    if (!TAX_YEAR.test(value)) {
      this.add(mtdError.formatTaxYear(options.formatMessage));
      return undefined;
    }
    const start = Number(value.slice(0, 4));
    if (Number(value.slice(5)) !== (start + 1) % 100) {
      this.add(mtdError.taxYearRangeInvalid(options.rangeMessage));
      return undefined;
    }
    if (options.minimum !== undefined && start < options.minimum) {
      this.add(mtdError.taxYearNotSupported());
      return undefined;
    }
    return start;
  }

  businessId(value: string, message?: string): boolean {
    if (BUSINESS_ID.test(value)) return true;
    this.add(mtdError.formatBusinessId(message));
    return false;
  }

  /** Checks a date; adds `error` when it is malformed. */
  date(value: unknown, error: MtdErrorDetail): value is string {
    if (isValidDate(value)) return true;
    this.add(error);
    return false;
  }

  throwIfAny(): void {
    if (this.errors.length) throw mtdErrors(this.errors);
  }
}

/** A single query parameter as a string; repeated or structured parameters count as malformed. */
export function queryParam(query: Record<string, unknown>, name: string): string | undefined | null {
  const v = query[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null;
}
