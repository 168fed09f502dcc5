import { addDays } from '../../tax-year.js';

/**
 * Retrieve ITSA Penalties' canned answers, one per documented `Gov-Test-Scenario`, built from a few late submission
 * (points, the threshold of 4 for quarterly reporting, £200 each from the threshold on) and late payment penalties
 * (LPP1 2% at day 15 and 2% more at day 30; LPP2 4% a year from day 31). The emulator does not levy penalties, so the
 * stateful answer is the no-penalties body, `{}`, as HMRC's no_penalties example.
 */
export const PENALTY_SCENARIOS = [
  'NO_PENALTIES',
  'LATE_SUBMISSION',
  'LATE_PAYMENT',
  'MULTIPLE_PENALTIES',
  'MULTIPLE_LATE_PAYMENT_PENALTIES',
  'MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES',
  'THRESHOLD_LATE_SUBMISSION_PENALTIES',
  'CHARGE_LATE_SUBMISSION_PENALTIES',
] as const;
export type PenaltyScenario = (typeof PENALTY_SCENARIOS)[number] | 'DEFAULT';

type Json = Record<string, unknown>;
const QUARTERS: Array<[period: string, start: string, end: string, due: string]> = [
  ['24P1', '2024-04-06', '2024-07-05', '2024-08-07'],
  ['24P2', '2024-07-06', '2024-10-05', '2024-11-07'],
  ['24P3', '2024-10-06', '2025-01-05', '2025-02-07'],
  ['24P4', '2025-01-06', '2025-04-05', '2025-05-07'],
  ['25P1', '2025-04-06', '2025-07-05', '2025-08-07'],
];

/** A late submission penalty for the n-th quarter above: a point, or from the threshold on a £200 charge too. */
function lateSubmission(n: number, o: { status?: 'active' | 'inactive'; category?: 'point' | 'threshold' | 'charge' } = {}): Json {
  const [period, start, end, due] = QUARTERS[n]!;
  const created = `${due.slice(0, 8)}14`;
  const expiry = `${Number(created.slice(0, 4)) + 2}${created.slice(4)}`;
  const category = o.category ?? 'point';
  return {
    penaltyNumber: `1234567890${String(1230 + n)}`,
    penaltyOrder: String(n + 1).padStart(2, '0'),
    penaltyCategory: category,
    penaltyStatus: o.status ?? 'active',
    penaltyCreationDate: created,
    penaltyExpiryDate: expiry,
    ...(o.status === 'inactive' ? { expiryReason: 'natural-expiry' } : {}),
    communicationsDate: created,
    lateSubmissions: [
      { lateSubmissionId: String(101 + n), incomeSource: 'Income Tax Liability', taxPeriod: period, taxReturnStatus: 'fulfilled', taxPeriodStartDate: start, taxPeriodEndDate: end, taxPeriodDueDate: due, returnReceiptDate: `${due.slice(0, 8)}13` },
    ],
    ...(category === 'point' ? {} : { chargeReference: `XP00128639483${n}`, chargeAmount: 200, chargeOutstandingAmount: 200, chargeDueDate: addDays(created, 30) }),
  };
}

function latePayment(category: 'lpp1' | 'lpp2', status: 'accruing' | 'posted'): Json {
  const posted = status === 'posted';
  const amount = category === 'lpp1' ? 80 : 12.33;
  return {
    principalChargeReference: 'XM002610011594',
    penaltyCategory: category,
    penaltyStatus: status,
    penaltyAmountAccruing: posted ? 0 : amount,
    penaltyAmountPosted: posted ? amount : 0,
    ...(posted ? { penaltyAmountPaid: 0, penaltyAmountOutstanding: amount, penaltyChargeCreationDate: '2025-03-17', penaltyChargeReference: 'XP298765432109', penaltyChargeDueDate: '2025-04-16', communicationsDate: '2025-03-17' } : {}),
    ...(category === 'lpp1'
      ? { latePaymentPenalty1LowerRateCalculationAmount: 2000, latePaymentPenalty1LowerRatePercentage: 2, latePaymentPenalty1HigherRateCalculationAmount: 2000, latePaymentPenalty1HigherRatePercentage: 2 }
      : { latePaymentPenalty2Days: 56, latePaymentPenalty2Percentage: 4 }),
    principalChargeDocNumber: '261234560001',
    principalChargeBillingFrom: '2023-04-06',
    principalChargeBillingTo: '2024-04-05',
    principalChargeDueDate: '2025-01-31',
    ...(posted ? { principalChargeLatestClearing: '2025-03-15' } : {}),
  };
}

function body(lsps: Json[], lpps: Json[]): Json {
  const active = lsps.filter((p) => p.penaltyStatus === 'active');
  const charged = lsps.reduce((a, p) => a + (typeof p.chargeAmount === 'number' ? p.chargeAmount : 0), 0);
  const sum = (key: string): number => Math.round(lpps.reduce((a, p) => a + (p[key] as number), 0) * 100) / 100;
  return {
    totalisations: { lateSubmissionPenaltyTotalValue: charged, penalisedPrincipalTotal: lpps.length ? 4000 : 0, latePaymentPenaltyPostedTotal: sum('penaltyAmountPosted'), latePaymentPenaltyEstimateTotal: sum('penaltyAmountAccruing') },
    ...(lsps.length ? { lateSubmissionPenalty: { summary: { activePenaltyPoints: active.length, inactivePenaltyPoints: lsps.length - active.length, regimeThreshold: 4, penaltyChargeAmount: charged }, details: lsps } } : {}),
    ...(lpps.length ? { latePaymentPenalty: { details: lpps } } : {}),
  };
}

export function penalties(scenario: PenaltyScenario | 'STATEFUL'): Json {
  switch (scenario) {
    case 'DEFAULT':
      return body([lateSubmission(0, { status: 'inactive' }), lateSubmission(1)], [latePayment('lpp1', 'posted')]);
    case 'LATE_SUBMISSION':
      return body([lateSubmission(1)], []);
    case 'LATE_PAYMENT':
      return body([], [latePayment('lpp1', 'accruing')]);
    case 'MULTIPLE_PENALTIES':
      return body([lateSubmission(1)], [latePayment('lpp1', 'posted')]);
    case 'MULTIPLE_LATE_PAYMENT_PENALTIES':
      return body([], [latePayment('lpp1', 'posted'), latePayment('lpp2', 'accruing')]);
    case 'MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES':
      return body([lateSubmission(0, { status: 'inactive' }), lateSubmission(1, { status: 'inactive' })], []);
    case 'THRESHOLD_LATE_SUBMISSION_PENALTIES':
      return body([lateSubmission(0), lateSubmission(1), lateSubmission(2), lateSubmission(3, { category: 'threshold' })], []);
    case 'CHARGE_LATE_SUBMISSION_PENALTIES':
      return body([lateSubmission(0), lateSubmission(1), lateSubmission(2), lateSubmission(3, { category: 'threshold' }), lateSubmission(4, { category: 'charge' })], []);
    default:
      return {};
  }
}
