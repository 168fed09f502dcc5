/** A button on an error page: a link styled as a GOV.UK button, found by tests through its `data-testid`. */
export interface PageAction {
  text: string;
  href: string;
  testid: string;
  secondary?: boolean;
}

/** What an error page says: the shared `message.njk` template's context (pages/templates/message.njk). */
export interface ErrorPage {
  /** The `<h1>` and the first part of the `<title>`. */
  title: string;
  paragraphs: string[];
  actions?: PageAction[];
  /** The heading's `data-testid`. */
  testid?: string;
  /** Shown in the header and the `<title>`; "HMRC" when left out. */
  serviceName?: string;
}

/**
 * The pages' error family: an HTML page with a status, thrown by a page's handler and rendered as `message.njk`
 * by the one error handler (error-handler.ts) on the pages surface, so no page router needs its own error middleware.
 */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly page: ErrorPage,
  ) {
    super(page.title);
    this.name = 'PageError';
  }
}
