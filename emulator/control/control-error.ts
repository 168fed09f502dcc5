/** The control API's error codes: the `error` of its `{"error", "message"}` bodies. */
export type ControlErrorCode = 'bad_request' | 'not_found' | 'conflict';

/** A control-API error, answered `{"error": code, "message": …}` with `status` by the control router. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly error: ControlErrorCode = status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request',
  ) {
    super(message);
  }
}
