/**
 * Where the sign-up pages live: under HMRC's own path for the service
 * (`www.tax.service.gov.uk/report-quarterly/income-and-expenses/sign-up`).
 */
export const SIGN_UP_PATH = '/report-quarterly/income-and-expenses/sign-up';
