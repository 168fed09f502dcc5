/** A Government Gateway account, as the emulator keeps it. */
export type AffinityGroup = 'Individual' | 'Organisation' | 'Agent';

export interface Enrolment {
  /** HMRC's enrolment key, e.g. `HMRC-MTD-IT`, `HMRC-MTD-VAT`, `HMRC-AS-AGENT`. */
  key: string;
  identifiers: Array<{ key: string; value: string }>;
}

export interface Address {
  line1: string;
  line2: string;
  postcode: string;
}

export interface Account {
  /** 12 digits: the Government Gateway user ID. */
  userId: string;
  /** scrypt hash of the password; see password.ts. */
  passwordHash: string;
  affinityGroup: AffinityGroup;
  userFullName: string;
  emailAddress: string;
  groupIdentifier: string;
  individualDetails?: { firstName: string; lastName: string; dateOfBirth: string; address: Address } | undefined;
  organisationDetails?: { name: string; address: Address } | undefined;
  /** HMRC service names the account was created with (Create Test User `serviceNames`). */
  serviceNames: string[];
  /** Identifiers generated for those services, flattened as Create Test User returns them (nino, saUtr, vrn, …). */
  identifiers: Record<string, string>;
  enrolments: Enrolment[];
  /** 50, 200 or 250. Test users have 250; a lower level sends the production journey through identity checks. */
  confidenceLevel: number;
  /**
   * 2-step verification as set up on the account; undefined = not set up yet (the production
   * journey then asks the user to register a method). `totpSecret` is base32, for authenticator apps.
   */
  twoStepVerification?: { method: 'text' | 'voice' | 'app'; phoneNumber?: string | undefined; totpSecret?: string | undefined } | undefined;
  /** Which journey this account goes through, overriding the emulator's `journey` option. */
  journey?: 'sandbox' | 'production' | undefined;
  /** Locked by HMRC (not by failed sign-ins, which the journey counts separately): sign-in always fails. */
  locked?: boolean | undefined;
  /** The named persona this account was seeded from, if any. */
  persona?: string | undefined;
}
