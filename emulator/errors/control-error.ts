/**
 * The control API's own error codes: the `error` of its `{"error", "message"}` bodies. The sign-ups' refusals
 * (errors/refusal.ts) answer in the same shape with their own codes.
 */
export const CONTROL_CODES = ['bad_request', 'not_found', 'conflict', 'internal_error'] as const;
export type ControlCode = (typeof CONTROL_CODES)[number];

/** A control-API error, answered `{"error": code, "message": …}` with `status` by the one error handler (error-handler.ts). */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly error: ControlCode = status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request',
  ) {
    super(message);
    this.name = 'ControlError';
  }

  body(): { error: ControlCode; message: string } {
    return { error: this.error, message: this.message };
  }
}
