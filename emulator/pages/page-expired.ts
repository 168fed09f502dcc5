import { PageError } from '../errors/page-error.js';

/**
 * GOV.UK's "This page has expired", the one answer of every page family (but the link journey's, which has its own
 * dead ends) to a form sent without its session's CSRF token or after the session timed out: 403, heading
 * `data-testid="page-expired"`, a "Start again" button (`start-again`) to `start`. Thrown, and rendered by the one
 * error handler.
 */
export function pageExpired(start: string, serviceName?: string): PageError {
  return new PageError(403, {
    title: 'This page has expired',
    serviceName,
    paragraphs: ['For your security, we could not accept this form: it was sent without a valid security token, or your session timed out.', 'Go back to the start and try again.'],
    actions: [{ text: 'Start again', href: start, testid: 'start-again' }],
    testid: 'page-expired',
  });
}
