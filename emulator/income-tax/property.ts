import type { TaxpayerState } from './model.js';

/**
 * What the Property Business API (6.0) keeps beyond what it shares with Self Employment. UK and foreign property
 * cumulative summaries (2025-26 on) live in `TaxpayerState.cumulative` and annual submissions in `TaxpayerState.annual`,
 * keyed by the property business's ID, so obligations, calculations, checkpoints and vendor-state reset treat them as
 * they treat self-employment's. Here: period summaries of 2022-23 to 2024-25 (identified by a submission ID),
 * historic FHL and non-FHL submissions of 2017-18 to 2021-22 (identified by NINO and period, without a business ID,
 * as HMRC's historic endpoints are), and foreign property details (2026-27 on).
 */
export interface PropertyPeriodSummary {
  businessId: string;
  taxYear: number;
  submissionId: string;
  /** As submitted: `fromDate`, `toDate` and the income and expenses sections. */
  body: Record<string, unknown> & { fromDate: string; toDate: string };
  submittedAt: number;
}

export type HistoricKind = 'fhl' | 'non-fhl';

export interface HistoricPeriodSummary {
  kind: HistoricKind;
  periodId: string;
  body: Record<string, unknown> & { fromDate: string; toDate: string };
  submittedAt: number;
}

export interface HistoricAnnualSubmission {
  kind: HistoricKind;
  taxYear: number;
  body: Record<string, unknown>;
  submittedAt: number;
}

export interface ForeignPropertyDetail {
  businessId: string;
  propertyId: string;
  /** The first tax year the property is reported in. */
  taxYear: number;
  propertyName: string;
  countryCode: string;
  endDate?: string;
  endReason?: string;
  submittedAt: number;
}

export interface PropertyState {
  periods: PropertyPeriodSummary[];
  historicPeriods: HistoricPeriodSummary[];
  historicAnnual: HistoricAnnualSubmission[];
  foreignDetails: ForeignPropertyDetail[];
}

/** The taxpayer's property state, created empty on first use. */
export function propertyStateOf(state: TaxpayerState): PropertyState {
  state.property ??= { periods: [], historicPeriods: [], historicAnnual: [], foreignDetails: [] };
  return state.property;
}

/** The first property period summary (2022-23 to 2024-25) of the business spanning `start` to `end`, for obligations. */
export function propertyPeriodCovering(state: TaxpayerState, businessId: string, start: string, end: string): { submittedAt: number } | undefined {
  const period = state.property?.periods.find((p) => p.businessId === businessId && p.body.fromDate <= start && p.body.toDate >= end);
  return period ? { submittedAt: period.submittedAt } : undefined;
}
