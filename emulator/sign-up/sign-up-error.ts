/**
 * Why a sign-up cannot go ahead. The control API renders these as `{"error": code, "message": …}`;
 * the pages show the message in a GOV.UK error summary or on an HMRC-style page.
 */
export type SignUpErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'not_an_agent'
  | 'wrong_account_type'
  | 'client_not_matched'
  | 'already_signed_up'
  | 'sign_up_pending'
  | 'no_nino';

const STATUS: Record<SignUpErrorCode, number> = {
  invalid_request: 400,
  not_found: 404,
  not_an_agent: 403,
  wrong_account_type: 403,
  client_not_matched: 403,
  already_signed_up: 409,
  sign_up_pending: 409,
  no_nino: 422,
};

export class SignUpError extends Error {
  readonly status: number;
  constructor(
    readonly code: SignUpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignUpError';
    this.status = STATUS[code];
  }
}
