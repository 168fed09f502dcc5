/**
 * The questions of a form journey (sign-up, VAT sign-up, create an agent services account) as one ordered table:
 * each row names a page, when it is part of the journey, and when its question counts as answered. The journey's
 * order is the table's order; where the user goes next is the first row that applies and is unanswered, so no
 * "next" column exists and no page can be skipped by typing its URL. The link journey's steps are the same idea
 * driven by oidc-provider's prompts (journey/page-step.ts).
 */
export interface QuestionRow<Id extends string, Facts> {
  readonly id: Id;
  /** Whether the page is part of the journey for these facts; absent: always. */
  readonly applies?: (facts: Facts) => boolean;
  /** Whether its question is answered; absent: never (the last row, "check your answers", where every walk ends). */
  readonly answered?: (facts: Facts) => boolean;
}

export type QuestionTable<Id extends string, Facts> = readonly QuestionRow<Id, Facts>[];

const applies = <F>(row: QuestionRow<string, F>, facts: F): boolean => row.applies?.(facts) ?? true;

/** The first page that applies and whose question is unanswered; the table's last row when every one is. */
export function firstUnanswered<Id extends string, F>(table: QuestionTable<Id, F>, facts: F): Id {
  const row = table.find((r) => applies(r, facts) && !(r.answered?.(facts) ?? false)) ?? table[table.length - 1];
  if (!row) throw new Error('A question table needs at least one row');
  return row.id;
}

/** Whether a page may be shown now: it applies, and it is the first unanswered page or an earlier one. */
export function reachable<Id extends string, F>(table: QuestionTable<Id, F>, id: Id, facts: F): boolean {
  const index = table.findIndex((r) => r.id === id);
  if (index < 0 || !applies(table[index]!, facts)) return false;
  const first = firstUnanswered(table, facts);
  return index <= table.findIndex((r) => r.id === first);
}

/** The pages' ids in order (for route registration and docs). */
export const questionIds = <Id extends string, F>(table: QuestionTable<Id, F>): Id[] => table.map((r) => r.id);
