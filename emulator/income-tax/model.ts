import type { PropertyState } from './property.js';

/**
 * What the emulator remembers about one taxpayer's Income Tax affairs, per developer application
 * ("vendor"): HMRC's sandbox keeps stateful test data against the vendor, so two applications testing
 * the same NINO do not see each other's submissions, and Delete Stateful Test Data removes one
 * vendor's data only.
 */
export type TypeOfBusiness = 'self-employment' | 'uk-property' | 'foreign-property' | 'property-unspecified';
export const TYPES_OF_BUSINESS: readonly TypeOfBusiness[] = ['self-employment', 'uk-property', 'foreign-property', 'property-unspecified'];

/** A business income source, in Business Details' Retrieve shape. */
export interface BusinessDetails {
  businessId: string;
  typeOfBusiness: TypeOfBusiness;
  tradingType?: string;
  tradingName?: string;
  yearOfMigration?: string;
  firstAccountingPeriodStartDate?: string;
  firstAccountingPeriodEndDate?: string;
  latencyDetails?: { latencyEndDate: string; taxYear1: string; latencyIndicator1: 'A' | 'Q'; taxYear2: string; latencyIndicator2: 'A' | 'Q' };
  accountingPeriods?: Array<{ start: string; end: string }>;
  quarterlyTypeChoice?: { quarterlyPeriodType: 'standard' | 'calendar'; taxYearOfChoice: string };
  commencementDate?: string;
  cessationDate?: string;
  businessAddressLineOne?: string;
  businessAddressLineTwo?: string;
  businessAddressLineThree?: string;
  businessAddressLineFour?: string;
  businessAddressPostcode?: string;
  businessAddressCountryCode?: string;
}

export interface StoredBusiness {
  details: BusinessDetails;
  /** CASH or ACCRUALS, when created through the test-support API. */
  accountingType?: string | undefined;
  /** Accounting types set per tax year through Business Details' Update Accounting Type. */
  accountingTypes?: Array<{ taxYear: number; accountingType: 'CASH' | 'ACCRUAL' }>;
  /** Periods of account declared per tax year through Business Details (self-employment only). */
  periodsOfAccount?: Array<{ taxYear: number; submittedOn: string; periodsOfAccount: boolean; periodsOfAccountDates?: Array<{ startDate: string; endDate: string }> }>;
  /** An election to disapply the late accounting date rule, from this tax year for five years. */
  ladrElection?: { taxYear: number } | undefined;
}

/** The accounting type for a tax year: as updated for that year, else as created (ACCRUALS → ACCRUAL), else CASH. */
export function accountingTypeOf(business: StoredBusiness, taxYear: number): 'CASH' | 'ACCRUAL' {
  const set = business.accountingTypes?.find((a) => a.taxYear === taxYear)?.accountingType;
  return set ?? (business.accountingType === 'ACCRUALS' ? 'ACCRUAL' : 'CASH');
}

/** Whether the business ID is one of the taxpayer's self-employment businesses (property businesses share the summaries' store). */
export const isSelfEmployment = (state: TaxpayerState, businessId: string): boolean =>
  state.businesses.some((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment');

/** A self-employment cumulative period summary for one business and tax year, as last submitted. */
export interface CumulativeSummary {
  businessId: string;
  taxYear: number;
  body: Record<string, unknown>;
  /** Every submission's period end and time (virtual ms): obligations are fulfilled from these. */
  submissions: Array<{ periodEndDate: string; submittedAt: number }>;
}

/** A self-employment period summary (tax years before 2025-26): one standalone period, `periodId` = `start_end`. */
export interface PeriodSummary {
  businessId: string;
  taxYear: number;
  periodId: string;
  body: Record<string, unknown> & { periodDates: { periodStartDate: string; periodEndDate: string } };
  submittedAt: number;
}

/** A self-employment annual submission (adjustments, allowances, non-financials) for one business and tax year. */
export interface AnnualSubmission {
  businessId: string;
  taxYear: number;
  body: Record<string, unknown>;
  submittedAt: number;
}

export type TriggerCalculationType = 'in-year' | 'intent-to-finalise' | 'intent-to-amend';
export type CalculationType = TriggerCalculationType | 'final-declaration' | 'confirm-amendment';

export interface Calculation {
  calculationId: string;
  taxYear: number;
  calculationType: CalculationType;
  /** Who asked (the document says `customer` either way, as HMRC's does). */
  requestedBy: 'customer' | 'agent';
  requestedAt: number;
  /** The calculation can be retrieved from this instant (virtual ms). */
  readyAt: number;
  /** The submissions the calculation was run over, frozen at trigger time. */
  summaries: CumulativeSummary[];
  annuals?: AnnualSubmission[];
  businesses: BusinessDetails[];
  /** Losses and claims of the tax year, frozen at trigger time. */
  lossesAndClaims?: LossesAndClaims[];
  /** Accounting adjustments made through BSAS for the tax year, frozen at trigger time. */
  bsasAdjustments?: BsasAdjustment[];
}

/** Brought-forward losses and loss claims for one business and tax year (Individual Losses 7.0), as last submitted. */
export interface LossesAndClaims {
  businessId: string;
  taxYear: number;
  body: { claims?: Record<string, Record<string, unknown>>; losses?: { broughtForwardLosses?: number } };
  submittedAt: number;
}

/**
 * A business source adjustable summary (BSAS 7.0), triggered for one business's accounting period: the business's
 * submissions for the year, frozen at trigger time. A later one for the same business and year supersedes it.
 */
/** BSAS's business source types: a business's type, or the FHL part of a UK or foreign property business (to 2024-25). */
export type BsasTypeOfBusiness = TypeOfBusiness | 'uk-property-fhl' | 'foreign-property-fhl-eea';

export interface BsasSummary {
  calculationId: string;
  businessId: string;
  typeOfBusiness: BsasTypeOfBusiness;
  taxYear: number;
  accountingPeriod: { startDate: string; endDate: string };
  requestedAt: number;
  summary?: CumulativeSummary | undefined;
  annual?: AnnualSubmission | undefined;
}

/** An accounting adjustment submitted against a business source adjustable summary (BSAS 7.0). */
export interface BsasAdjustment {
  calculationId: string;
  businessId: string;
  taxYear: number;
  /** The summary's type (FHL and non-FHL adjustments of one property business both count); absent: self-employment. */
  typeOfBusiness?: BsasTypeOfBusiness;
  /**
   * The adjustments in Retrieve's shape: `income`, `expenses`, `additions` (self-employment), a property's `income` and
   * `expenses`, a foreign property's `countryLevelDetail` or `propertyLevelDetail`, or `zeroAdjustments`.
   */
  body: Record<string, unknown>;
  submittedAt: number;
}

export interface FinalDeclaration {
  taxYear: number;
  calculationId: string;
  declaredAt: number;
}

/** One entry of a test ITSA status (Self Assessment Test Support, Create and Amend Test ITSA Status). */
export interface ItsaStatusDetail {
  submittedOn: string;
  status: string;
  statusReason: string;
  businessIncome2YearsPrior?: number;
}

export interface TaxpayerState {
  nino: string;
  businesses: StoredBusiness[];
  cumulative: CumulativeSummary[];
  /** Period summaries, for tax years before 2025-26. */
  periods?: PeriodSummary[];
  annual?: AnnualSubmission[];
  calculations: Calculation[];
  finalDeclarations: FinalDeclaration[];
  /** Test ITSA statuses by tax year (start year); none means MTD Mandated. */
  itsaStatuses?: Array<{ taxYear: number; details: ItsaStatusDetail[] }>;
  /** Property Business submissions kept apart from self-employment's (income-tax/property.ts). */
  property?: PropertyState;
  /** Individual Losses: brought-forward losses and claims per business and tax year. */
  lossesAndClaims?: LossesAndClaims[];
  /** BSAS: the adjustable summaries triggered, and the adjustments made to them. */
  bsas?: BsasSummary[];
  bsasAdjustments?: BsasAdjustment[];
  /** Self Assessment Accounts: payments recorded through the control API, coding out per tax year (sa-ledger.ts). */
  saPayments?: SaPayment[];
  codingOut?: CodingOutAmounts[];
  codingOutStatus?: CodingOutStatus[];
}

/** A payment the taxpayer made to HMRC, recorded through `POST /_emulator/income-tax/{clientId}/{nino}/sa-payments`. */
export interface SaPayment {
  /** `paymentLot` and `paymentLotItem` identify the payment; the lot is 12 digits, the item `000001`. */
  paymentLot: string;
  paymentLotItem: string;
  amount: number;
  /** The day HMRC received it (`YYYY-MM-DD`). */
  receivedOn: string;
  /** e.g. `DEBIT CARD`, `BACS RECEIPTS`. */
  method: string;
  reference: string;
  recordedAt: number;
}

/** Coding out amounts the customer submitted for a tax year (Self Assessment Accounts, Create or Amend Coding Out). */
export interface CodingOutAmounts {
  taxYear: number;
  body: { taxCodeComponents: Record<string, unknown> };
  submittedAt: number;
}

/** Whether the customer opted out of coding out for a tax year (Opt Out of / Opt In to Coding Out). */
export interface CodingOutStatus {
  taxYear: number;
  optOut: boolean;
  changedAt: number;
}

/** The ITSA status in force for a tax year: the latest submitted, or MTD Mandated when none was set. */
export function itsaStatusOf(state: TaxpayerState, taxYear: number): string {
  const details = state.itsaStatuses?.find((s) => s.taxYear === taxYear)?.details ?? [];
  return [...details].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn)).pop()?.status ?? 'MTD Mandated';
}

export interface Checkpoint {
  checkpointId: string;
  vendor: string;
  nino: string;
  createdAt: number;
  state: TaxpayerState;
}
