import { PageError } from '../../errors/page-error.js';
import { Refusal } from '../../errors/refusal.js';
import { VAT_SERVICE_NAME } from './kit.js';
import { VAT_SIGN_UP_PATH } from './paths.js';

/**
 * Why a VAT sign-up cannot go ahead. The control API answers these as `{"error": code, "message": …}`;
 * the pages show the message on an HMRC-style page (`toPage`).
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

/** The page's heading for each refusal. */
const TITLE: Record<VatSignUpErrorCode, string> = {
  invalid_request: 'You cannot sign up',
  not_found: 'You cannot sign up',
  wrong_account_type: 'You cannot sign up',
  known_facts_mismatch: 'You cannot sign up',
  already_signed_up: 'Your business is already signed up',
  sign_up_pending: 'Your sign-up is being processed',
};

export class VatSignUpError extends Refusal<VatSignUpErrorCode> {
  declare readonly status: 400 | 403 | 404 | 409;
  constructor(code: VatSignUpErrorCode, message: string) {
    super(code, message, STATUS[code]);
    this.name = 'VatSignUpError';
  }

  /** The page's heading `data-testid` is the code in kebab case, e.g. `already-signed-up`. */
  toPage(): PageError {
    return new PageError(this.status, {
      title: TITLE[this.code],
      serviceName: VAT_SERVICE_NAME,
      paragraphs: [this.message],
      actions: [{ text: 'Start again', href: VAT_SIGN_UP_PATH, testid: 'start-again' }],
      testid: this.code.replace(/_/g, '-'),
    });
  }
}
