/**
 * One step of a page journey, as a row of that journey's table: the journey's order is the table's order, read in
 * one file, the way the gateway's PIPELINE declares its checks (gateway/pipeline.ts). Generic on purpose (no
 * journey's types here) so that every page journey (link software today; sign-up and the agents' pages next) can
 * declare its steps the same way. The types a journey plugs in come as one bundle:
 *
 * - `id`: its step names (in logs and outcomes);
 * - `kit`: what every handler is given (pages, state, presets);
 * - `page`: one request to one of its pages;
 * - `facts`: what decides whether a step applies (the journey's state, the variant, the scopes asked for);
 * - `state`: its stored state (`stores` names fields of it);
 * - `failure`: its failure outcome ids (`fails` lists some).
 */
export interface PageJourneyTypes {
  id: string;
  kit: unknown;
  page: unknown;
  facts: unknown;
  state: object;
  failure: string;
}

/** Shows a page, or handles a form posted from it. */
export type PageHandler<T extends PageJourneyTypes> = (kit: T['kit'], page: T['page']) => void | Promise<void>;

export interface PageStep<T extends PageJourneyTypes> {
  readonly id: T['id'];
  /** The interaction prompt whose pages these are (oidc-provider's prompt name for the link journey). */
  readonly prompt: string;
  /**
   * Whether the journey needs this step now. Absent: only the base prompt's own checks decide (oidc-provider's
   * `consent` asks while a grant for the scopes is missing). The step after any step is the first row of the
   * table that applies: there is no "next" column, so a step's place in the table is its place in the journey.
   */
  readonly applies?: (facts: T['facts']) => boolean;
  /** `GET` of the step's page: shows where the user is within the step (or decides it at once, for a preset). */
  readonly show: PageHandler<T>;
  /** The templates its pages render (a failure renders the journey's shared failure page, not listed). */
  readonly templates: readonly string[];
  /** Its forms: the action the page posts to (`<page path>/<action>`) → the handler. */
  readonly forms: Readonly<Record<string, PageHandler<T>>>;
  /** The state fields its handlers set (an outcome set on failure is the journey's, not listed). */
  readonly stores: readonly (keyof T['state'])[];
  /** The failure outcomes it can end in. */
  readonly fails: readonly T['failure'][];
}

/** The step of a table shown for a prompt; a prompt outside the table is a wiring mistake, so it throws. */
export function stepForPrompt<T extends PageJourneyTypes>(table: readonly PageStep<T>[], prompt: string): PageStep<T> {
  const step = table.find((s) => s.prompt === prompt);
  if (!step) throw new Error(`No page step for the prompt "${prompt}"`);
  return step;
}

/**
 * Where the journey is: the first row that applies (a row without `applies` counts as applying, as its base
 * prompt's checks are not known here). The engine running the table (oidc-provider's policy for the link
 * journey) does the same walk; this is the table's meaning in one line, for tests and readers.
 */
export function currentStep<T extends PageJourneyTypes>(table: readonly PageStep<T>[], facts: T['facts']): PageStep<T> | undefined {
  return table.find((s) => s.applies?.(facts) ?? true);
}
