import { mtd } from '../../../mtd/mtd-errors.js';

/**
 * Individual Calculations 8.0 `Gov-Test-Scenario` values (trigger.yaml, list.yaml, retrieve.yaml,
 * submit_final_declaration.yaml) and the errors the error scenarios simulate. All are 400s in 8.0.
 */
export const TRIGGER_SCENARIOS = [
  'NO_INCOME_SUBMISSIONS_EXIST',
  'FINAL_DECLARATION_RECEIVED',
  'INCOME_SOURCES_CHANGED',
  'RECENT_SUBMISSIONS_EXIST',
  'RESIDENCY_CHANGED',
  'CALCULATION_IN_PROGRESS',
  'BUSINESS_VALIDATION_FAILURE',
  'TAX_YEAR_NOT_ENDED',
] as const;
export const LIST_SCENARIOS = ['NOT_FOUND', 'DYNAMIC'] as const;
export const RETRIEVE_SCENARIOS = [
  'NOT_FOUND',
  'ERROR_MESSAGES_EXIST',
  'UK_MULTIPLE_INCOMES_EXAMPLE',
  'UK_PROP_DIVIDENDS_EXAMPLE',
  'UK_PROP_GIFTAID_EXAMPLE',
  'UK_PROP_SAVINGS_EXAMPLE',
  'UK_SE_GIFTAID_EXAMPLE',
  'UK_SE_SAVINGS_EXAMPLE',
  'SCOT_SE_DIVIDENDS_EXAMPLE',
  'DYNAMIC',
] as const;
export const SUBMIT_SCENARIOS = [
  'OUTSIDE_AMENDMENT_WINDOW',
  'FINAL_DECLARATION_IN_PROGRESS',
  'FINAL_DECLARATION_RECEIVED',
  'FINAL_DECLARATION_TAX_YEAR',
  'INCOME_SOURCES_CHANGED',
  'INCOME_SOURCES_INVALID',
  'NO_INCOME_SUBMISSIONS_EXIST',
  'RECENT_SUBMISSIONS_EXIST',
  'RESIDENCY_CHANGED',
  'SUBMISSION_FAILED',
  'TAX_YEAR_NOT_SUPPORTED',
  'NOT_FOUND',
] as const;

/**
 * HMRC's default ("N/A - DEFAULT", "Simulates success response"): trigger answers HMRC's example calculation ID and
 * stores nothing; list shows that calculation, an in-year one, for the requested year; retrieve shows any ID's
 * calculation over a self-employment profit of {@link DEFAULT_PROFIT}; submit succeeds. Its timestamps are the
 * 20 April after the tax year (emulator's choice, as DYNAMIC's).
 */
export const DEFAULT_CALCULATION_ID = 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c';
export const DEFAULT_PROFIT = 30_000;
export const cannedCalculationTime = (taxYear: number): number => Date.parse(`${taxYear + 1}-04-20T09:35:15.094Z`);

export const calculationErrors = {
  NO_INCOME_SUBMISSIONS_EXIST: () => mtd(400, 'RULE_NO_INCOME_SUBMISSIONS_EXIST', 'No income submissions exist for the tax year'),
  FINAL_DECLARATION_RECEIVED: () => mtd(400, 'RULE_FINAL_DECLARATION_RECEIVED', 'Final declaration has already been received'),
  INCOME_SOURCES_CHANGED: () => mtd(400, 'RULE_INCOME_SOURCES_CHANGED', 'Income sources data has changed. Trigger a new calculation'),
  RECENT_SUBMISSIONS_EXIST: () => mtd(400, 'RULE_RECENT_SUBMISSIONS_EXIST', 'More recent submissions exist. Trigger a new calculation'),
  RESIDENCY_CHANGED: () => mtd(400, 'RULE_RESIDENCY_CHANGED', 'Residency has changed. Trigger a new calculation'),
  CALCULATION_IN_PROGRESS: () => mtd(400, 'RULE_CALCULATION_IN_PROGRESS', 'A calculation is in progress. Please wait before triggering a new calculation'),
  BUSINESS_VALIDATION_FAILURE: () => mtd(400, 'RULE_BUSINESS_VALIDATION_FAILURE', 'Business validation rule failures'),
  TAX_YEAR_NOT_ENDED: () => mtd(400, 'RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
  OUTSIDE_AMENDMENT_WINDOW: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  FINAL_DECLARATION_IN_PROGRESS: () => mtd(400, 'RULE_FINAL_DECLARATION_IN_PROGRESS', 'There is a calculation in progress for the tax year'),
  FINAL_DECLARATION_TAX_YEAR: () => mtd(400, 'RULE_FINAL_DECLARATION_TAX_YEAR', 'The final declaration cannot be submitted until after the end of the tax year'),
  INCOME_SOURCES_INVALID: () => mtd(400, 'RULE_INCOME_SOURCES_INVALID', 'No valid income sources could be found'),
  SUBMISSION_FAILED: () => mtd(400, 'RULE_SUBMISSION_FAILED', 'The submission cannot be completed due to validation failures'),
  TAX_YEAR_NOT_SUPPORTED: () => mtd(400, 'RULE_TAX_YEAR_NOT_SUPPORTED', 'The tax year specified does not lie within the supported range'),
  CALCULATION_TYPE_NOT_ALLOWED: () => mtd(400, 'RULE_CALCULATION_TYPE_NOT_ALLOWED', 'The provided calculation type is not applicable for this tax year'),
  PREMATURE_FINALISATION: () => mtd(400, 'RULE_PREMATURE_FINALISATION', 'Finalisation cannot occur until after the end of the tax year'),
  DECLARATION_NOT_RECEIVED: () => mtd(400, 'RULE_DECLARATION_NOT_RECEIVED', 'The final declaration has not been received'),
};

/** Income used for the canned `*_EXAMPLE` retrieve scenarios: a trading profit, the emulator's calculation over it. */
export const EXAMPLE_PROFIT: Record<string, number> = {
  UK_MULTIPLE_INCOMES_EXAMPLE: 45_000,
  UK_PROP_DIVIDENDS_EXAMPLE: 28_000,
  UK_PROP_GIFTAID_EXAMPLE: 32_000,
  UK_PROP_SAVINGS_EXAMPLE: 24_000,
  UK_SE_GIFTAID_EXAMPLE: 38_000,
  UK_SE_SAVINGS_EXAMPLE: 41_000,
  SCOT_SE_DIVIDENDS_EXAMPLE: 52_000,
};
