import { PageError } from '../errors/page-error.js';
import { Refusal } from '../errors/refusal.js';
import { SIGN_UP_PATH } from './paths.js';
import { SERVICE_NAME } from './steps/kit.js';

/**
 * Why a sign-up cannot go ahead. The control API renders these as `{"error": code, "message": …}`;
 * the pages show the message in a GOV.UK error summary or on an HMRC-style page (`toPage`).
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

/** The page's heading for each refusal. */
const TITLE: Record<SignUpErrorCode, string> = {
  invalid_request: 'You cannot sign up',
  not_found: 'You cannot sign up',
  not_an_agent: 'You cannot sign up',
  wrong_account_type: 'You cannot sign up',
  client_not_matched: 'You cannot sign up',
  already_signed_up: 'Already signed up',
  sign_up_pending: 'Sign-up being processed',
  no_nino: 'You cannot sign up',
};

export class SignUpError extends Refusal<SignUpErrorCode> {
  constructor(code: SignUpErrorCode, message: string) {
    super(code, message, STATUS[code]);
    this.name = 'SignUpError';
  }

  toPage(): PageError {
    return new PageError(this.status, {
      title: TITLE[this.code],
      serviceName: SERVICE_NAME.individual,
      paragraphs: [this.message],
      actions: [{ text: 'Start again', href: SIGN_UP_PATH, testid: 'start-again' }],
    });
  }
}
