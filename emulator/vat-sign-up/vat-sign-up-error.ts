/**
 * Why a VAT sign-up cannot go ahead. The control API answers these as `{"error": code, "message": …}`;
 * the pages show the message on an HMRC-style page.
 */
export type VatSignUpErrorCode = 'invalid_request' | 'not_found' | 'wrong_account_type' | 'known_facts_mismatch' | 'already_signed_up' | 'sign_up_pending';

const STATUS: Record<VatSignUpErrorCode, 400 | 403 | 404 | 409> = {
  invalid_request: 400,
  not_found: 404,
  wrong_account_type: 403,
  known_facts_mismatch: 403,
  already_signed_up: 409,
  sign_up_pending: 409,
};

export class VatSignUpError extends Error {
  readonly status: 400 | 403 | 404 | 409;
  constructor(
    readonly code: VatSignUpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VatSignUpError';
    this.status = STATUS[code];
  }
}
