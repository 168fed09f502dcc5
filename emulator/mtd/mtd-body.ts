import { platformErrors } from '../errors/platform-error.js';
import type { ApiRequest } from '../gateway/api.js';
import { mtdError, mtdErrors } from './mtd-errors.js';
import type { MtdValidation } from './mtd-validation.js';

const JSON_TYPE = /^\s*(application\/json|text\/json|application\/[^;\s]+\+json)\s*(;|$)/i;

/**
 * The JSON body of a PUT or POST to an Income Tax API. A missing or non-JSON `Content-Type` is
 * 415 INVALID_BODY_TYPE "Expecting text/json or application/json body" (HMRC's JSON body parser);
 * anything but a non-empty JSON object is 400 RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED.
 */
export function jsonObjectBody(req: ApiRequest): Record<string, unknown> {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) throw platformErrors.invalidBodyType();
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) throw mtdErrors([mtdError.incorrectOrEmptyBody()]);
  return body as Record<string, unknown>;
}

/**
 * An optional object section of a body (`periodIncome`, `adjustments`, …): absent is undefined; present but not a
 * non-empty object adds RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED for `/<name>` to `v` and is undefined too.
 */
export function objectSection(body: Record<string, unknown>, name: string, v: MtdValidation): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).length) {
    v.add(mtdError.incorrectOrEmptyBody([`/${name}`]));
    return undefined;
  }
  return value as Record<string, unknown>;
}
