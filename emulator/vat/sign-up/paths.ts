/**
 * Where the VAT sign-up pages live: under HMRC's own path for the service
 * (`www.tax.service.gov.uk/vat-through-software/sign-up`, hmrc/vat-sign-up-frontend).
 */
export const VAT_SIGN_UP_PATH = '/vat-through-software/sign-up';
