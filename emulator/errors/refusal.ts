import type { PageError } from './page-error.js';

/**
 * A service refusing what it was asked (a sign-up that cannot go ahead), the same refusal whether it was asked by its
 * pages or by the control API's shortcut. The one error handler (error-handler.ts) answers it in the surface's family:
 * `{"error": code, "message"}` with its status on the control API, the page `toPage()` gives on the pages.
 */
export abstract class Refusal<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** The control API's body. */
  body(): { error: Code; message: string } {
    return { error: this.code, message: this.message };
  }

  /** The page the service's own pages show for it. */
  abstract toPage(): PageError;
}
