import type { BusinessFigures } from './calculation-document.js';
import type { BsasAdjustment } from './model.js';

/**
 * A BSAS accounting adjustment as it reaches the figures: the amounts under `income` are added to the business's
 * income, those under `expenses` to its expenses and those under `additions` (disallowable expenses) to its
 * additions. Each summary is adjusted once; a business's latest adjustment for the year counts.
 */
const sum = (section: unknown): number =>
  Object.values((section ?? {}) as Record<string, unknown>).reduce<number>((total, v) => total + (typeof v === 'number' ? v : 0), 0);
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function adjustFigures(figures: BusinessFigures, adjustments: BsasAdjustment[] | undefined): BusinessFigures {
  const latest = adjustments?.filter((a) => a.businessId === figures.businessId).pop();
  if (!latest) return figures;
  const { income, expenses, additions } = latest.body;
  return { ...figures, income: round2(figures.income + sum(income)), expenses: round2(figures.expenses + sum(expenses)), additions: round2(figures.additions + sum(additions)) };
}
