import { addDays, addMonths, dueDate } from './vat-dates.js';

/**
 * Retrieve VAT penalties and Retrieve financial details (VAT OAS "Test data"): "twenty-four months' worth of penalty
 * information", so the data is built from the quarters before the virtual clock's date and always looks current.
 *
 * Scenarios: DEFAULT (also no header: two late submission points and two late payment penalties), NO_PENALTIES
 * (`{}`, as HMRC's example), LATE_SUBMISSION, LATE_PAYMENT, MULTIPLE_PENALTIES, MULTIPLE_LATE_PAYMENT_PENALTIES,
 * MULTIPLE_LATE_SUBMISSION_PENALTIES, MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES,
 * THRESHOLD_LATE_SUBMISSION_PENALTIES (the 4th point reaches the quarterly threshold of 4 and a £200 charge),
 * CHARGE_LATE_SUBMISSION_PENALTIES (a 5th point, a second charge). Any other value is 400
 * RULE_INCORRECT_GOV_TEST_SCENARIO, as vat-api's PenaltiesController answers.
 *
 * Charge references embed the VRN (`XS<vrn>004`, `XP<vrn>101`), so that Retrieve financial details can find the
 * charge a penalty names: `^X[a-zA-Z]\d{12}$` (vat-api `ChargeReferenceValidation`).
 */
export const PENALTY_SCENARIOS = [
  'DEFAULT',
  'NO_PENALTIES',
  'LATE_SUBMISSION',
  'LATE_PAYMENT',
  'MULTIPLE_PENALTIES',
  'MULTIPLE_LATE_PAYMENT_PENALTIES',
  'MULTIPLE_LATE_SUBMISSION_PENALTIES',
  'MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES',
  'THRESHOLD_LATE_SUBMISSION_PENALTIES',
  'CHARGE_LATE_SUBMISSION_PENALTIES',
] as const;

export type PenaltyScenario = (typeof PENALTY_SCENARIOS)[number];

interface Quarter {
  start: string;
  end: string;
  due: string;
}

/** The `n`th quarter before the one containing `today` (1 = the last one that ended). */
function quarterBefore(today: string, n: number): Quarter {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const currentStart = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const start = addMonths(currentStart, -3 * n);
  const end = addDays(addMonths(start, 3), -1);
  return { start, end, due: dueDate(end) };
}

const LSP_CHARGE = 200;
const REGIME_THRESHOLD = 4;

interface LateSubmissionPoint {
  penaltyNumber: string;
  penaltyOrder: string;
  penaltyCategory: 'point' | 'threshold' | 'charge';
  penaltyStatus: 'active' | 'inactive';
  penaltyCreationDate: string;
  penaltyExpiryDate: string;
  expiryReason?: string;
  communicationsDate: string;
  lateSubmissions: Array<Record<string, string>>;
  chargeReference?: string;
  chargeAmount?: number;
  chargeOutstandingAmount?: number;
  chargeDueDate?: string;
}

/** Late submission penalty number `n` (1 = the oldest) for the quarter `ago` quarters back. */
function lateSubmission(vrn: string, today: string, n: number, ago: number, kind: 'point' | 'threshold' | 'charge' | 'inactive'): LateSubmissionPoint {
  const q = quarterBefore(today, ago);
  const created = addDays(q.due, 7);
  const inactive = kind === 'inactive';
  const point: LateSubmissionPoint = {
    penaltyNumber: String(n).padStart(5, '0'),
    penaltyOrder: inactive ? 'NA' : String(n),
    penaltyCategory: inactive ? 'point' : kind,
    penaltyStatus: inactive ? 'inactive' : 'active',
    penaltyCreationDate: created,
    penaltyExpiryDate: addMonths(created, 24),
    ...(inactive ? { expiryReason: 'appeal' } : {}),
    communicationsDate: addDays(created, 3),
    lateSubmissions: [
      {
        lateSubmissionID: String(1054500 + n * 100),
        taxReturnStatus: inactive ? 'Reversed' : 'Fulfilled',
        taxPeriodStartDate: q.start,
        taxPeriodEndDate: q.end,
        taxPeriodDueDate: q.due,
        returnReceiptDate: addDays(q.due, 6),
      },
    ],
  };
  if (kind === 'threshold' || kind === 'charge') {
    Object.assign(point, {
      chargeReference: `XS${vrn}${String(n).padStart(3, '0')}`,
      chargeAmount: LSP_CHARGE,
      chargeOutstandingAmount: LSP_CHARGE,
      chargeDueDate: addDays(created, 30),
    });
  }
  return point;
}

interface LatePaymentDetail {
  principalChargeReference: string;
  penaltyCategory: 'LPP1' | 'LPP2';
  penaltyStatus: 'accruing' | 'posted';
  penaltyAmountAccruing: number;
  penaltyAmountPosted: number;
  penaltyAmountPaid: number;
  penaltyAmountOutstanding: number;
  principalChargeDocNumber: string;
  principalChargeBillingFrom: string;
  principalChargeBillingTo: string;
  principalChargeDueDate: string;
  [more: string]: unknown;
}

const PRINCIPAL = 10000;

/** A late payment penalty on the VAT of the quarter `ago` quarters back. LPP1 is 2% at 15 and again at 30 days. */
function latePayment(vrn: string, today: string, n: number, ago: number, category: 'LPP1' | 'LPP2'): LatePaymentDetail {
  const q = quarterBefore(today, ago);
  const posted = category === 'LPP1';
  const created = addDays(q.due, posted ? 30 : 31);
  const amount = posted ? 400 : 30.75;
  return {
    principalChargeReference: `XV${vrn}${String(n).padStart(3, '0')}`,
    penaltyCategory: category,
    penaltyStatus: posted ? 'posted' : 'accruing',
    penaltyAmountAccruing: posted ? 0 : amount,
    penaltyAmountPosted: posted ? amount : 0,
    penaltyAmountPaid: 0,
    penaltyAmountOutstanding: posted ? amount : 0,
    ...(posted
      ? {
          latePaymentPenalty1LowerRateCalculationAmount: PRINCIPAL,
          latePaymentPenalty1LowerRatePercentage: 2,
          latePaymentPenalty1HigherRateCalculationAmount: PRINCIPAL,
          latePaymentPenalty1HigherRatePercentage: 2,
          penaltyChargeReference: `XP${vrn}${String(100 + n)}`,
          penaltyChargeDueDate: addDays(created, 30),
        }
      : { latePaymentPenalty2Days: '31', latePaymentPenalty2Percentage: 4 }),
    penaltyChargeCreationDate: created,
    communicationsDate: addDays(created, 3),
    principalChargeDocNumber: String(10023850 + n),
    principalChargeBillingFrom: q.start,
    principalChargeBillingTo: q.end,
    principalChargeDueDate: q.due,
  };
}

type LspKind = Parameters<typeof lateSubmission>[4];

const PLANS: Record<PenaltyScenario, { lsp: LspKind[]; lpp: Array<'LPP1' | 'LPP2'> }> = {
  DEFAULT: { lsp: ['point', 'point'], lpp: ['LPP1', 'LPP2'] },
  NO_PENALTIES: { lsp: [], lpp: [] },
  LATE_SUBMISSION: { lsp: ['point'], lpp: [] },
  LATE_PAYMENT: { lsp: [], lpp: ['LPP1'] },
  MULTIPLE_PENALTIES: { lsp: ['point'], lpp: ['LPP1'] },
  MULTIPLE_LATE_PAYMENT_PENALTIES: { lsp: [], lpp: ['LPP1', 'LPP2', 'LPP1'] },
  MULTIPLE_LATE_SUBMISSION_PENALTIES: { lsp: ['point', 'point', 'point'], lpp: [] },
  MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES: { lsp: ['inactive', 'inactive'], lpp: [] },
  THRESHOLD_LATE_SUBMISSION_PENALTIES: { lsp: ['point', 'point', 'point', 'threshold'], lpp: [] },
  CHARGE_LATE_SUBMISSION_PENALTIES: { lsp: ['point', 'point', 'point', 'threshold', 'charge'], lpp: [] },
};

const sum = (values: number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/** The penalties body for a scenario: oldest first, as HMRC's example lists them. */
export function penaltiesFor(vrn: string, today: string, scenario: PenaltyScenario): Record<string, unknown> {
  const plan = PLANS[scenario];
  if (!plan.lsp.length && !plan.lpp.length) return {};
  // The newest penalties fall on the quarter before last: its due date and the penalty after it have passed.
  const lsp = plan.lsp.map((kind, i) => lateSubmission(vrn, today, i + 1, plan.lsp.length - i + 1, kind));
  const lpp = plan.lpp.map((category, i) => latePayment(vrn, today, i + 1, plan.lpp.length - i + 1, category));
  const active = lsp.filter((p) => p.penaltyStatus === 'active');
  const charges = sum(lsp.map((p) => p.chargeAmount ?? 0));
  return {
    totalisations: {
      ...(lsp.length ? { lateSubmissionPenaltyTotalValue: charges } : {}),
      ...(lpp.length
        ? {
            penalisedPrincipalTotal: PRINCIPAL,
            latePaymentPenaltyPostedTotal: sum(lpp.map((p) => p.penaltyAmountPosted)),
            latePaymentPenaltyEstimateTotal: sum(lpp.map((p) => p.penaltyAmountAccruing)),
          }
        : {}),
    },
    ...(lsp.length
      ? {
          lateSubmissionPenalty: {
            summary: {
              activePenaltyPoints: active.length,
              inactivePenaltyPoints: lsp.length - active.length,
              periodOfComplianceAchievement: active.length ? addMonths(active.at(-1)!.penaltyCreationDate, 24) : '9999-12-31',
              regimeThreshold: REGIME_THRESHOLD,
              penaltyChargeAmount: charges,
            },
            details: lsp,
          },
        }
      : {}),
    ...(lpp.length ? { latePaymentPenalty: { details: lpp } } : {}),
  };
}

/**
 * Financial details of a charge a penalty names (a late submission `chargeReference` or a posted late payment
 * `penaltyChargeReference`), searched through every scenario's penalties; undefined when none has it.
 */
export function financialDetailsFor(vrn: string, today: string, reference: string): Record<string, unknown> | undefined {
  for (const scenario of PENALTY_SCENARIOS) {
    const body = penaltiesFor(vrn, today, scenario) as {
      lateSubmissionPenalty?: { details: LateSubmissionPoint[] };
      latePaymentPenalty?: { details: LatePaymentDetail[] };
    };
    const lsp = body.lateSubmissionPenalty?.details.find((p) => p.chargeReference === reference);
    if (lsp) return document(today, lsp.penaltyCreationDate, lsp.chargeDueDate!, lsp.chargeAmount!, 'VAT Late Submission Penalty', lsp.lateSubmissions[0]!);
    const lpp = body.latePaymentPenalty?.details.find((p) => p.penaltyChargeReference === reference);
    if (lpp)
      return document(today, lpp.penaltyChargeCreationDate as string, lpp.penaltyChargeDueDate as string, lpp.penaltyAmountPosted, 'VAT Late Payment Penalty 1', {
        taxPeriodStartDate: lpp.principalChargeBillingFrom,
        taxPeriodEndDate: lpp.principalChargeBillingTo,
      });
  }
  return undefined;
}

function document(today: string, posted: string, due: string, amount: number, description: string, period: Record<string, string>): Record<string, unknown> {
  const overdue = due < today;
  return {
    totalisations: { totalOverdue: overdue ? amount : 0, totalNotYetDue: overdue ? 0 : amount, totalBalance: amount, totalCredit: 0, totalCleared: 0 },
    documentDetails: [
      {
        postingDate: posted,
        issueDate: posted,
        documentTotalAmount: amount,
        documentClearedAmount: 0,
        documentOutstandingAmount: amount,
        lineItemDetails: [{ chargeDescription: description, periodFromDate: period.taxPeriodStartDate!, periodToDate: period.taxPeriodEndDate!, netDueDate: due, amount }],
      },
    ],
  };
}
