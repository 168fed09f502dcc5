/**
 * A business's sign-up to Making Tax Digital for VAT, as the emulator keeps it (one per VRN at a time).
 * `pending` until the approval is due on the virtual clock, then `approved`: the signing account gains
 * `HMRC-MTD-VAT` and the VAT API accepts the VRN. See docs/vat-sign-up.md and decision 0015.
 */
export type VatSignUpStatus = 'pending' | 'approved';

/** HMRC's business types (vat-sign-up-frontend `BusinessEntity`), the few the emulator asks about. */
export const BUSINESS_TYPES = [
  { id: 'sole-trader', text: 'Sole trader' },
  { id: 'limited-company', text: 'Limited company' },
  { id: 'partnership', text: 'Partnership' },
  { id: 'other', text: 'Other' },
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number]['id'];

/** HMRC: "Select if you want to be contacted by email or letters only" (`digital` = Email, `paper` = Letters). */
export type VatContactPreference = 'digital' | 'paper';

export interface VatSignUp {
  /** `VSU` + 10 digits, e.g. `VSU0000000001`. */
  id: string;
  vrn: string;
  status: VatSignUpStatus;
  /** The Government Gateway user ID that signed up, which gains `HMRC-MTD-VAT` on approval. */
  userId: string;
  businessType: BusinessType;
  businessName: string;
  /** Companies House number (limited companies only). */
  companyNumber?: string | undefined;
  email: string;
  contactPreference: VatContactPreference;
  /** Virtual time, ISO-8601. */
  submittedAt: string;
  approvalDueAt: string;
  approvedAt?: string | undefined;
}

/** The answers of one signed-in session, as the pages collect them. */
export interface VatAnswers {
  vrn?: string | undefined;
  vatRegistrationDate?: string | undefined;
  /** Set once the VRN, registration date and postcode matched HMRC's known facts. */
  knownFactsMatched?: boolean | undefined;
  businessType?: BusinessType | undefined;
  businessName?: string | undefined;
  companyNumber?: string | undefined;
  email?: string | undefined;
  contactPreference?: VatContactPreference | undefined;
}
